namespace Monitor.Core.Changes;

/// <summary>
/// Records the changes that are gone once written (a caption's old text, a pin, a profile's old nickname) into
/// <c>tiktok_profile_changes</c> inside the database, by triggers on <c>tiktok_posts</c> and <c>tiktok_profiles</c>, so
/// every writer is caught (a run's page statement on either provider, the bulk endpoint, a profile refresh). Each trigger
/// has a <c>WHEN</c> that holds only when a watched column really changed: a refresh that reports the same values (nearly
/// every one) runs no trigger body. A first known value (null before) is no change: a post's first caption, a pin flag
/// first reported. The time is the row's own (<c>last_seen_at</c> of the post, <c>updated_at</c> of the profile, which
/// every profile writer sets), so a test clock holds; the run is the profile's running one, or the one that closed at
/// that time. An avatar is compared
/// by its path: its signed URL changes host and query string with every fetch. Used by the migration
/// <c>ChangeLog</c> of each provider.
/// </summary>
internal static class ChangeTriggers
{
    private const string Columns = "profile_id, post_id, kind, old_value, new_value, occurred_at, monitoring_log_id";

    private const string CaptionEdited = "OLD.description IS NOT NULL AND NEW.description IS NOT NULL AND OLD.description <> NEW.description";

    private const string PinChanged = "OLD.is_pinned IS NOT NULL AND NEW.is_pinned IS NOT NULL AND OLD.is_pinned <> NEW.is_pinned";

    private const string PostRun =
        "(SELECT l.id FROM profile_monitoring_logs l WHERE l.profile_id = NEW.profile_id AND l.status = 'running')";

    private const string ProfileRun = """
        (SELECT l.id FROM profile_monitoring_logs l
         WHERE l.profile_id = NEW.id AND (l.status = 'running' OR l.completed_at = NEW.updated_at)
         ORDER BY l.id DESC LIMIT 1)
        """;

    private static readonly string PostChanges = $"""
        INSERT INTO tiktok_profile_changes ({Columns})
        SELECT NEW.profile_id, NEW.id, c.kind, c.old_value, c.new_value, NEW.last_seen_at, {PostRun}
        FROM (
            SELECT '{ChangeKinds.CaptionEdited}' AS kind, OLD.description AS old_value, NEW.description AS new_value, {CaptionEdited} AS changed
            UNION ALL
            SELECT CASE WHEN NEW.is_pinned THEN '{ChangeKinds.Pinned}' ELSE '{ChangeKinds.Unpinned}' END, NULL, NULL, {PinChanged}
        ) c
        WHERE c.changed;
        """;

    private static string Changed(string column) => $"(OLD.{column} IS NOT NULL AND NEW.{column} IS NOT NULL AND OLD.{column} <> NEW.{column})";

    private static string AvatarChanged(string position) =>
        $"({Changed("avatar_url")} AND {AvatarKey("OLD.avatar_url", position)} <> {AvatarKey("NEW.avatar_url", position)})";

    /// <summary>The URL without scheme, host and query string; <paramref name="position"/> is the provider's instr/strpos.</summary>
    private static string AvatarKey(string url, string position)
    {
        var noQuery = $"(CASE WHEN {position}({url}, '?') > 0 THEN substr({url}, 1, {position}({url}, '?') - 1) ELSE {url} END)";
        var noScheme = $"(CASE WHEN {position}({noQuery}, '://') > 0 THEN substr({noQuery}, {position}({noQuery}, '://') + 3) ELSE {noQuery} END)";
        return $"(CASE WHEN {position}({noScheme}, '/') > 0 THEN substr({noScheme}, {position}({noScheme}, '/')) ELSE {noScheme} END)";
    }

    private static string ProfileWhen(string position) =>
        $"{Changed("handle")} OR {Changed("nickname")} OR {Changed("bio")} OR {AvatarChanged(position)} OR {Changed("account_state")}";

    private static string ProfileChanges(string position) => $"""
        INSERT INTO tiktok_profile_changes ({Columns})
        SELECT NEW.id, NULL, c.kind, c.old_value, c.new_value,
               NEW.updated_at, {ProfileRun}
        FROM (
            SELECT '{ChangeKinds.HandleChanged}' AS kind, OLD.handle AS old_value, NEW.handle AS new_value, {Changed("handle")} AS changed
            UNION ALL SELECT '{ChangeKinds.NicknameChanged}', OLD.nickname, NEW.nickname, {Changed("nickname")}
            UNION ALL SELECT '{ChangeKinds.BioChanged}', OLD.bio, NEW.bio, {Changed("bio")}
            UNION ALL SELECT '{ChangeKinds.AvatarChanged}', OLD.avatar_url, NEW.avatar_url, {AvatarChanged(position)}
            UNION ALL SELECT '{ChangeKinds.AccountStateChanged}', OLD.account_state, NEW.account_state, {Changed("account_state")}
        ) c
        WHERE c.changed;
        """;

    public static readonly string[] PostgresUp =
    [
        $"""
        CREATE FUNCTION tiktok_posts_record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
        {PostChanges}
            RETURN NULL;
        END $$
        """,
        $"""
        CREATE TRIGGER tiktok_posts_changes AFTER UPDATE OF description, is_pinned ON tiktok_posts
        FOR EACH ROW WHEN (({CaptionEdited}) OR ({PinChanged})) EXECUTE FUNCTION tiktok_posts_record_changes()
        """,
        $"""
        CREATE FUNCTION tiktok_profiles_record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
        {ProfileChanges("strpos")}
            RETURN NULL;
        END $$
        """,
        $"""
        CREATE TRIGGER tiktok_profiles_changes AFTER UPDATE OF handle, nickname, bio, avatar_url, account_state ON tiktok_profiles
        FOR EACH ROW WHEN ({ProfileWhen("strpos")}) EXECUTE FUNCTION tiktok_profiles_record_changes()
        """,
    ];

    public static readonly string[] PostgresDown =
    [
        "DROP TRIGGER IF EXISTS tiktok_profiles_changes ON tiktok_profiles",
        "DROP FUNCTION IF EXISTS tiktok_profiles_record_changes()",
        "DROP TRIGGER IF EXISTS tiktok_posts_changes ON tiktok_posts",
        "DROP FUNCTION IF EXISTS tiktok_posts_record_changes()",
    ];

    public static readonly string[] SqliteUp =
    [
        $"""
        CREATE TRIGGER tiktok_posts_changes AFTER UPDATE OF description, is_pinned ON tiktok_posts
        WHEN ({CaptionEdited}) OR ({PinChanged})
        BEGIN
        {PostChanges}
        END
        """,
        $"""
        CREATE TRIGGER tiktok_profiles_changes AFTER UPDATE OF handle, nickname, bio, avatar_url, account_state ON tiktok_profiles
        WHEN {ProfileWhen("instr")}
        BEGIN
        {ProfileChanges("instr")}
        END
        """,
    ];

    public static readonly string[] SqliteDown =
    [
        "DROP TRIGGER IF EXISTS tiktok_profiles_changes",
        "DROP TRIGGER IF EXISTS tiktok_posts_changes",
    ];
}
