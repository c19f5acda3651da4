namespace Monitor.Web.Endpoints;

/// <param name="Role">viewer, editor or admin.</param>
internal sealed record WorkspaceMemberRequest(string? Role);
