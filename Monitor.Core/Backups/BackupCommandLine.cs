using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;

namespace Monitor.Core.Backups;

/// <summary>
/// Command-line verbs: <c>backup &lt;file&gt; [--media]</c>, <c>restore &lt;file&gt; [--yes]</c> and
/// <c>migrate-to "&lt;postgres connection string or postgres:// url&gt;"</c>. Each ends with one line saying what happened,
/// exit code 0, or one line saying why not, exit code 1. The caller has migrated the app's database.
/// </summary>
public static class BackupCommandLine
{
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string MigrateTo = "migrate-to";

    /// <returns>The exit code when a verb was handled, or null.</returns>
    public static async Task<int?> TryRunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors, TextReader input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(input);
        var verbAt = args.ToList().FindIndex(a => a is Backup or Restore or MigrateTo);
        if (verbAt < 0)
        {
            return null;
        }

        var verb = args[verbAt];
        var argument = args.Skip(verbAt + 1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (argument is null)
        {
            await errors.WriteLineAsync(verb == MigrateTo ? $"{verb}: give the PostgreSQL connection string or postgres:// URL" : $"{verb}: give the archive's file name");
            return 1;
        }

        try
        {
            var backups = services.GetRequiredService<BackupService>();
            switch (verb)
            {
                case Backup:
                    var manifest = await backups.CreateFileAsync(argument, args.Contains("--media"), cancellationToken);
                    await output.WriteLineAsync(
                        $"backup: {Path.GetFullPath(argument)} written ({manifest.TotalRows} rows in {manifest.Tables.Count} tables, {manifest.Media.Count} images, schema {manifest.Schema})");
                    return 0;
                case Restore:
                    return await RestoreAsync(backups, argument, args.Contains("--yes"), output, errors, input, cancellationToken);
                default:
                    return await MoveAsync(services.GetRequiredService<PostgresMove>(), argument, output, errors, cancellationToken);
            }
        }
        catch (BackupRefusedException ex)
        {
            await errors.WriteLineAsync($"{verb}: refused: {ex.Message}");
            return 1;
        }
        catch (IOException ex)
        {
            await errors.WriteLineAsync($"{verb}: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> RestoreAsync(
        BackupService backups, string file, bool confirmed, TextWriter output, TextWriter errors, TextReader input, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            await errors.WriteLineAsync($"restore: {Path.GetFullPath(file)} does not exist");
            return 1;
        }

        var manifest = await BackupService.VerifyAsync(file, cancellationToken);
        if (!confirmed)
        {
            await output.WriteLineAsync(
                $"restore: the archive of {manifest.CreatedAt:u} ({manifest.TotalRows} rows) replaces everything in this database. Type yes to go on:");
            if (!string.Equals((await input.ReadLineAsync(cancellationToken))?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
            {
                await errors.WriteLineAsync("restore: not confirmed, nothing changed (pass --yes to skip the question)");
                return 1;
            }
        }

        var result = await backups.RestoreAsync(file, cancellationToken);
        await output.WriteLineAsync(
            $"restore: {result.RowsWritten.Values.Sum()} rows in {result.RowsWritten.Count} tables and {result.MediaWritten} images restored from the archive of {manifest.CreatedAt:u}");
        return 0;
    }

    private static async Task<int> MoveAsync(PostgresMove move, string target, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var counts = await move.MoveAsync(target, cancellationToken);
        foreach (var count in counts)
        {
            await output.WriteLineAsync($"  {count.Table,-40} {count.Source,12} {count.Target,12}{(count.Matches ? "" : "  MISMATCH")}");
        }

        if (counts.Any(c => !c.Matches))
        {
            await errors.WriteLineAsync("migrate-to: the row counts differ (see above); do not switch to the PostgreSQL database");
            return 1;
        }

        var safe = new DatabaseSettings(DatabaseProvider.Postgres, DatabaseSettings.ToNpgsqlConnectionString(target), string.Empty).Describe();
        await output.WriteLineAsync(
            $"migrate-to: {counts.Sum(c => c.Target)} rows in {counts.Count} tables copied to {safe}, every count equal. " +
            "Start the app with ConnectionStrings__Monitor (or DATABASE_URL) set to that database; the SQLite file is unchanged.");
        return 0;
    }
}
