using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Monitor.Core.Data;

/// <summary>
/// These foreign keys were named when the context declared a set per feature, after the set ("profiles") rather than
/// the table. The sets now live with their features, so the data layer knows none of them; the database keeps its
/// names, written out here (dependent table, principal table) as text.
/// </summary>
internal static class LegacyForeignKeyNames
{
    private static readonly Dictionary<(string Table, string Principal), string> Names = new()
    {
        [("media_references", "tiktok_posts")] = "fk_media_references_posts_post_id",
        [("media_references", "tiktok_profiles")] = "fk_media_references_profiles_profile_id",
        [("notification_channel_profiles", "tiktok_profiles")] = "fk_notification_channel_profiles_profiles_profile_id",
        [("notification_deliveries", "tiktok_profiles")] = "fk_notification_deliveries_profiles_profile_id",
        [("post_alerts", "tiktok_posts")] = "fk_post_alerts_posts_post_id",
        [("profile_alert_states", "tiktok_profiles")] = "fk_profile_alert_states_profiles_profile_id",
        [("profile_group_members", "tiktok_profiles")] = "fk_profile_group_members_profiles_profile_id",
        [("profile_metrics_history", "tiktok_profiles")] = "fk_profile_metrics_history_profiles_profile_id",
        [("profile_monitoring_logs", "tiktok_profiles")] = "fk_profile_monitoring_logs_profiles_profile_id",
        [("run_notification_events", "tiktok_profiles")] = "fk_run_notification_events_profiles_profile_id",
        [("tiktok_posts", "tiktok_profiles")] = "fk_tiktok_posts_profiles_profile_id",
        [("tiktok_profile_account_history", "tiktok_profiles")] = "fk_tiktok_profile_account_history_profiles_profile_id",
        [("tiktok_profile_annotations", "tiktok_profiles")] = "fk_tiktok_profile_annotations_profiles_profile_id",
        [("tiktok_profile_changes", "profile_monitoring_logs")] = "fk_tiktok_profile_changes_monitoring_logs_monitoring_log_id",
        [("tiktok_profile_changes", "tiktok_posts")] = "fk_tiktok_profile_changes_posts_post_id",
        [("tiktok_profile_changes", "tiktok_profiles")] = "fk_tiktok_profile_changes_profiles_profile_id",
    };

    public static void Apply(ModelBuilder builder)
    {
        foreach (var key in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredForeignKeys()))
        {
            if (key.DeclaringEntityType.GetTableName() is { } table
                && key.PrincipalEntityType.GetTableName() is { } principal
                && Names.TryGetValue((table, principal), out var name))
            {
                key.SetConstraintName(name);
            }
        }
    }
}
