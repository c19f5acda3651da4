using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Groups;
using Monitor.Core.Profiles;
using Monitor.Core.Reports;

namespace Monitor.Core.Share;

/// <summary>Whether a link's target exists (a sent report also not yet expired), and the label the list shows for it.</summary>
internal static class ShareTargets
{
    public static async Task<string?> LabelAsync(MonitorDbContext db, ShareTargetKind kind, Guid id, DateTime now, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case ShareTargetKind.Profile:
                var handle = await db.Profiles.Where(p => p.Id == id).Select(p => p.Handle).SingleOrDefaultAsync(cancellationToken);
                return handle is null ? null : "@" + handle;
            case ShareTargetKind.Group:
                return await db.ProfileGroups.Where(g => g.Id == id).Select(g => g.Name).SingleOrDefaultAsync(cancellationToken);
            default:
                var sent = await db.Set<SentReport>().Where(r => r.Id == id && r.ExpiresAt > now)
                    .Select(r => new
                    {
                        r.Cadence,
                        r.TimeZone,
                        r.PeriodStart,
                        Name = db.Set<ReportDefinition>().Where(d => d.Id == r.DefinitionId).Select(d => d.Name).FirstOrDefault(),
                    })
                    .SingleOrDefaultAsync(cancellationToken);
                return sent is null ? null
                    : $"{sent.Name ?? "Report"}, {ReportPeriod.Of(sent.Cadence, ReportingTimeZone.FromId(sent.TimeZone), sent.PeriodStart).DescribeShort()}";
        }
    }

    public static bool TryParse(string? text, out ShareTargetKind kind) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);
}
