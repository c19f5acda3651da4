using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Backups;

/// <summary>
/// An archive restores only into a database at the same schema (the same last migration). An archive whose last
/// migration this app does not know comes from a newer app and is refused; an older one is refused too: restore it with
/// the app version that wrote it, then upgrade that app, whose start migrates the restored data.
/// </summary>
internal static class BackupSchemaCheck
{
    public static async Task EnsureSameSchemaAsync(MonitorDbContext target, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var known = target.Database.GetMigrations().Select(MigrationNames.NameOf).ToHashSet(StringComparer.Ordinal);
        if (!known.Contains(manifest.Schema)
            && SquashBaseline.ReleasedMigration(target.Provider) is { } released && MigrationNames.NameOf(released) == manifest.Schema)
        {
            throw new BackupRefusedException(
                $"The archive's schema ends at migration {manifest.Schema}, of the release before this version squashed its migrations into one: " +
                "restore it with that release, then upgrade the app (its start moves the database onto this version's schema).");
        }

        if (!known.Contains(manifest.Schema))
        {
            throw new BackupRefusedException(
                $"The archive comes from a newer version of the app: its schema ends at migration {manifest.Schema}, which this app does not know. Upgrade the app, then restore.");
        }

        var applied = (await target.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var current = applied.Count == 0 ? "(none)" : MigrationNames.NameOf(applied[^1]);
        if (current != manifest.Schema)
        {
            throw new BackupRefusedException(
                $"The archive's schema ends at migration {manifest.Schema}, this database's at {current}: a restore needs the same schema. " +
                "Restore it with the app version that wrote it, then upgrade that app.");
        }
    }
}
