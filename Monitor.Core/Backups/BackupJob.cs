using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;
using Quartz;

namespace Monitor.Core.Backups;

/// <summary>
/// The scheduled backup (<c>Backup:Schedule</c>): an archive into <c>Backup:Folder</c>, then the oldest beyond
/// <c>Backup:Keep</c> deleted. With the clustered store on PostgreSQL one node runs each firing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class BackupJob(BackupService backups, IOptions<BackupOptions> options, DatabaseSettings database, TimeProvider time, ILogger<BackupJob> logger) : IJob
{
    public static readonly JobKey Key = new("backup", "backup");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var folder = Path.Combine(database.DataDirectory, settings.Folder);
        var path = Path.Combine(folder, BackupRetention.FileNameFor(time.GetUtcNow()));
        var manifest = await backups.CreateFileAsync(path, settings.IncludeMedia, cancellationToken);
        var removed = BackupRetention.Prune(folder, settings.Keep);
        logger.LogInformation(
            "Backup written to {Path}: {Rows} rows in {Tables} tables, {Media} images; {Removed} older archive(s) removed",
            path, manifest.TotalRows, manifest.Tables.Count, manifest.Media.Count, removed.Count);
    }
}
