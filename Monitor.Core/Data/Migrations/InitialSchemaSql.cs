using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.Core.Changes;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Scheduling;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Data.Migrations;

/// <summary>
/// What each provider's initial migration creates by hand after EF's tables: the objects the model does not describe
/// (Quartz's job store, the hashtag and change triggers, the post history's tables, function, partitions and view) and the
/// first workspace a new install needs. scripts/squash-migrations.sh inserts the calls into the generated migration, so
/// hand-written SQL added to a later migration belongs here too before the next squash. Kept in the migrations'
/// namespace, which the architecture test leaves out of the slices: it calls into several features.
/// </summary>
public static class InitialSchemaSql
{
    public static void PostgresUp(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(QuartzSchema.PostgresCreateScript());
        SqlEach(migrationBuilder, HashtagSetTriggers.PostgresUp);
        SqlEach(migrationBuilder, ChangeTriggers.PostgresUp);
        migrationBuilder.Sql(HistoryStorageSql.PostgresCreate);
        migrationBuilder.Sql(WorkspacesMigrationSql.InsertFirstWorkspace(migrationBuilder.ActiveProvider));
    }

    public static void PostgresDown(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(HistoryStorageSql.PostgresDown);
        SqlEach(migrationBuilder, ChangeTriggers.PostgresDown);
        SqlEach(migrationBuilder, HashtagSetTriggers.PostgresDown);
        SqlEach(migrationBuilder, QuartzSchema.PostgresDropStatements());
    }

    public static void SqliteUp(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        SqlEach(migrationBuilder, HashtagSetTriggers.SqliteUp);
        SqlEach(migrationBuilder, ChangeTriggers.SqliteUp);
        migrationBuilder.Sql(SqliteHistoryStorageSql.Create);
        migrationBuilder.Sql(WorkspacesMigrationSql.InsertFirstWorkspace(migrationBuilder.ActiveProvider));
    }

    public static void SqliteDown(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(SqliteHistoryStorageSql.Down);
        SqlEach(migrationBuilder, ChangeTriggers.SqliteDown);
        SqlEach(migrationBuilder, HashtagSetTriggers.SqliteDown);
    }

    private static void SqlEach(MigrationBuilder migrationBuilder, IEnumerable<string> statements)
    {
        foreach (var sql in statements)
        {
            migrationBuilder.Sql(sql);
        }
    }
}
