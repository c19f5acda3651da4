namespace Monitor.Web.Endpoints;

/// <param name="Name">1–100 characters, unique (case-insensitive).</param>
/// <param name="Description">Up to 1,000 characters; optional.</param>
internal sealed record GroupRequest(string? Name, string? Description);
