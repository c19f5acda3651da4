using System.Data.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Dispatch;

/// <summary>What a run needs of its profile: whom to ask the upstream for, and when the account's counters were last called for.</summary>
public sealed record RunTarget(string Handle, string? TiktokUserId, DateTime? LastProfileCallAt)
{
    private const string Sql = "SELECT handle, tiktok_user_id, last_profile_call_at FROM tiktok_profiles WHERE id = @p0";

    /// <returns>The profile's target, or null when it was deleted.</returns>
    internal static Task<RunTarget?> LoadAsync(MonitorDbContext db, Guid profileId, CancellationToken cancellationToken) =>
        DirectSql.FirstAsync(db, Sql, [profileId], Read, cancellationToken);

    private static RunTarget Read(DbDataReader reader) =>
        new(reader.GetString(0), DirectSql.StringOrNull(reader, 1), DirectSql.UtcOrNull(reader, 2));
}
