using Microsoft.Data.Sqlite;
using Monitor.Core.Data;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Backups;

/// <summary>Loses the database as a disk failure would: PostgreSQL's database dropped and created empty, SQLite's file deleted; then migrated like a fresh install.</summary>
internal static class BackupWipe
{
    public static async Task WipeAsync(TestDatabase database)
    {
        switch (database)
        {
            case PostgresDatabase postgres:
                await PostgresServer.DropDatabaseAsync(postgres.Name);
                await PostgresServer.CreateDatabaseAsync(postgres.Name);
                break;
            case SqliteDatabase sqlite:
                using (var pooled = new SqliteConnection(sqlite.Settings.ConnectionString))
                {
                    SqliteConnection.ClearPool(pooled);
                }

                foreach (var file in Directory.EnumerateFiles(sqlite.DataDirectory, $"{DatabaseSettings.SqliteFileName}*"))
                {
                    File.Delete(file);
                }

                break;
        }

        await database.MigrateAsync();
    }
}
