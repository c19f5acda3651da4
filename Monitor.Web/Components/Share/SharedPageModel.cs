using Monitor.Core.Share;

namespace Monitor.Web.Components.Share;

/// <summary>Everything the static shared page renders; it reads nothing else.</summary>
/// <param name="Token">The link's token, for its own form and download (never links elsewhere).</param>
/// <param name="AntiforgeryField">The password form's antiforgery field name and value.</param>
public sealed record SharedPageModel(
    SharedPageKind Kind,
    string? Token = null,
    SharedDashboard? Dashboard = null,
    string? PasswordError = null,
    (string Name, string Value)? AntiforgeryField = null);
