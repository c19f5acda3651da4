using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;

namespace Monitor.Tests.Infrastructure;

public sealed class MonitorAppFactoryTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>, IAsyncLifetime
{
    private readonly MonitorAppFactory _factory = new(database);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Home_OnSqlite_Returns200WithTheLayout()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("TikTok Profile Monitor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Services_TestDatabase_IsTheAppsDatabase()
    {
        var settings = _factory.Services.GetRequiredService<DatabaseSettings>();

        Assert.Equal(database.Settings, settings);
    }

    [Fact]
    public async Task BlazorScript_OutsideDevelopment_IsServedWithContent()
    {
        using var client = _factory.CreateClient();

        var script = await client.GetByteArrayAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative));

        Assert.True(script.Length > 1000, $"blazor.web.js has {script.Length} bytes: the circuit could never start.");
    }
}
