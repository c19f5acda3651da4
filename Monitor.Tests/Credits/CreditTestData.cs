using Microsoft.EntityFrameworkCore;
using Monitor.Core.Credits;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Settings;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Credits;

/// <summary>Clears the credit tables between tests sharing one database, and seeds ledger rows.</summary>
internal static class CreditTestData
{
    public static async Task ResetAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        await db.Set<CreditLedgerWorkspace>().ExecuteDeleteAsync();
        await db.Set<CreditLedgerEntry>().ExecuteDeleteAsync();
        await db.Set<CreditMonthTotal>().ExecuteDeleteAsync();
        await db.Set<ProviderDailyUsage>().ExecuteDeleteAsync();
        await db.AppSettings.Where(s => s.Key.StartsWith("credits.")).ExecuteDeleteAsync();
        await db.Profiles.ExecuteDeleteAsync();
    }

    /// <summary>Charges through the ledger's one write path, so the month totals and workspace attribution follow.</summary>
    public static async Task SeedAsync(MonitorDbContext db, DateOnly day, int credits, Guid? profileId = null, long? runId = null, int rows = 1)
    {
        var entries = new List<CreditLedgerEntry>();
        for (var i = 0; i < rows; i++)
        {
            entries.Add(new CreditLedgerEntry
            {
                At = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                Day = day,
                ProfileId = profileId,
                LogId = runId,
                Endpoint = "/v3/tiktok/profile/videos",
                StatusCode = 200,
                Credits = credits,
            });
        }

        await CreditLedgerAppender.AppendAsync(db, entries, CancellationToken.None);
    }

    /// <summary>A page of the fixture creator's feed with its envelope's credits_charged set (or removed, for null).</summary>
    public static string PageWithCharge(string fixture, int? charged)
    {
        var body = FixtureFiles.Read(fixture);
        var withoutCharge = System.Text.RegularExpressions.Regex.Replace(body, "\"credits_charged\"\\s*:\\s*\\d+\\s*,", "");
        return charged is { } c ? withoutCharge.Replace("\"success\": true,", $"\"success\": true, \"credits_charged\": {c},", StringComparison.Ordinal) : withoutCharge;
    }
}
