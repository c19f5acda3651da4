using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Notifications;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Endpoints;

/// <summary>
/// Every API route that reads a JSON body refuses a field it does not know and a value of the wrong type with a 400
/// that names the field, storing nothing. The routes and their fields come from the app's endpoint data source and the
/// bodies' JSON contracts (<see cref="JsonBodyRoutes"/>), so a route or field added later is covered without a line here.
/// </summary>
public abstract class StrictBodyApiTests<TDatabase>(TDatabase database) : ApiLimitsTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task EveryRouteWithABody_UnknownField_Is400NamingIt()
    {
        var profileId = await AddProfileAsync();
        var routes = JsonBodyRoutes.All(Services);
        Assert.True(routes.Count >= 16, $"only {routes.Count} routes with a body found: {string.Join(", ", routes)}");

        var wrong = new List<string>();
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), JsonBodyRoutes.Fill(route, profileId))
            {
                Content = new StringContent("""{"notAField": 1}""", Encoding.UTF8, "application/json"),
            };
            var response = await Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || !body.Contains("Unknown field 'notAField'", StringComparison.Ordinal))
            {
                wrong.Add($"{route.Method} {route.Pattern}: {(int)response.StatusCode} {body}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task EveryFieldOfEveryRouteWithABody_ValueOfTheWrongType_Is400NamingFieldAndType()
    {
        var profileId = await AddProfileAsync();
        var options = Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var wrong = new List<string>();
        var fields = 0;
        foreach (var route in JsonBodyRoutes.All(Services))
        {
            foreach (var property in options.GetTypeInfo(route.RequestType).Properties)
            {
                var body = new JsonObject { [property.Name] = WrongValueFor(property.PropertyType, options) }.ToJsonString();
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), JsonBodyRoutes.Fill(route, profileId))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                var response = await Client.SendAsync(request);
                var answer = await response.Content.ReadAsStringAsync();
                fields++;
                if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                    || !JsonDocument.Parse(answer).RootElement.TryGetProperty("errors", out var errors)
                    || !errors.TryGetProperty(property.Name, out var messages)
                    || messages[0].GetString()?.StartsWith($"Field '{property.Name}' must be ", StringComparison.Ordinal) != true)
                {
                    wrong.Add($"{route.Method} {route.Pattern} {body}: {(int)response.StatusCode} {answer}");
                }
            }
        }

        Assert.True(fields >= 50, $"only {fields} fields checked");
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task EveryRouteWithABody_BodyNotSentAsJson_Is415SayingWhatToSend()
    {
        var profileId = await AddProfileAsync();
        var wrong = new List<string>();
        foreach (var route in JsonBodyRoutes.All(Services))
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), JsonBodyRoutes.Fill(route, profileId))
            {
                Content = new StringContent("{}", Encoding.UTF8, "text/plain"),
            };
            var response = await Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.UnsupportedMediaType || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || !body.Contains("The body must be JSON, sent with Content-Type: application/json (the request said text/plain", StringComparison.Ordinal))
            {
                wrong.Add($"{route.Method} {route.Pattern}: {(int)response.StatusCode} {body}");
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

    // A value of the wrong kind for the field's type: an object where a string is expected, text where a number is.
    private static JsonNode WrongValueFor(Type type, JsonSerializerOptions options)
    {
        if (options.GetTypeInfo(type).Kind is JsonTypeInfoKind.Object or JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary)
        {
            return JsonValue.Create("text");
        }

        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain == typeof(bool) ? JsonValue.Create("yes")
            : Type.GetTypeCode(plain) is >= TypeCode.SByte and <= TypeCode.Decimal && !plain.IsEnum ? JsonValue.Create("many")
            : new JsonObject();
    }
}

public sealed class PostgresStrictBodyApiTests(PostgresDatabase database) : StrictBodyApiTests<PostgresDatabase>(database);

public sealed class SqliteStrictBodyApiTests(SqliteDatabase database) : StrictBodyApiTests<SqliteDatabase>(database);
