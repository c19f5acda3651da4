using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Workspaces;

namespace Monitor.Tests.Credits;

/// <summary>/api/credits and the budget's hold on Update Now, as a client sees them.</summary>
public abstract class CreditApiTests<TDatabase>(TDatabase database) : ApiTests<TDatabase>(database, ApiKey)
    where TDatabase : TestDatabase
{
    private const string ApiKey = "credit-api-key-0123456789";

    public override async Task InitializeAsync()
    {
        await Database.MigrateAsync();
        await CreditTestData.ResetAsync(Database);
        Settings["QUEUE_NAME"] = "none";
        Upstream.ServeAccount(FixtureFiles.Read("account-credit-balance.json"), FixtureFiles.Read("account-daily-usage.json"));
        await base.InitializeAsync();
    }

    [Fact]
    public async Task Usage_Days_OneRowPerDayWithCountedReportedAndRequests()
    {
        await using (var db = Database.CreateDbContext())
        {
            await CreditTestData.SeedAsync(db, DateOnly.FromDateTime(DateTime.UtcNow), 2, rows: 3);
        }

        var usage = await Client.GetFromJsonAsync<JsonElement>("/api/credits/usage?days=7");
        var bad = await Client.GetAsync(new Uri("/api/credits/usage?days=0", UriKind.Relative));
        var summary = await Client.GetFromJsonAsync<JsonElement>("/api/credits/summary");

        Assert.Equal(7, usage.GetArrayLength());
        var today = usage[6];
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), today.GetProperty("day").GetString());
        Assert.Equal((6, 3), (today.GetProperty("credits").GetInt64(), today.GetProperty("requests").GetInt64()));
        Assert.Equal(JsonValueKind.Null, today.GetProperty("providerCredits").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal(6, summary.GetProperty("creditsToday").GetInt64());
        Assert.Equal(4318, summary.GetProperty("balance").GetProperty("credits").GetInt64());
    }

    [Fact]
    public async Task Budget_PutThenGet_StoredAndValidated()
    {
        var put = await Client.PutAsJsonAsync("/api/credits/budget", new { monthlyBudget = 5000 });
        var read = await Client.GetFromJsonAsync<JsonElement>("/api/credits/budget");
        var negative = await Client.PutAsJsonAsync("/api/credits/budget", new { monthlyBudget = -1 });
        var empty = await Client.PutAsync("/api/credits/budget", JsonContent.Create<object?>(null));
        var cleared = await Client.PutAsJsonAsync("/api/credits/budget", new { monthlyBudget = (long?)null });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(5000, read.GetProperty("monthlyBudget").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("monthlyBudget").ValueKind);
    }

    [Fact]
    public async Task Trigger_BudgetSpent_ConflictUnlessConfirmed()
    {
        var profileId = await AddProfileAsync();
        await Client.PutAsJsonAsync("/api/credits/budget", new { monthlyBudget = 3 });
        await using (var db = Database.CreateDbContext())
        {
            await CreditTestData.SeedAsync(db, DateOnly.FromDateTime(DateTime.UtcNow), 1, rows: 3);
        }

        var refused = await Client.PostAsync($"/api/tiktok/profiles/{profileId}/monitoring/trigger", null);
        var confirmed = await Client.PostAsync($"/api/tiktok/profiles/{profileId}/monitoring/trigger?confirm=true", null);
        var status = await Client.GetFromJsonAsync<JsonElement>("/api/credits/budget");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("budget", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("confirm=true", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, confirmed.StatusCode);
        Assert.True(status.GetProperty("scheduledRunsPaused").GetBoolean());
    }

    [Fact]
    public async Task Trigger_WorkspaceBudgetSpent_ConflictForItsOwnProfileButTheSharedOneRuns()
    {
        var spent = await WorkspaceRows.AddWorkspaceAsync(Database, "credits", 3);
        var funded = await WorkspaceRows.AddWorkspaceAsync(Database, "credits", null);
        var own = await AddProfileAsync(spent);
        var shared = await AddProfileAsync(spent, funded);
        await using (var db = Database.CreateDbContext())
        {
            await CreditTestData.SeedAsync(db, DateOnly.FromDateTime(DateTime.UtcNow), 1, own, rows: 3);
        }

        var refused = await Client.PostAsync($"/api/tiktok/profiles/{own}/monitoring/trigger", null);
        var sharedRun = await Client.PostAsync($"/api/tiktok/profiles/{shared}/monitoring/trigger", null);
        var confirmed = await Client.PostAsync($"/api/tiktok/profiles/{own}/monitoring/trigger?confirm=true", null);
        var workspaces = await Client.GetFromJsonAsync<JsonElement>("/api/credits/workspaces");
        var one = await Client.GetFromJsonAsync<JsonElement>($"/api/credits/workspaces/{spent}");
        var unknown = await Client.GetAsync(new Uri($"/api/credits/workspaces/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("workspace", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("confirm=true", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, sharedRun.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, confirmed.StatusCode);
        Assert.Equal((3, 3, "exceeded", true), (one.GetProperty("spentThisMonth").GetInt64(), one.GetProperty("monthlyBudget").GetInt64(),
            one.GetProperty("level").GetString()!.ToLowerInvariant(), one.GetProperty("scheduledRunsPaused").GetBoolean()));
        var listed = workspaces.EnumerateArray().Single(w => w.GetProperty("workspaceId").GetGuid() == funded);
        Assert.Equal((0, JsonValueKind.Null), (listed.GetProperty("spentThisMonth").GetInt64(), listed.GetProperty("monthlyBudget").ValueKind));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<Guid> AddProfileAsync(params Guid[] workspaces)
    {
        var profileId = await AddProfileAsync();
        await using var db = Database.CreateDbContext();
        db.WorkspaceProfiles.AddRange(workspaces.Select(w => new WorkspaceProfile { WorkspaceId = w, ProfileId = profileId, AddedAt = DateTime.UtcNow }));
        await db.SaveChangesAsync();
        return profileId;
    }

    private async Task<Guid> AddProfileAsync()
    {
        await using var db = Database.CreateDbContext();
        var profile = new TiktokProfile { Handle = $"api_{Guid.NewGuid():N}"[..16], CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }
}

public sealed class PostgresCreditApiTests(PostgresDatabase database) : CreditApiTests<PostgresDatabase>(database);

public sealed class SqliteCreditApiTests(SqliteDatabase database) : CreditApiTests<SqliteDatabase>(database);
