using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Backups;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Security;

namespace Monitor.Tests.Backups;

/// <summary>The settings page's "Download backup": an archive for an admin, refused to a viewer and to no one signed in.</summary>
public sealed class BackupDownloadTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>, IAsyncLifetime
{
    private MonitorAppFactory? _app;

    private MonitorAppFactory App => _app!;

    public Task InitializeAsync()
    {
        _app = new MonitorAppFactory(database, new() { ["MONITOR_ADMIN_USER"] = "backup-admin", ["MONITOR_ADMIN_PASSWORD"] = "backup-admin-password" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Admin_DownloadsAVerifiedArchive()
    {
        using var client = AccountClient.For(App);
        await client.SignInAsync("backup-admin", "backup-admin-password");

        var response = await client.GetAsync(BackupEndpointsRoute);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var path = Path.Combine(Path.GetTempPath(), $"monitor-download-test-{Guid.NewGuid():N}.zip");
        try
        {
            await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
            var manifest = await BackupService.VerifyAsync(path, CancellationToken.None);
            Assert.Equal(1, manifest.Tables.Single(t => t.Name == "users").Rows);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Viewer_IsRefused()
    {
        var accounts = App.Services.GetRequiredService<AccountService>();
        Assert.True((await accounts.CreateAsync("backup-viewer", "viewer-password-1", MonitorRoles.Viewer, CancellationToken.None)).Succeeded);
        using var client = AccountClient.For(App);
        await client.SignInAsync("backup-viewer", "viewer-password-1");

        var response = await client.GetAsync(BackupEndpointsRoute);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("application/zip", response.Content.Headers.ContentType?.MediaType);
    }

    private static string BackupEndpointsRoute => Monitor.Web.Endpoints.BackupEndpoints.Route;
}
