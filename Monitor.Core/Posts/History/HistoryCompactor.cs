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
/// pass finishes it; a compacted batch compacts to itself, so a second pass changes nothing. Month by month (UTC, the
/// partitions' ranges), oldest first: a month all of whose observations have reached one tier is marked done at it
/// (<see cref="HistoryCompactionMark"/>) and not read again until they reach the next.
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
            return new HistoryCompactionResult(closed, 0, 0, 0);
        }

        var policy = new HistoryTierPolicy(options.Value, zone.Zone);
        // A day is compacted only once all of it is RawDays old in the zone: no span starting after this can change.
        var cutoff = now.AddDays(1 - options.Value.RawDays);
        List<DateTime> months;
        Dictionary<DateTime, HistoryCompactionMark> marks;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            months = await HistoryCompactionMonths.UpToAsync(db, cutoff, cancellationToken);
            marks = await db.Set<HistoryCompactionMark>().AsNoTracking().ToDictionaryAsync(m => m.Month, cancellationToken);
        }

        var total = new HistoryCompactionResult(closed, 0, 0, 0);
        foreach (var month in months.Where(m => !HistoryCompactionMonths.IsDone(marks.GetValueOrDefault(m), policy, m, now)))
        {
            var (posts, spans) = await CompactMonthAsync(policy, month, cutoff, now, cancellationToken);
            total = total with
            {
                PostsCompacted = total.PostsCompacted + posts,
                SpansRewritten = total.SpansRewritten + spans,
                MonthsScanned = total.MonthsScanned + 1,
            };
            if (HistoryCompactionMonths.Settled(policy, month, now) is { } settled)
            {
                await MarkAsync(month, settled, now, cancellationToken);
            }
        }

        return total;
    }

    /// <summary>The month's posts batch by batch; a post compacted in two months counts in both.</summary>
    private async Task<(int Posts, int Spans)> CompactMonthAsync(
        HistoryTierPolicy policy, DateTime month, DateTime cutoff, DateTime now, CancellationToken cancellationToken)
    {
        var end = month.AddMonths(1) < cutoff ? month.AddMonths(1) : cutoff;
        long after = 0;
        int posts = 0, spans = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var batch = await db.Set<PostHistorySpan>()
                .Where(s => s.FirstAt >= month && s.FirstAt < end && s.PostId > after)
                .Select(s => s.PostId).Distinct().OrderBy(id => id).Take(BatchPosts)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return (posts, spans);
            }

            after = batch[^1];
            var (batchPosts, batchSpans) = await CompactBatchAsync(db, policy, batch, (month, end), cutoff, now, cancellationToken);
            posts += batchPosts;
            spans += batchSpans;
        }
    }

    /// <summary>Rewrites the batch's spans starting in <paramref name="range"/>; the spans around it are read for their periods only.</summary>
    private static async Task<(int Posts, int Spans)> CompactBatchAsync(
        MonitorDbContext db, HistoryTierPolicy policy, List<long> batch, (DateTime From, DateTime To) range, DateTime cutoff, DateTime now,
        CancellationToken cancellationToken)
    {
        var context = HistoryCompactionMonths.Context(range.From);
        var contextEnd = context.To < cutoff ? context.To : cutoff;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Set<PostHistorySpan>().AsNoTracking()
            .Where(s => batch.Contains(s.PostId) && s.FirstAt >= context.From && s.FirstAt < contextEnd)
            .ToListAsync(cancellationToken);
        var changedPosts = new List<long>();
        var rewritten = new List<PostHistorySpan>();
        var changedSpans = 0;
        foreach (var post in stored.GroupBy(s => s.PostId))
        {
            var kept = policy.Kept(post.SelectMany(Observations), now).ToHashSet();
            var compacted = post.Where(s => s.FirstAt >= range.From && s.FirstAt < range.To).OrderBy(s => s.FirstAt)
                .Select(span => Compact(span, kept)).ToList();
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
                .Where(s => changedPosts.Contains(s.PostId) && s.FirstAt >= range.From && s.FirstAt < range.To)
                .ExecuteDeleteAsync(cancellationToken);
            db.Set<PostHistorySpan>().AddRange(rewritten);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (changedPosts.Count, changedSpans);
    }

    /// <summary>Only after the month's last batch, so a pass killed midway comes back to the month.</summary>
    private async Task MarkAsync(DateTime month, HistoryResolution resolution, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mark = await db.Set<HistoryCompactionMark>().SingleOrDefaultAsync(m => m.Month == month, cancellationToken);
        if (mark is null)
        {
            mark = new HistoryCompactionMark { Month = month };
            db.Add(mark);
        }

        mark.Resolution = resolution;
        mark.CompactedAt = now;
        await db.SaveChangesAsync(cancellationToken);
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
