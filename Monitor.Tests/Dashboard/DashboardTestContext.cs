using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core;
using Monitor.Core.Accounts;
using Monitor.Core.Data;
using Monitor.Core.LiveEvents;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;
using Monitor.Web.Components.Monitoring;
using Monitor.Web.Security;
using Monitor.Web.Workspaces;
using MudBlazor;
using MudBlazor.Services;

namespace Monitor.Tests.Dashboard;

/// <summary>
/// bunit with real MudBlazor and the real Core services over a temporary SQLite file (one per test class);
/// only <see cref="IMonitoringActions"/> is faked. Toasts and dialogs render into providers rendered up front.
/// </summary>
public sealed class DashboardTestContext : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();

    public BunitContext Bunit { get; } = new();
    public FakeMonitoringActions Monitoring { get; } = new();
    public IRenderedComponent<MudSnackbarProvider> Snackbars { get; private set; } = default!;
    public IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = default!;
    public IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;

    /// <summary>Signed in as an admin unless a test says otherwise (<c>Authorization.SetRoles(MonitorRoles.Viewer)</c>).</summary>
    public BunitAuthorizationContext Authorization { get; private set; } = default!;

    public MonitoringEventHub Events => Bunit.Services.GetRequiredService<MonitoringEventHub>();
    public IDbContextFactory<MonitorDbContext> ContextFactory => Bunit.Services.GetRequiredService<IDbContextFactory<MonitorDbContext>>();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.MigrateAsync();
        var services = Bunit.Services;
        services.AddLogging();
        services.AddMonitorCore(_database.BuildConfiguration(new Dictionary<string, string?> { ["SCRAPECREATORS_API_KEY"] = "" }));
        services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        services.AddSingleton<IMonitoringActions>(Monitoring);
        services.AddScoped<CircuitAccess>();
        services.AddScoped<CircuitWorkspace>();
        services.AddScoped<CircuitProfileVisibility>();
        services.AddScoped<CircuitMonitoringEvents>();
        Authorization = Bunit.AddAuthorization();
        Authorization.SetAuthorized("test-admin");
        Authorization.SetRoles(MonitorRoles.Admin);
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        Bunit.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Popovers = Bunit.Render<MudPopoverProvider>();
        Snackbars = Bunit.Render<MudSnackbarProvider>();
        Dialogs = Bunit.Render<MudDialogProvider>();
    }

    public async Task DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _database.DisposeAsync();
    }

    public async Task<TiktokProfile> AddProfileAsync(string handle, bool monitoring = false, Action<TiktokProfile>? configure = null)
    {
        var profile = new TiktokProfile { Handle = handle, Nickname = handle.ToUpperInvariant(), MonitoringEnabled = monitoring, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        configure?.Invoke(profile);
        await using var db = await ContextFactory.CreateDbContextAsync();
        db.Profiles.Add(profile);
        // Watched by the first workspace, as the app's own add does (a group holds only its workspace's profiles).
        db.WorkspaceProfiles.Add(new WorkspaceProfile { WorkspaceId = WorkspaceDefaults.FirstId, ProfileId = profile.Id, AddedAt = profile.CreatedAt });
        await db.SaveChangesAsync();
        return profile;
    }

    /// <summary>Posts numbered 1..count: post n has n × 100 views and was posted n days before a fixed date.</summary>
    public async Task<IReadOnlyDictionary<long, long>> AddPostsAsync(Guid profileId, int count)
    {
        var origin = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var db = await ContextFactory.CreateDbContextAsync();
        var posts = Enumerable.Range(1, count).Select(n => new TiktokPost
        {
            ProfileId = profileId,
            AwemeId = (7_000_000_000_000_000_000L + n).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Description = $"Post {n}",
            PostedAt = origin.AddDays(-n),
            Metrics = new PostMetrics(Views: n * 100, Likes: n, null, null, null),
            FirstSeenAt = origin,
            LastSeenAt = origin,
        }).ToList();
        db.Posts.AddRange(posts);
        await db.SaveChangesAsync();
        return posts.ToDictionary(p => p.Id, p => p.Metrics.Views!.Value);
    }
}
