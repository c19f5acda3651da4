using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Security;

namespace Monitor.Tests.Workspaces;

/// <summary>
/// A signed-in user of workspace A (cookie sign-in, as a browser) against every page and download the app serves outside
/// /api (read from its endpoint data source: the Blazor pages' first render, the CSV exports, the cached images, the report
/// PDFs, share pages), with each of B's ids: none of B's names show and no file of B's comes back, on both databases.
/// Also: an instance admin's first render names the workspace the live page will show.
/// </summary>
public abstract class WorkspaceIsolationPageTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string Admin = "pages-admin";
    private const string Member = "alpha-member";
    private const string Password = "isolation-password-1";
    private static readonly string[] Infrastructure = ["/_blazor", "/_framework", "/_content", "/account/logout"];
    private MonitorAppFactory _app = default!;
    private WorkspaceBSeed _b = default!;

    public async Task InitializeAsync()
    {
        await database.ClearProfilesAsync();
        _app = new MonitorAppFactory(database, new()
        {
            ["MONITOR_ADMIN_USER"] = Admin,
            ["MONITOR_ADMIN_PASSWORD"] = Password,
        });
        _ = _app.Server;
        _b = await WorkspaceBSeed.CreateAsync(database, _app.Services);
        var accounts = _app.Services.GetRequiredService<AccountService>();
        if ((await accounts.ListAsync(CancellationToken.None)).All(u => u.UserName != Member))
        {
            Assert.True((await accounts.CreateAsync(Member, Password, MonitorRoles.Viewer, CancellationToken.None)).Succeeded);
        }

        var userId = (await accounts.ListAsync(CancellationToken.None)).Single(u => u.UserName == Member).Id;
        var set = await _app.Services.GetRequiredService<WorkspaceService>()
            .SetMemberAsync(new WorkspaceScope(), WorkspaceDefaults.FirstId, userId, WorkspaceRole.Admin, CancellationToken.None);
        Assert.True(set.Succeeded);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryPageAndDownload_MemberOfA_NeverShowsWorkspaceB()
    {
        using var client = AccountClient.For(_app);
        await client.SignInAsync(Member, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/profiles")).StatusCode);
        var routes = IsolationRoutes.Of(_app.Services, IsPageOrDownload).Where(r => r.Method == "GET").ToList();
        Assert.Contains(routes, r => r.Pattern == "/profiles/{Id:guid}");
        Assert.Contains(routes, r => r.Pattern == "/groups/{Id:guid}");
        Assert.Contains(routes, r => r.Pattern == "/profiles/{id:guid}/export/posts.csv");
        Assert.Contains(routes, r => r.Pattern == "/media/{hash}");
        Assert.Contains(routes, r => r.Pattern == "/reports/sent/{sentId:guid}.pdf");
        var failures = new List<string>();

        foreach (var (_, pattern) in routes)
        {
            foreach (var uri in IsolationRoutes.Addresses(pattern, _b))
            {
                using var response = await client.Http.GetAsync(uri);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType ?? "";
                if (status >= 500)
                {
                    failures.Add($"GET {uri}: {status}");
                }
                else if (IsolationRoutes.SecretIn(body) is { } secret)
                {
                    failures.Add($"GET {uri}: shows B's \"{secret}\" ({status})");
                }
                else if (pattern.Contains('{', StringComparison.Ordinal) && status is >= 200 and < 300 && type != "text/html")
                {
                    failures.Add($"GET {uri}: served B's {type} ({status})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/{_b.MediaHashB}")).StatusCode);
        await _b.AssertUntouchedAsync(database);
    }

    [Fact]
    public async Task Media_InstanceAdmin_GetsBsImage_MemberOfA_404()
    {
        using var admin = AccountClient.For(_app);
        using var member = AccountClient.For(_app);
        await admin.SignInAsync(Admin, Password);
        await member.SignInAsync(Member, Password);

        var byAdmin = await admin.GetAsync($"/media/{_b.MediaHashB}");
        var byMember = await member.GetAsync($"/media/{_b.MediaHashB}");

        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byMember.StatusCode);
    }

    [Fact]
    public async Task FirstRender_InstanceAdminWithoutCookie_SwitcherNamesTheDefaultWorkspace()
    {
        using var client = AccountClient.For(_app);
        await client.SignInAsync(Admin, Password);

        var html = await client.Http.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("data-testid=\"workspace-switcher\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No workspace", html, StringComparison.Ordinal);
        Assert.Contains(WorkspaceDefaults.FirstName, html, StringComparison.Ordinal);
    }

    private static bool IsPageOrDownload(string pattern) =>
        !pattern.StartsWith("/api/", StringComparison.Ordinal)
        && !Infrastructure.Any(prefix => pattern.StartsWith(prefix, StringComparison.Ordinal))
        && (pattern.Contains('{', StringComparison.Ordinal) || !Path.HasExtension(pattern));
}

public sealed class PostgresWorkspaceIsolationPageTests(PostgresDatabase database) : WorkspaceIsolationPageTests<PostgresDatabase>(database);

public sealed class SqliteWorkspaceIsolationPageTests(SqliteDatabase database) : WorkspaceIsolationPageTests<SqliteDatabase>(database);
