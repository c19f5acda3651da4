using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Accounts;
using Monitor.Core.Backups;

namespace Monitor.Web.Endpoints;

/// <summary>
/// <c>GET /settings/backup?media=true</c>: the whole installation as one archive, for admins only (it holds the users'
/// password hashes and the data-protection keys). Written to a temporary file first, which goes when the download ends.
/// </summary>
public static class BackupEndpoints
{
    public const string Route = "/settings/backup";

    public static IEndpointRouteBuilder MapBackupEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, DownloadAsync)
            .RequireAuthorization(policy => policy.RequireRole(MonitorRoles.Admin))
            .ExcludeFromDescription();
        return app;
    }

    internal static async Task<FileStreamHttpResult> DownloadAsync(bool? media, BackupService backups, TimeProvider time, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"monitor-download-{Guid.NewGuid():N}.zip");
        try
        {
            await backups.CreateFileAsync(path, media == true, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Delete, 81_920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        return TypedResults.File(stream, "application/zip", BackupRetention.FileNameFor(time.GetUtcNow()));
    }
}
