using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Tests.Infrastructure;
namespace Monitor.Tests.Posts;

/// <summary>
/// Triggers that count the rows inserted into and deleted from <c>tiktok_post_hashtags</c>: what a page really wrote,
/// which the table's final content cannot tell (a delete-and-reinsert looks the same afterwards).
/// </summary>
internal static class HashtagAudit
{
    private const string Postgres = """
        CREATE TABLE hashtag_audit (op text NOT NULL);
        CREATE FUNCTION hashtag_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO hashtag_audit VALUES (TG_OP); RETURN NULL; END $$;
        CREATE TRIGGER hashtag_audit_trigger AFTER INSERT OR DELETE ON tiktok_post_hashtags
        FOR EACH ROW EXECUTE FUNCTION hashtag_audit_row();
        """;

    private static readonly string[] Sqlite =
    [
        "CREATE TABLE hashtag_audit (op TEXT NOT NULL)",
        "CREATE TRIGGER hashtag_audit_insert AFTER INSERT ON tiktok_post_hashtags BEGIN INSERT INTO hashtag_audit VALUES ('INSERT'); END",
        "CREATE TRIGGER hashtag_audit_delete AFTER DELETE ON tiktok_post_hashtags BEGIN INSERT INTO hashtag_audit VALUES ('DELETE'); END",
    ];

    public static async Task InstallAsync(SchedulingDatabase database)
    {
        await using var db = database.CreateDbContext();
        foreach (var sql in database.Provider == DatabaseProvider.Postgres ? [Postgres] : Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    /// <returns>Rows inserted and deleted since <see cref="InstallAsync"/>.</returns>
    public static async Task<(int Inserted, int Deleted)> CountsAsync(SchedulingDatabase database)
    {
        await using var db = database.CreateDbContext();
        var ops = await db.Database.SqlQueryRaw<string>("SELECT op AS \"Value\" FROM hashtag_audit").ToListAsync();
        return (ops.Count(o => o == "INSERT"), ops.Count(o => o == "DELETE"));
    }
}
