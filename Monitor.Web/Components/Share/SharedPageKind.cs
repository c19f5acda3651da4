namespace Monitor.Web.Components.Share;

/// <summary>What a share URL answers: the dashboard, the password form, or one refusal page for every unusable link.</summary>
public enum SharedPageKind
{
    Dashboard,
    Password,
    Refused,
    Throttled,
}
