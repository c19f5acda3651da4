using Microsoft.EntityFrameworkCore;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Data;

public sealed class QuartzSchemaMigrationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Migrate_OnPostgres_CreatesTheQuartzJobStoreTables()
    {
        await database.MigrateAsync();
        await database.MigrateAsync();

        await using var db = database.CreateDbContext();
        var tables = await db.Database
            .SqlQuery<string>($"SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%'")
            .ToListAsync();
        Assert.Superset(new HashSet<string>(["qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_fired_triggers", "qrtz_locks", "qrtz_scheduler_state"]), tables.ToHashSet());
    }
}
