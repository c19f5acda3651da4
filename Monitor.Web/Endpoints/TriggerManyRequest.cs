namespace Monitor.Web.Endpoints;

/// <summary>Body of <c>POST /api/tiktok/profiles/monitoring/trigger</c>: Update Now for these profiles, queued in one batch.</summary>
public sealed record TriggerManyRequest(IReadOnlyList<Guid>? ProfileIds)
{
    public const int MaxProfiles = 10_000;
}
