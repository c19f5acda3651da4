using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Groups;
using Monitor.Tests.Insights;

namespace Monitor.Tests.Groups;

/// <summary>
/// A group of two profiles whose posts only together reach the heatmap's 30 posts. Hand-computed over their union:
/// Monday 09:00–09:59 UTC holds 3 posts (two of A's with 100 and 300 views at 24 h, one of B's with 200): median 200.
/// #shared is on those three posts: 1,000, 3,000 (A) and 2,000 (B) views, rates 0.1, 0.2, 0.3: median views 2,000, median
/// rate 0.2, best post A's 3,000; #bonly is on B's one post.
/// </summary>
internal sealed class GroupInsightSeed(IDbContextFactory<MonitorDbContext> contextFactory)
{
    private static readonly DateTime Monday = new(2026, 2, 23, 9, 0, 0, DateTimeKind.Utc);
    private readonly InsightSeed _seed = new(contextFactory);

    public Guid A { get; private set; }
    public Guid B { get; private set; }
    public Guid GroupId { get; private set; }
    public string BestPostAwemeId { get; private set; } = "";

    public async Task SeedAsync(string prefix)
    {
        A = await _seed.ProfileAsync($"{prefix}.a");
        B = await _seed.ProfileAsync($"{prefix}.b");
        await _seed.PostAsync(A, Monday, InsightSeed.Counts(1_000, 100, 0, 0), [(24, 100)], p => p.HashtagsJson = """["shared"]""");
        var best = await _seed.PostAsync(A, Monday.AddDays(-7).AddMinutes(30), InsightSeed.Counts(3_000, 600, 0, 0), [(24, 300)], p => p.HashtagsJson = """["shared"]""");
        BestPostAwemeId = best.AwemeId;
        await _seed.PostAsync(B, Monday.AddDays(-14).AddMinutes(10), InsightSeed.Counts(2_000, 600, 0, 0), [(24, 200)],
            p => (p.HashtagsJson, p.SoundId, p.SoundTitle, p.SoundIsOriginal) = ("""["shared","bonly"]""", "7400000000000000077", "Hit song", false));
        for (var i = 0; i < 14; i++)
        {
            await _seed.PostAsync(A, Monday.AddDays(1 - (7 * i)).AddHours(1), InsightSeed.Counts(10, 1, 0, 0), [(24, 10)]);
        }

        for (var i = 0; i < 13; i++)
        {
            await _seed.PostAsync(B, Monday.AddDays(2 - (7 * i)).AddHours(2), InsightSeed.Counts(10, 1, 0, 0), [(24, 10)]);
        }

        await using var db = await contextFactory.CreateDbContextAsync();
        var group = new ProfileGroup { Name = $"{prefix} rivals", NormalizedName = GroupInput.Normalize($"{prefix} rivals"), CreatedAt = Monday, UpdatedAt = Monday };
        group.Members.Add(new ProfileGroupMember { ProfileId = A, IsOwn = true, AddedAt = Monday });
        group.Members.Add(new ProfileGroupMember { ProfileId = B, AddedAt = Monday });
        db.ProfileGroups.Add(group);
        await db.SaveChangesAsync();
        GroupId = group.Id;
    }
}
