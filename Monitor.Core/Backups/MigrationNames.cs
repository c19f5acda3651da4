namespace Monitor.Core.Backups;

/// <summary>
/// A migration id without its timestamp (<c>20261206134840_Insights</c> → <c>Insights</c>): the providers' migrations
/// share names but not timestamps, and an archive from one provider restores into the other.
/// </summary>
public static class MigrationNames
{
    public static string NameOf(string migrationId)
    {
        ArgumentNullException.ThrowIfNull(migrationId);
        var separator = migrationId.IndexOf('_', StringComparison.Ordinal);
        return separator < 0 ? migrationId : migrationId[(separator + 1)..];
    }
}
