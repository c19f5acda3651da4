using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Data;

/// <summary>
/// A database's schema as sorted lines, for comparing two databases built different ways: tables, columns (type,
/// null), column defaults (lines starting <c>default </c>), constraints, indexes, triggers, functions, views and partitions; the migration history's rows are not
/// schema. Column order is left out: a column added by a later migration comes last, the same column in a squashed one
/// does not.
/// </summary>
internal static partial class SchemaSnapshot
{
    private static readonly string[] PostgresQueries =
    [
        """
        SELECT 'relation ' || c.relname || ' ' || c.relkind::text || ' ' || COALESCE(pg_get_partkeydef(c.oid), '')
        FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        """,
        """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || COALESCE('(' || character_maximum_length || ')', '')
               || ' nullable=' || is_nullable || ' identity=' || is_identity
        FROM information_schema.columns WHERE table_schema = 'public'
        """,
        """
        SELECT 'default ' || table_name || '.' || column_name || ' ' || column_default
        FROM information_schema.columns WHERE table_schema = 'public' AND column_default IS NOT NULL
        """,
        """
        SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        """,
        "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'",
        "SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal",
        "SELECT 'function ' || pg_get_functiondef(oid) FROM pg_proc WHERE pronamespace = 'public'::regnamespace",
        "SELECT 'view ' || viewname || ' ' || definition FROM pg_views WHERE schemaname = 'public'",
        """
        SELECT 'partition ' || i.inhrelid::regclass::text || ' of ' || i.inhparent::regclass::text || ' ' || pg_get_expr(c.relpartbound, c.oid)
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relkind IN ('r', 'p')
        """,
    ];

    private static readonly string[] SqliteQueries =
    [
        "SELECT 'object ' || type || ' ' || name || ' on ' || tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'",
        """
        SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || ' notnull=' || p."notnull" || ' pk=' || p.pk
        FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'
        """,
        """
        SELECT 'default ' || m.name || '.' || p.name || ' ' || p.dflt_value
        FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND p.dflt_value IS NOT NULL
        """,
        """
        SELECT 'foreign key ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || COALESCE(f."to", '') || ' on delete ' || f.on_delete
        FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
        """,
        """
        SELECT 'index ' || m.name || ' ' || i.name || ' unique=' || i."unique" || ' ' || i.origin || ' partial=' || i.partial || ' ('
               || (SELECT group_concat(x.name, ',') FROM pragma_index_info(i.name) x) || ')'
        FROM sqlite_master m, pragma_index_list(m.name) i WHERE m.type = 'table'
        """,
        "SELECT 'sql ' || type || ' ' || name || ' ' || sql FROM sqlite_master WHERE type IN ('trigger', 'view', 'index') AND sql IS NOT NULL",
    ];

    public static async Task<List<string>> ReadAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        var lines = new List<string>();
        foreach (var query in database.Provider == DatabaseProvider.Postgres ? PostgresQueries : SqliteQueries)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Assert.False(reader.IsDBNull(0), $"A schema line is null (an object this query cannot describe): {query}");
                lines.Add(Whitespace().Replace(reader.GetString(0), " ").Trim());
            }
        }

        return lines.Where(l => !l.Contains("__EFMigrations", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Runs a script of many statements (a schema fixture) as it is.</summary>
    public static async Task ExecuteScriptAsync(TestDatabase database, string sql)
    {
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        // EF's script ends a statement with a line break only after a hand-written trigger; run as one text, SQLite needs the semicolon.
        command.CommandText = database.Provider == DatabaseProvider.Sqlite ? TriggerEnd().Replace(sql, "END;") : sql;
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"^END$", RegexOptions.Multiline)]
    private static partial Regex TriggerEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
