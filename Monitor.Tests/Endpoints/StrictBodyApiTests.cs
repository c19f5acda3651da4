using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Notifications;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Endpoints;

/// <summary>
/// Every API route that reads a JSON body refuses a field it does not know and a value of the wrong type with a 400
/// that names the field, storing nothing. The routes come from the app's endpoint data source, so a route added later
/// is covered without a line here.
/// </summary>
public abstract partial class StrictBodyApiTests<TDatabase>(TDatabase database) : ApiLimitsTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task EveryRouteWithABody_UnknownField_Is400NamingIt()
    {
        var profileId = await AddProfileAsync();
        var routes = RoutesWithAJsonBody();
        Assert.True(routes.Count >= 9, $"only {routes.Count} routes with a body found: {string.Join(", ", routes)}");

        var wrong = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Fill(pattern, profileId), UriKind.Relative))
            {
                Content = new StringContent("""{"notAField": 1}""", Encoding.UTF8, "application/json"),
            };
            var response = await Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || !body.Contains("Unknown field 'notAField'", StringComparison.Ordinal))
            {
                wrong.Add($"{method} {pattern}: {(int)response.StatusCode} {body}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task BulkPosts_MisspeltMetric_IsRefusedNamingItAndStoresNothing()
    {
        var profileId = await AddProfileAsync();

        var response = await Client.PostAsJsonAsync("/api/tiktok/posts/bulk",
            new { profileId, posts = new object[] { new { awemeId = "7000000000000000001", viewCount = 5 }, new { awemeId = "7000000000000000002", views = 10 } } });

        var problem = await AssertProblemAsync(response);
        var message = problem.GetProperty("errors").GetProperty("posts[1].views")[0].GetString();
        Assert.Contains("Unknown field 'views' at 'posts[1]'", message, StringComparison.Ordinal);
        Assert.Contains("viewCount", message, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        Assert.Empty(db.Posts);
    }

    [Fact]
    public async Task BulkPosts_CountOfTheWrongType_IsRefusedNamingFieldAndTypeAndStoresNothing()
    {
        var profileId = await AddProfileAsync();

        var response = await Client.PostAsJsonAsync("/api/tiktok/posts/bulk",
            new { profileId, posts = new object[] { new { awemeId = "7000000000000000001", likeCount = true } } });

        var problem = await AssertProblemAsync(response);
        Assert.Equal("Field 'posts[0].likeCount' must be a whole number.", problem.GetProperty("errors").GetProperty("posts[0].likeCount")[0].GetString());
        await using var db = Database.CreateDbContext();
        Assert.Empty(db.Posts);
    }

    [Theory]
    [InlineData("""{"viewCount": 5}""", "posts[0]", "Field 'posts[0]' must be an object with the field awemeId.")]
    [InlineData("""{"awemeId": "7000000000000000001", "sound": {"id": "1", "name": "x"}}""", "posts[0].sound.name", "Unknown field 'name' at 'posts[0].sound'")]
    [InlineData("""{"awemeId": "7000000000000000001", "hashtags": "#a #b"}""", "posts[0].hashtags", "Field 'posts[0].hashtags' must be an array of strings.")]
    [InlineData("""{"awemeId": "7000000000000000001", "postedAt": 1760621100}""", "posts[0].postedAt", "must be a time as an ISO 8601 string with an offset")]
    public async Task BulkPosts_PostMissingItsIdOrWithAnOddNestedField_IsRefusedNamingItAndStoresNothing(string post, string field, string expected)
    {
        var profileId = await AddProfileAsync();
        using var content = new StringContent($$"""{"profileId": "{{profileId}}", "posts": [{{post}}]}""", Encoding.UTF8, "application/json");

        var response = await Client.PostAsync(new Uri("/api/tiktok/posts/bulk", UriKind.Relative), content);

        var problem = await AssertProblemAsync(response);
        Assert.Contains(expected, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        Assert.Empty(db.Posts);
    }

    [Fact]
    public async Task EmailChannel_OneAddressWhereAListIsExpected_IsRefusedNamingFieldAndType()
    {
        var response = await Client.PostAsJsonAsync("/api/notifications/channels",
            new { name = "Mail", kind = "email", smtpHost = "127.0.0.1", smtpPort = 25, from = "monitor@example.com", to = "a@b.c" });

        var problem = await AssertProblemAsync(response);
        Assert.Equal("Field 'to' must be an array of strings.", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("to", out _));
        await using var db = Database.CreateDbContext();
        Assert.Empty(db.NotificationChannels);
    }

    [Theory]
    [InlineData("""{"intervalHours": "often"}""", "intervalHours", "must be a whole number")]
    [InlineData("""{"scanMode": "weekly"}""", "scanMode", "must be one of: full, byAge")]
    [InlineData("""{"enabled": "yes"}""", "enabled", "must be true or false")]
    public async Task PatchMonitoring_ValueOfTheWrongType_IsRefusedNamingFieldAndTypeAndChangesNothing(string body, string field, string expected)
    {
        var profileId = await AddProfileAsync();
        await using (var before = Database.CreateDbContext())
        {
            await before.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s.SetProperty(p => p.MonitoringIntervalHours, 12));
        }

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await Client.PatchAsync(new Uri($"/api/tiktok/profiles/{profileId}/monitoring", UriKind.Relative), content);

        var problem = await AssertProblemAsync(response);
        Assert.Contains($"Field '{field}' {expected}", problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        var profile = await db.Profiles.SingleAsync(p => p.Id == profileId);
        Assert.Equal((false, 12), (profile.MonitoringEnabled, profile.MonitoringIntervalHours));
    }

    [Theory]
    [InlineData("""{"handle": 42}""", "handle", "must be a string")]
    [InlineData("""{"handle": "someone", "monitoringEnabled": "yes"}""", "monitoringEnabled", "must be true or false")]
    [InlineData("""{"handle": "someone", "interval": 12}""", "interval", "Unknown field 'interval'")]
    public async Task AddProfile_UnknownFieldOrWrongType_IsRefusedNamingItAndAddsNothing(string body, string field, string expected)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await Client.PostAsync(new Uri("/api/tiktok/profiles", UriKind.Relative), content);

        var problem = await AssertProblemAsync(response);
        Assert.Contains(expected, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        Assert.Empty(db.Profiles);
    }

    [Fact]
    public async Task MalformedJson_IsRefusedSayingWhere()
    {
        using var content = new StringContent("""{"handle": "someone",""", Encoding.UTF8, "application/json");

        var response = await Client.PostAsync(new Uri("/api/tiktok/profiles", UriKind.Relative), content);

        var problem = await AssertProblemAsync(response);
        Assert.StartsWith("The body is not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private List<(string Method, string Pattern)> RoutesWithAJsonBody() =>
        [.. Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null } accepts
                && accepts.ContentTypes.Contains("application/json", StringComparer.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))];

    private static string Fill(string pattern, Guid profileId) =>
        RouteParameter().Replace(pattern, m => m.Groups["constraint"].Value switch
        {
            "guid" => profileId.ToString(),
            "long" or "int" => "1",
            _ => "x",
        });

    [GeneratedRegex(@"\{(?<name>[^}:]+)(:(?<constraint>[^}]+))?\}")]
    private static partial Regex RouteParameter();
}

public sealed class PostgresStrictBodyApiTests(PostgresDatabase database) : StrictBodyApiTests<PostgresDatabase>(database);

public sealed class SqliteStrictBodyApiTests(SqliteDatabase database) : StrictBodyApiTests<SqliteDatabase>(database);
