using Monitor.Core.Metrics;
using Monitor.Core.Scraping;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Core.Posts;

/// <summary>
/// The typed array parameters of <see cref="PostgresPageSql"/>: created once per command (so the command can stay
/// prepared), rebound per page.
/// </summary>
internal sealed class PostgresPostArrays
{
    private readonly NpgsqlParameter<Guid> _profileId = new("profile_id", NpgsqlDbType.Uuid);
    private readonly NpgsqlParameter<DateTime> _now = new("now", NpgsqlDbType.TimestampTz);
    private readonly NpgsqlParameter<string[]> _awemeIds = new("aweme_ids", NpgsqlDbType.Array | NpgsqlDbType.Text);
    private readonly NpgsqlParameter<string?[]> _descriptions = new("descriptions", NpgsqlDbType.Array | NpgsqlDbType.Text);
    private readonly NpgsqlParameter<DateTime?[]> _postedAts = new("posted_ats", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);
    private readonly NpgsqlParameter<string?[]> _coverUrls = new("cover_urls", NpgsqlDbType.Array | NpgsqlDbType.Text);
    private readonly NpgsqlParameter<string?[]> _shareUrls = new("share_urls", NpgsqlDbType.Array | NpgsqlDbType.Text);
    private readonly NpgsqlParameter<int?[]> _durations = new("durations", NpgsqlDbType.Array | NpgsqlDbType.Integer);
    private readonly NpgsqlParameter<long?[]>[] _metrics = [.. PostMetrics.All.Select(m => new NpgsqlParameter<long?[]>(m.Column, NpgsqlDbType.Array | NpgsqlDbType.Bigint))];
    private readonly PostgresSignalArrays _signals = new();

    public PostgresPostArrays(NpgsqlCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        NpgsqlParameter[] all = [_profileId, _now, _awemeIds, _descriptions, _postedAts, _coverUrls, _shareUrls, _durations, .. _metrics];
        command.Parameters.AddRange(all);
        _signals.AddTo(command);
    }

    public void Bind(Guid profileId, IReadOnlyList<PostSnapshot> posts, DateTime observedAt)
    {
        _profileId.TypedValue = profileId;
        _now.TypedValue = observedAt;
        _awemeIds.TypedValue = [.. posts.Select(p => p.AwemeId)];
        _descriptions.TypedValue = [.. posts.Select(p => p.Description)];
        _postedAts.TypedValue = [.. posts.Select(p => p.PostedAt)];
        _coverUrls.TypedValue = [.. posts.Select(p => p.CoverUrl)];
        _shareUrls.TypedValue = [.. posts.Select(p => p.ShareUrl)];
        _durations.TypedValue = [.. posts.Select(p => p.DurationSeconds)];
        for (var i = 0; i < _metrics.Length; i++)
        {
            var metric = PostMetrics.All[i];
            _metrics[i].TypedValue = [.. posts.Select(p => metric.Get(p.Metrics))];
        }

        _signals.Bind(posts);
    }
}
