using System.Net;
using System.Text.Json;
using Monitor.Core.Common;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Telemetry;

/// <summary>Without Metrics:Prometheus:Enabled there is no /metrics; /health names the app's version.</summary>
public sealed class MetricsOffByDefaultTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>, IAsyncLifetime
{
    private MonitorAppFactory? _app;

    public Task InitializeAsync()
    {
        _app = new MonitorAppFactory(database);
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
    public async Task Metrics_NotEnabled_Returns404()
    {
        using var client = _app!.CreateClient();
        var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_NamesStatusAndVersion()
    {
        using var client = _app!.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(AppVersion.Informational, body.GetProperty("version").GetString());
        Assert.StartsWith("1.", body.GetProperty("version").GetString(), StringComparison.Ordinal);
    }
}
