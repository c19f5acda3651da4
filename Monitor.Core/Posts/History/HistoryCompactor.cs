using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Posts.History;

/// <summary>
/// The daily pass over the post history (docs/history-storage.md, "Tiers"): moves the open spans of past half months
/// into the history, then keeps, per post, what <see cref="HistoryTierPolicy"/> keeps at this moment. Post batch by post
/// batch, each in one transaction, so a pass killed midway leaves every batch either compacted or untouched, and the next
/// pass finishes it; a compacted batch compacts to itself, so a second pass changes nothing.
/// </summary>
public sealed class HistoryCompactor(
    IDbContextFactory<MonitorDbContext> contexts, IOptions<HistoryOptions> options, ReportingTimeZone zone, TimeProvider time)
{
    public const int BatchPosts = 500;

    private const string Columns = "post_id, first_at, views, likes, shares, comments, saves, repeats";

    public async Task<HistoryCompactionResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var closed = await CloseOpenSpansAsync(HistorySpanRules.HalfMonthStart(now), cancellationToken);
        if (!options.Value.Compaction)
        {
            return new HistoryCompactionResult(closed, 0, 0);
        }

        var policy = new HistoryTierPolicy(options.Value, zone.Zone);
        // A day is compacted only once all of it is RawDays old in the zone: no span starting after this can change.
        var cutoff = now.AddDays(1 - options.Value.RawDays);
        long after = 0;
        int posts = 0, spans = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var batch = await db.Set<PostHistorySpan>()
                .Where(s => s.FirstAt < cutoff && s.PostId > after)
                .Select(s => s.PostId).Distinct().OrderBy(id => id).Take(BatchPosts)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new HistoryCompactionResult(closed, posts, spans);
            }

            after = batch[^1];
            var (batchPosts, batchSpans) = await CompactBatchAsync(db, policy, batch, cutoff, now, cancellationToken);
            posts += batchPosts;
            spans += batchSpans;
        }
    }

    private static async Task<(int Posts, int Spans)> CompactBatchAsync(
        MonitorDbContext db, HistoryTierPolicy policy, List<long> batch, DateTime cutoff, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Set<PostHistorySpan>().AsNoTracking()
            .Where(s => batch.Contains(s.PostId) && s.FirstAt < cutoff)
            .ToListAsync(cancellationToken);
        var changedPosts = new List<long>();
        var rewritten = new List<PostHistorySpan>();
        var changedSpans = 0;
        foreach (var post in stored.GroupBy(s => s.PostId))
        {
            var spans = post.OrderBy(s => s.FirstAt).ToList();
            var kept = policy.Kept(spans.SelectMany(Observations), now).ToHashSet();
            var compacted = spans.Select(span => Compact(span, kept)).ToList();
            var changed = compacted.Count(c => c.Changed);
            if (changed == 0)
            {
                continue;
            }

            changedPosts.Add(post.Key);
            changedSpans += changed;
            rewritten.AddRange(compacted.Where(c => c.Span is not null).Select(c => c.Span!));
        }

        if (changedPosts.Count > 0)
        {
            await db.Set<PostHistorySpan>()
                .Where(s => changedPosts.Contains(s.PostId) && s.FirstAt < cutoff)
                .ExecuteDeleteAsync(cancellationToken);
            db.Set<PostHistorySpan>().AddRange(rewritten);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (changedPosts.Count, changedSpans);
    }

    private static IEnumerable<DateTime> Observations(PostHistorySpan span) =>
        (span.Repeats ?? []).Select(ms => span.FirstAt.AddMilliseconds(ms)).Prepend(span.FirstAt);

    /// <summary>The span with only its kept observations (starting at the first kept one), or null when none is kept.
    /// Each kept time is claimed by one span only, so two spans can never end with the same key.</summary>
    private static (PostHistorySpan? Span, bool Changed) Compact(PostHistorySpan span, HashSet<DateTime> kept)
    {
        var all = Observations(span).ToList();
        var keep = all.Where(kept.Remove).Distinct().Order().ToList();
        if (keep.Count == all.Count)
        {
            return (span, false);
        }

        if (keep.Count == 0)
        {
            return (null, true);
        }

        var repeats = keep.Skip(1).Select(at => HistorySpanRules.OffsetMilliseconds(keep[0], at)).ToArray();
        return (new PostHistorySpan
        {
            PostId = span.PostId,
            FirstAt = keep[0],
            Metrics = span.Metrics,
            Repeats = repeats.Length == 0 ? null : repeats,
        }, true);
    }

    /// <summary>A post no longer scanned keeps its last span open otherwise; the next observation starts a new one anyway.</summary>
    private async Task<int> CloseOpenSpansAsync(DateTime halfMonthStart, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // One statement: a page writing the same post meanwhile either sees the open span or its absence, never half.
            return await db.Database.ExecuteSqlRawAsync($"""
                WITH moved AS (DELETE FROM {HistoryStorageSql.OpenTable} WHERE first_at < @p0 RETURNING {Columns})
                INSERT INTO {HistoryStorageSql.Table} ({Columns}) SELECT {Columns} FROM moved
                """, [new Npgsql.NpgsqlParameter("p0", halfMonthStart)], cancellationToken);
        }

        var bound = halfMonthStart.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {HistoryStorageSql.Table} ({Columns}) SELECT {Columns} FROM {HistoryStorageSql.OpenTable} WHERE first_at < {{0}}",
            [bound], cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {HistoryStorageSql.OpenTable} WHERE first_at < {{0}}", [bound], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return moved;
    }
}
