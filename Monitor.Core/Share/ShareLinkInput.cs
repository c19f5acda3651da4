namespace Monitor.Core.Share;

/// <summary>A new link as asked for by the dialog or the API, not yet checked.</summary>
/// <param name="TargetKind">profile, group or report.</param>
/// <param name="TargetId">The profile's, the group's or the sent report's id.</param>
/// <param name="ExpiresInDays">1 to <see cref="ShareLinkLimits.MaxDays"/>; <see cref="ShareLinkLimits.DefaultDays"/> when null.</param>
/// <param name="Password">Null or empty for none.</param>
public sealed record ShareLinkInput(string? TargetKind, Guid? TargetId, int? ExpiresInDays, string? Password);
