using Microsoft.Data.Sqlite;

namespace Monitor.Core.Data;

/// <summary>
/// Turns a start-up failure of the embedded database into one line an operator can act on: the folder, the cause
/// and the fix, instead of a stack trace. Null when the failure is not about the data folder.
/// </summary>
public static class DataFolderProblem
{
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteReadOnly = 8;
    private const int SqliteNotADatabase = 26;
    private const int SqliteIoError = 10;
    private const int NoSpaceLeft = 28;

    public static string? Describe(DatabaseSettings settings, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(exception);
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var folder = settings.DataDirectory;
        var file = Path.Combine(folder, DatabaseSettings.SqliteFileName);
        var (cause, fix) = Classify(exception, file);
        return cause is null
            ? null
            : $"Cannot use the data folder {folder}: {cause}. Fix: {fix} (or set MONITOR_DATA_DIR to another folder).";
    }

    private static (string? Cause, string? Fix) Classify(Exception exception, string file)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException { SqliteErrorCode: SqliteNotADatabase or SqliteCorrupt }:
                    return ($"{file} is not a readable SQLite database (corrupt or not a database file)",
                        "restore monitor.db from a backup, or move it aside to start with an empty database");
                case SqliteException { SqliteErrorCode: SqliteFull }:
                case IOException { HResult: NoSpaceLeft }:
                    return ("the disk is full", "free space on that volume");
                case SqliteException { SqliteErrorCode: SqliteReadOnly or SqliteCantOpen }:
                case UnauthorizedAccessException:
                    return ("it is read-only or not accessible to this user",
                        $"make it writable for the user the app runs as ({Environment.UserName})");
                case SqliteException { SqliteErrorCode: SqliteIoError } io:
                    return ($"the disk reported an I/O error ({io.Message})", "check the volume (full, read-only or failing)");
                case IOException io:
                    return ($"the folder cannot be created or written ({io.Message})", "check the path and its permissions");
            }
        }

        return (null, null);
    }
}
