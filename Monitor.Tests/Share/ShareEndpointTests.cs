using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Media;
using Monitor.Core.Profiles;
using Monitor.Core.Share;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Share;

/// <summary>The share-link API (key, problems, OpenAPI) and the shared page as a stranger's client sees it.</summary>
public sealed partial class ShareEndpointTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>, IAsyncLifetime
{
    private const string ApiKey = "share-tests-key-0123456789abcdef";
    private const string Links = "/api/tiktok/share-links";
    private MonitorAppFactory? _app;
    private Guid _client;

    private MonitorAppFactory App => _app!;

    public async Task InitializeAsync()
    {
        _app = new MonitorAppFactory(database, new()
        {
            ["MONITOR_API_KEY"] = ApiKey,
            ["Share:ViewsPerLink"] = "5",
            ["Share:ViewsPerAddress"] = "1000",
            ["Share:PasswordFailures"] = "2",
        });
        _ = App.Services;
        var blobs = App.Services.GetRequiredService<IMediaBlobStore>();
        (_client, _) = await ShareTestData.SeedAsync(database, blobs, "share.client." + Suffix(), "share.rival." + Suffix());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Api_WithoutAKey_Is401()
    {
        using var anonymous = App.CreateClient();

        var response = await anonymous.PostAsJsonAsync(Links, new { targetKind = "profile", targetId = _client });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_CreatesListsAndRevokes_AndTheRevokedLinkStopsAtOnce()
    {
        using var api = KeyedClient();
        using var stranger = StrangerClient();

        var created = await api.PostAsJsonAsync(Links, new { targetKind = "profile", targetId = _client, expiresInDays = 7 });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var url = new Uri(body.GetProperty("url").GetString()!);
        var id = body.GetProperty("link").GetProperty("id").GetGuid();
        var before = await stranger.GetAsync(url.PathAndQuery);
        var listed = await api.GetFromJsonAsync<JsonElement>($"{Links}?targetKind=profile&targetId={_client}");
        var revoked = await api.DeleteAsync($"{Links}/{id}");
        var after = await stranger.GetAsync(url.PathAndQuery);
        var again = await api.DeleteAsync($"{Links}/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/tiktok/share-links/{id}", created.Headers.Location?.ToString());
        Assert.Matches("^/s/[A-Za-z0-9_-]{43}$", url.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var row = Assert.Single(listed.EnumerateArray(), l => l.GetProperty("id").GetGuid() == id);
        Assert.Equal("active", row.GetProperty("state").GetString());
        Assert.Equal(1, row.GetProperty("useCount").GetInt64());
        Assert.False(row.TryGetProperty("token", out _));
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{\"targetKind\":\"page\",\"targetId\":\"00000000-0000-0000-0000-000000000001\"}", "targetKind")]
    [InlineData("{\"targetKind\":\"profile\"}", "targetId")]
    [InlineData("{\"targetKind\":\"profile\",\"targetId\":\"00000000-0000-0000-0000-000000000001\"}", "targetId")]
    [InlineData("{\"targetKind\":\"profile\",\"targetId\":\"CLIENT\",\"expiresInDays\":400}", "expiresInDays")]
    [InlineData("{\"targetKind\":\"profile\",\"targetId\":\"CLIENT\",\"password\":\"short\"}", "password")]
    public async Task Api_BadInput_Is400NamingTheField(string json, string field)
    {
        using var api = KeyedClient();

        var response = await api.PostAsync(Links, new StringContent(json.Replace("CLIENT", _client.ToString(), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Api_UnknownListFilter_Is400()
    {
        using var api = KeyedClient();

        var response = await api.GetAsync($"{Links}?targetKind=everything");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheShareLinkRoutes_AndNotTheSharedPages()
    {
        using var api = KeyedClient();

        var paths = (await api.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/tiktok/share-links").TryGetProperty("post", out var post));
        Assert.True(paths.GetProperty("/api/tiktok/share-links").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/tiktok/share-links/{id}").TryGetProperty("delete", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("400", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/s/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SharedPage_IsStatic_NotIndexed_AndHoldsOnlyItsProfile()
    {
        var (token, _) = await CreateAsync(null);
        using var stranger = StrangerClient();

        var response = await stranger.GetAsync("/s/" + token);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("<meta name=\"robots\" content=\"noindex,nofollow\"", html, StringComparison.Ordinal);
        SharedHtml.AssertHoldsOnly(html, token, await HandleAsync(_client), ["share.rival.", ApiKey]);
    }

    [Fact]
    public async Task UnknownExpiredAndRevokedLinks_GetTheSame404Page()
    {
        var (expired, expiredId) = await CreateAsync(null);
        var (revoked, revokedId) = await CreateAsync(null);
        await using (var db = database.CreateDbContext())
        {
            await db.Set<ShareLink>().Where(l => l.Id == expiredId).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        await App.Services.GetRequiredService<ShareLinkService>().RevokeAsync(revokedId, CancellationToken.None);
        using var stranger = StrangerClient();

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var token in new[] { expired, revoked, ShareToken.Generate(), "not-a-token" })
        {
            var response = await stranger.GetAsync("/s/" + token);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Contains("expired or was revoked", answers[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_WrongIsRefusedWithTheForm_RightOpensThePageForThatLinkOnly()
    {
        const string password = "client-password-1";
        var (token, _) = await CreateAsync(password);
        using var stranger = StrangerClient();

        var form = await stranger.GetAsync("/s/" + token);
        var formHtml = await form.Content.ReadAsStringAsync();
        var wrong = await PostPasswordAsync(stranger, token, formHtml, "not-the-password");
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        var right = await PostPasswordAsync(stranger, token, wrongHtml, password);
        var page = await stranger.GetAsync("/s/" + token);
        var pageHtml = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("share-password-form", formHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(await HandleAsync(_client), formHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("share-password-error", wrongHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains($"path=/s/{token}", string.Join(";", right.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(await HandleAsync(_client), pageHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_GuessedTooOften_Is429()
    {
        var (token, _) = await CreateAsync("client-password-2");
        using var stranger = StrangerClient();
        var html = await (await stranger.GetAsync("/s/" + token)).Content.ReadAsStringAsync();

        var first = await PostPasswordAsync(stranger, token, html, "guess-number-1");
        var second = await PostPasswordAsync(stranger, token, html, "guess-number-2");
        var third = await PostPasswordAsync(stranger, token, html, "client-password-2");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)429], [first.StatusCode, second.StatusCode, third.StatusCode]);
        Assert.NotNull(third.Headers.RetryAfter);
    }

    [Fact]
    public async Task SharedPage_OpenedTooOften_Is429()
    {
        var (token, _) = await CreateAsync(null);
        using var stranger = StrangerClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await stranger.GetAsync("/s/" + token)).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), (HttpStatusCode)429], statuses);
    }

    [Fact]
    public async Task SharedGroup_ShowsItsComparisonWithoutCredits()
    {
        var rival = await Monitor.Tests.Groups.GroupTestData.ProfileAsync(database, "share.member." + Suffix());
        var groups = App.Services.GetRequiredService<Monitor.Core.Groups.GroupService>();
        var group = (await groups.CreateAsync("Client landscape " + Suffix(), null, CancellationToken.None)).Group!;
        var membership = App.Services.GetRequiredService<Monitor.Core.Groups.GroupMembership>();
        await membership.PutAsync(group.Id, _client, true, CancellationToken.None);
        await membership.PutAsync(group.Id, rival, false, CancellationToken.None);
        var token = (await App.Services.GetRequiredService<ShareLinkService>()
            .CreateAsync(new ShareLinkInput("group", group.Id, 30, null), CancellationToken.None)).Created!.Token;
        using var stranger = StrangerClient();

        var html = await (await stranger.GetAsync("/s/" + token)).Content.ReadAsStringAsync();

        Assert.Contains("share-comparison", html, StringComparison.Ordinal);
        Assert.Contains(await HandleAsync(rival), html, StringComparison.Ordinal);
        Assert.Contains("Competitor average", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Credits<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Credits spent", html, StringComparison.Ordinal);
        SharedHtml.AssertHoldsOnly(html, token, group.Name, ["share.rival.", ApiKey]);
    }

    [Fact]
    public async Task SharedReport_OffersItsPdf_AndAProfileLinkHasNone()
    {
        var pdf = "%PDF-1.4 shared report"u8.ToArray();
        var definition = Monitor.Tests.Reports.ReportTestData.Definition("Client monthly " + Suffix(), _client, null);
        var sent = new Monitor.Core.Reports.SentReport
        {
            DefinitionId = definition.Id,
            Cadence = Monitor.Core.Reports.ReportCadence.Weekly,
            PeriodStart = new DateOnly(2026, 11, 23),
            PeriodEnd = new DateOnly(2026, 11, 29),
            TimeZone = "Europe/Berlin",
            CreatedAt = DateTime.UtcNow,
            ExpiresAt = DateTime.UtcNow.AddDays(30),
            Pdf = pdf,
        };
        await using (var db = database.CreateDbContext())
        {
            db.Add(definition);
            db.Add(sent);
            await db.SaveChangesAsync();
        }

        var token = (await App.Services.GetRequiredService<ShareLinkService>()
            .CreateAsync(new ShareLinkInput("report", sent.Id, 30, null), CancellationToken.None)).Created!.Token;
        var (profileToken, _) = await CreateAsync(null);
        using var stranger = StrangerClient();

        var html = await (await stranger.GetAsync("/s/" + token)).Content.ReadAsStringAsync();
        var download = await stranger.GetAsync($"/s/{token}/report.pdf");
        var none = await stranger.GetAsync($"/s/{profileToken}/report.pdf");

        Assert.Contains($"href=\"/s/{token}/report.pdf\"", html, StringComparison.Ordinal);
        SharedHtml.AssertHoldsOnly(html, token, definition.Name, [ApiKey, await HandleAsync(_client)]);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    private async Task<(string Token, Guid Id)> CreateAsync(string? password)
    {
        var result = await App.Services.GetRequiredService<ShareLinkService>()
            .CreateAsync(new ShareLinkInput("profile", _client, 30, password), CancellationToken.None);
        Assert.True(result.Succeeded);
        return (result.Created!.Token, result.Created.Link.Id);
    }

    private async Task<string> HandleAsync(Guid id)
    {
        await using var db = database.CreateDbContext();
        return "@" + await db.Profiles.Where(p => p.Id == id).Select(p => p.Handle).SingleAsync();
    }

    private static Task<HttpResponseMessage> PostPasswordAsync(HttpClient client, string token, string formHtml, string password)
    {
        var field = HiddenField().Match(formHtml);
        Assert.True(field.Success, "the form has no antiforgery field");
        return client.PostAsync("/s/" + token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebUtility.HtmlDecode(field.Groups[1].Value)] = WebUtility.HtmlDecode(field.Groups[2].Value),
            ["password"] = password,
        }));
    }

    private HttpClient KeyedClient()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", ApiKey);
        return client;
    }

    private HttpClient StrangerClient() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenField();
}
