using Monitor.Core.Share;

namespace Monitor.Web.Endpoints;

/// <summary>A new share link.</summary>
/// <param name="TargetKind">profile, group or report (a sent report).</param>
/// <param name="TargetId">The profile's, the group's or the sent report's id.</param>
/// <param name="ExpiresInDays">1–365 days; 30 when left out. A link always expires.</param>
/// <param name="Password">8–128 characters; leave out for a link that opens without one.</param>
internal sealed record ShareLinkRequest(string? TargetKind, Guid? TargetId, int? ExpiresInDays, string? Password)
{
    public ShareLinkInput ToInput() => new(TargetKind, TargetId, ExpiresInDays, Password);
}
