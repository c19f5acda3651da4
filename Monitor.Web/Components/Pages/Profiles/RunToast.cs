namespace Monitor.Web.Components.Pages.Profiles;

/// <summary>A message the profile page shows once when a run ends.</summary>
public sealed record RunToast(string Message, RunToastLevel Level);
