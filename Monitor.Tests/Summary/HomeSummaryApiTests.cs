using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Core.Common;
using Monitor.Core.Credits;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Tests.Credits;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Summary;

/// <summary>/api/summary counts what the database holds, days in Monitoring:TimeZone, on both databases.</summary>
public abstract class HomeSummaryApiTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string ApiKey = "summary-api-key-0123456789";
    private const string Zone = "Pacific/Auckland";
    private MonitorAppFactory? _app;

    public async Task InitializeAsync()
    {
        await database.ClearProfilesAsync();
        await CreditTestData.ResetAsync(database);
        _app = new MonitorAppFactory(database, new()
        {
            ["MONITOR_API_KEY"] = ApiKey,
            ["Monitoring:TimeZone"] = Zone,
        });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Summary_CountsProfilesRunsTodayAndCreditsThisMonth()
    {
        var zone = ReportingTimeZone.FromId(Zone);
        var today = zone.DayOf(DateTime.UtcNow);
        var dayStart = zone.StartOf(today);
        await using (var db = database.CreateDbContext())
        {
            var on = Profile("summary.on", true);
            var off = Profile("summary.off", false);
            db.Profiles.AddRange(on, off, Profile("summary.on2", true));
            await db.SaveChangesAsync();
            db.Runs.AddRange(
                Log(on.Id, MonitoringStatus.Completed, dayStart.AddSeconds(1)),
                Log(on.Id, MonitoringStatus.Failed, dayStart.AddSeconds(2)),
                Log(off.Id, MonitoringStatus.Interrupted, dayStart.AddSeconds(3)),
                // Before today's midnight in the zone (still "today" in UTC for part of the day): not counted.
                Log(off.Id, MonitoringStatus.Failed, dayStart.AddSeconds(-1)));
            await db.SaveChangesAsync();
            await CreditTestData.SeedAsync(db, today, credits: 7, rows: 2);
            await CreditTestData.SeedAsync(db, CreditBudgetPolicy.MonthStart(today).AddDays(-1), credits: 100);
        }

        using var client = _app!.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var summary = await client.GetFromJsonAsync<JsonElement>("/api/summary");

        Assert.Equal(3, summary.GetProperty("profiles").GetInt32());
        Assert.Equal(2, summary.GetProperty("monitored").GetInt32());
        Assert.Equal(3, summary.GetProperty("runsToday").GetInt32());
        Assert.Equal(1, summary.GetProperty("failuresToday").GetInt32());
        Assert.Equal(14, summary.GetProperty("creditsThisMonth").GetInt64());
        Assert.Equal(Zone, summary.GetProperty("timeZone").GetString());
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), summary.GetProperty("today").GetString());
    }

    [Fact]
    public async Task Summary_WithoutKey_Returns401()
    {
        using var client = _app!.CreateClient();
        var response = await client.GetAsync(new Uri("/api/summary", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static TiktokProfile Profile(string handle, bool monitored) => new()
    {
        Handle = handle,
        Nickname = handle,
        MonitoringEnabled = monitored,
        // Not due while the test runs: the app's sweep leaves them alone.
        NextMonitoringRun = monitored ? DateTime.UtcNow.AddDays(2) : null,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    private static MonitoringRun Log(Guid profileId, MonitoringStatus status, DateTime completedAt) => new()
    {
        ProfileId = profileId,
        Status = status,
        Trigger = MonitoringTrigger.Scheduled,
        CreatedAt = completedAt,
        ScheduledFor = completedAt,
        StartedAt = completedAt,
        CompletedAt = completedAt,
    };
}

public sealed class PostgresHomeSummaryApiTests(PostgresDatabase database) : HomeSummaryApiTests<PostgresDatabase>(database);

public sealed class SqliteHomeSummaryApiTests(SqliteDatabase database) : HomeSummaryApiTests<SqliteDatabase>(database);
