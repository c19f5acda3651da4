using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Data;

/// <summary>
/// Statements straight through ADO.NET bind each value as EF stores it, so what they write EF reads back and what EF
/// wrote they find: a Guid, an enum, a time of any kind, a null.
/// </summary>
public abstract class DirectSqlTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    public Task InitializeAsync() => database.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Execute_FindsTheRowEfWrote_AndEfReadsWhatItWrote()
    {
        var profile = await AddProfileAsync();
        var lastRun = new DateTime(2026, 3, 1, 12, 30, 15, 250, DateTimeKind.Utc);
        await using (var db = database.CreateDbContext())
        {
            var written = await DirectSql.ExecuteAsync(db,
                "UPDATE tiktok_profiles SET scan_mode = @p0, last_monitoring_run = @p1, next_monitoring_run = @p2, nickname = @p3 WHERE id = @p4",
                [ScanMode.ByAge, DateTime.SpecifyKind(lastRun, DateTimeKind.Unspecified), null, "Straight", profile.Id], CancellationToken.None);
            Assert.Equal(1, written);
        }

        await using var check = database.CreateDbContext();
        var stored = await check.Profiles.AsNoTracking().SingleAsync(p => p.Id == profile.Id);
        Assert.Equal(ScanMode.ByAge, stored.ScanMode);
        // Compared in SQL as EF stores it: the lower-case name.
        Assert.Equal(1, await check.Profiles.CountAsync(p => p.Id == profile.Id && p.ScanMode == ScanMode.ByAge));
        Assert.Equal(lastRun, stored.LastMonitoringRun);
        Assert.Null(stored.NextMonitoringRun);
        Assert.Equal("Straight", stored.Nickname);
    }

    [Fact]
    public async Task First_ReadsTheRow_AsUtc_OrNullWhenThereIsNone()
    {
        var profile = await AddProfileAsync();
        await using var db = database.CreateDbContext();
        const string sql = "SELECT id, created_at, next_monitoring_run FROM tiktok_profiles WHERE id = @p0";

        var row = await DirectSql.FirstAsync(db, sql, [profile.Id],
            reader => new Row(reader.GetGuid(0), DirectSql.UtcOrNull(reader, 1), DirectSql.UtcOrNull(reader, 2)), CancellationToken.None);
        var none = await DirectSql.FirstAsync(db, sql, [Guid.NewGuid()], reader => new Row(reader.GetGuid(0), null, null), CancellationToken.None);

        Assert.NotNull(row);
        Assert.Equal(profile.Id, row.Id);
        Assert.Equal(profile.CreatedAt, row.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, row.CreatedAt!.Value.Kind);
        Assert.Null(row.NextRun);
        Assert.Null(none);
    }

    [Fact]
    public async Task Execute_InsideATransaction_IsRolledBackWithIt()
    {
        var profile = await AddProfileAsync();
        await using (var db = database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await DirectSql.ExecuteAsync(db, "UPDATE tiktok_profiles SET nickname = @p0 WHERE id = @p1", ["Rolled back", profile.Id], CancellationToken.None);
            await transaction.RollbackAsync();
        }

        await using var check = database.CreateDbContext();
        Assert.Null(await check.Profiles.Where(p => p.Id == profile.Id).Select(p => p.Nickname).SingleAsync());
    }

    private async Task<TiktokProfile> AddProfileAsync()
    {
        var now = new DateTime(2026, 2, 1, 8, 0, 0, DateTimeKind.Utc);
        var profile = new TiktokProfile { Handle = $"direct_{Guid.NewGuid():N}"[..20], CreatedAt = now, UpdatedAt = now };
        await using var db = database.CreateDbContext();
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile;
    }

    private sealed record Row(Guid Id, DateTime? CreatedAt, DateTime? NextRun);
}

public sealed class PostgresDirectSqlTests(PostgresDatabase database) : DirectSqlTests<PostgresDatabase>(database);

public sealed class SqliteDirectSqlTests(SqliteDatabase database) : DirectSqlTests<SqliteDatabase>(database);
