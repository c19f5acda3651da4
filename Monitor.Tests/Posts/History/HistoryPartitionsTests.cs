using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Posts.History;

public sealed class HistoryPartitionsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTime Now = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Ahead_InDecember_IsThisMonthAndThreeMoreAcrossTheYear() =>
        Assert.Equal(
            ["tiktok_post_history_2026_12", "tiktok_post_history_2027_01", "tiktok_post_history_2027_02", "tiktok_post_history_2027_03"],
            HistoryPartitions.Ahead(Now).Select(p => p.Name));

    [Fact]
    public async Task TimeBoundedQuery_WithTheMonthStartBound_IsPrunedToItsPartition()
    {
        await database.MigrateAsync();
        await using var db = database.CreateDbContext();
        foreach (var partition in HistoryPartitions.Ahead(Now))
        {
            await db.Database.ExecuteSqlRawAsync(HistoryPartitions.CreateSql(partition));
            await db.Database.ExecuteSqlRawAsync(HistoryPartitions.CreateSql(partition));
        }

        var from = new DateTime(2027, 1, 10, 0, 0, 0, DateTimeKind.Utc);
        var plan = await ExplainAsync(db, string.Create(CultureInfo.InvariantCulture, $"""
            SELECT * FROM tiktok_post_history
            WHERE post_id = 1 AND first_at >= '{HistoryPartitions.MonthStart(from):yyyy-MM-dd} 00:00:00+00' AND first_at < '2027-01-20 00:00:00+00'
            """));

        Assert.Contains("tiktok_post_history_2027_01", plan, StringComparison.Ordinal);
        foreach (var other in new[] { "_2026_12", "_2027_02", "_2027_03", "_default" })
        {
            Assert.DoesNotContain("tiktok_post_history" + other, plan, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EnsureAhead_InMay2027_CreatesThatMonthAndThreeMore_AndASecondRunChangesNothing()
    {
        await database.MigrateAsync();
        var maintainer = new HistoryPartitionMaintainer(
            database.ContextFactory, Options.Create(new HistoryOptions()), new FakeTimeProvider(new DateTimeOffset(2027, 5, 20, 23, 0, 0, TimeSpan.Zero)));

        var ensured = await maintainer.EnsureAheadAsync(CancellationToken.None);
        var afterFirst = await PartitionNamesAsync();
        await maintainer.EnsureAheadAsync(CancellationToken.None);

        string[] expected = ["tiktok_post_history_2027_05", "tiktok_post_history_2027_06", "tiktok_post_history_2027_07", "tiktok_post_history_2027_08"];
        Assert.Equal(expected, ensured.Select(p => p.Name));
        Assert.Subset(afterFirst.ToHashSet(), expected.ToHashSet());
        Assert.DoesNotContain("tiktok_post_history_2027_09", afterFirst);
        Assert.Equal(afterFirst, await PartitionNamesAsync());
    }

    private async Task<List<string>> PartitionNamesAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.Database.SqlQueryRaw<string>("""
            SELECT c.relname AS "Value" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'tiktok_post_history'::regclass ORDER BY c.relname
            """).ToListAsync();
    }

    private static async Task<string> ExplainAsync(DbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN " + sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
