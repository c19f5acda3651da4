using Npgsql;
using NpgsqlTypes;

namespace Monitor.Core.Posts;

/// <summary><c>@tag_aweme_ids</c> and <c>@tags</c>: every (post, tag) pair of a batch, for <see cref="PostgresPageSql"/>'s hashtag writes.</summary>
internal sealed class HashtagPairs
{
    private readonly NpgsqlParameter<string[]> _awemeIds = new("tag_aweme_ids", NpgsqlDbType.Array | NpgsqlDbType.Text);
    private readonly NpgsqlParameter<string[]> _tags = new("tags", NpgsqlDbType.Array | NpgsqlDbType.Text);

    public void AddTo(NpgsqlCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.Add(_awemeIds);
        command.Parameters.Add(_tags);
    }

    public void Bind(IReadOnlyList<PostSnapshot> posts)
    {
        var pairs = posts.SelectMany(p => (p.Hashtags ?? []).Select(tag => (p.AwemeId, Tag: tag))).ToList();
        _awemeIds.TypedValue = [.. pairs.Select(p => p.AwemeId)];
        _tags.TypedValue = [.. pairs.Select(p => p.Tag)];
    }
}
