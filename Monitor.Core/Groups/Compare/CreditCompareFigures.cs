using Microsoft.EntityFrameworkCore;
using Monitor.Core.Credits;
using Monitor.Core.Data;

namespace Monitor.Core.Groups.Compare;

/// <summary>Credits spent per member on the period's days (the ledger's reporting-zone <c>day</c>), one grouped query.</summary>
internal sealed class CreditCompareFigures : ICompareFigures
{
    public async Task FillAsync(MonitorDbContext db, CompareScope scope, CompareRows rows, CancellationToken cancellationToken)
    {
        var period = scope.Period;
        var spent = await db.Set<CreditLedgerEntry>()
            .Where(e => e.Day >= period.From && e.Day <= period.To
                && db.Set<ProfileGroupMember>().Any(m => m.GroupId == scope.GroupId && m.ProfileId == e.ProfileId))
            .GroupBy(e => e.ProfileId!.Value)
            .Select(g => new { ProfileId = g.Key, Credits = g.Sum(e => (long)e.Credits) })
            .ToListAsync(cancellationToken);
        foreach (var s in spent)
        {
            rows.Update(s.ProfileId, row => row with { Credits = s.Credits });
        }
    }
}
