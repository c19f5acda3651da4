using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Data;
using Monitor.Core.Exports;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;
using Npgsql;

namespace Monitor.Tests.Posts.History;

/// <summary>
/// The app's time-bounded history read (the history CSV for a date range) as PostgreSQL plans it: only the months of the
/// range are read, every other partition (and the default one) is pruned away.
/// </summary>
public sealed class HistoryReadPruningTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTime Now = new(2027, 3, 6, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task HistoryExport_ForTenDaysOfJanuary_PlanReadsOnlyTheJanuaryPartition()
    {
        await database.MigrateAsync();
        var profileId = await SeedAsync();
        var capture = new SelectCapture();
        var options = new DbContextOptionsBuilder<PostgresMonitorDbContext>(database.Services.GetRequiredService<DbContextOptions<PostgresMonitorDbContext>>())
            .AddInterceptors(capture).Options;
        var exports = new ProfileExports(new Factory(options), new FakeTimeProvider(Now));

        using var csv = new MemoryStream();
        await exports.WriteHistoryAsync(profileId, new DateTime(2027, 1, 10, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 20, 0, 0, 0, DateTimeKind.Utc), csv, CancellationToken.None);
        var plan = await ExplainAsync(Assert.Single(capture.Commands, c => c.CommandText.Contains(HistoryStorageSql.ObservationsView, StringComparison.Ordinal)));

        Assert.Equal(11, csv.ToArray().Count(b => b == '\n')); // the header and Jan 10..19, one observation a day
        Assert.Contains("tiktok_post_history_2027_01", plan, StringComparison.Ordinal);
        foreach (var other in new[] { "_2026_10", "_2026_11", "_2026_12", "_2027_02", "_2027_03", "_2027_04", "_default" })
        {
            Assert.DoesNotContain("tiktok_post_history" + other, plan, StringComparison.Ordinal);
        }
    }

    /// <summary>A post observed once a day at noon from October to early March, counters changing every third day.</summary>
    private async Task<Guid> SeedAsync()
    {
        await using var db = database.CreateDbContext();
        foreach (var partition in HistoryPartitions.Between(new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 4, 1, 0, 0, 0, DateTimeKind.Utc)))
        {
            await db.Database.ExecuteSqlRawAsync(HistoryPartitions.CreateSql(partition));
        }

        var from = new DateTime(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc);
        var profile = new TiktokProfile { Handle = "pruned", CreatedAt = from, UpdatedAt = from };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        var post = new TiktokPost { AwemeId = "7400000000000000001", ProfileId = profile.Id, FirstSeenAt = from, LastSeenAt = Now };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        await PostHistoryWriter.RecordAsync(db, Enumerable.Range(0, 155).Select(d => new TikTokPostMetricsHistory
        {
            PostId = post.Id,
            RecordedAt = from.AddDays(d),
            Metrics = new PostMetrics(1_000 + (d / 3), 10, 1, 1, 1),
        }));
        return profile.Id;
    }

    private async Task<string> ExplainAsync(NpgsqlCommand captured)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN " + captured.CommandText, connection);
        foreach (NpgsqlParameter parameter in captured.Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private sealed class Factory(DbContextOptions<PostgresMonitorDbContext> options) : IDbContextFactory<MonitorDbContext>
    {
        public MonitorDbContext CreateDbContext() => new PostgresMonitorDbContext(options);
    }

    /// <summary>Keeps a copy of each query EF sends (text and parameters).</summary>
    private sealed class SelectCapture : DbCommandInterceptor
    {
        public List<NpgsqlCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var copy = new NpgsqlCommand(command.CommandText);
            foreach (NpgsqlParameter parameter in command.Parameters)
            {
                copy.Parameters.Add(parameter.Clone());
            }

            Commands.Add(copy);
            return ValueTask.FromResult(result);
        }
    }
}
