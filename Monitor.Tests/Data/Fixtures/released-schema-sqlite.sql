CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "migration_id" TEXT NOT NULL CONSTRAINT "pk___ef_migrations_history" PRIMARY KEY,
    "product_version" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "app_settings" (
    "key" TEXT NOT NULL CONSTRAINT "pk_app_settings" PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "tiktok_profiles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_tiktok_profiles" PRIMARY KEY,
    "handle" TEXT NOT NULL,
    "tiktok_user_id" TEXT NULL,
    "sec_uid" TEXT NULL,
    "nickname" TEXT NULL,
    "avatar_url" TEXT NULL,
    "bio" TEXT NULL,
    "verified" INTEGER NOT NULL,
    "follower_count" INTEGER NULL,
    "following_count" INTEGER NULL,
    "monitoring_enabled" INTEGER NOT NULL,
    "monitoring_interval_hours" INTEGER NOT NULL,
    "last_monitoring_run" TEXT NULL,
    "next_monitoring_run" TEXT NULL,
    "total_posts" INTEGER NOT NULL,
    "total_views" INTEGER NOT NULL,
    "total_likes" INTEGER NOT NULL,
    "total_shares" INTEGER NOT NULL,
    "total_comments" INTEGER NOT NULL,
    "total_saves" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "profile_metrics_history" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_profile_metrics_history" PRIMARY KEY AUTOINCREMENT,
    "profile_id" TEXT NOT NULL,
    "monitoring_log_id" INTEGER NULL,
    "total_posts" INTEGER NOT NULL,
    "total_views" INTEGER NOT NULL,
    "total_likes" INTEGER NOT NULL,
    "total_shares" INTEGER NOT NULL,
    "total_comments" INTEGER NOT NULL,
    "total_saves" INTEGER NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_profile_metrics_history_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE
);

CREATE TABLE "profile_monitoring_logs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_profile_monitoring_logs" PRIMARY KEY AUTOINCREMENT,
    "profile_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "scheduled_for" TEXT NOT NULL,
    "started_at" TEXT NULL,
    "completed_at" TEXT NULL,
    "posts_scraped" INTEGER NOT NULL,
    "pages_scraped" INTEGER NOT NULL,
    "requests_made" INTEGER NOT NULL,
    "error" TEXT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_profile_monitoring_logs_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE
);

CREATE TABLE "tiktok_posts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_tiktok_posts" PRIMARY KEY AUTOINCREMENT,
    "profile_id" TEXT NOT NULL,
    "aweme_id" TEXT NOT NULL,
    "description" TEXT NULL,
    "posted_at" TEXT NULL,
    "cover_url" TEXT NULL,
    "share_url" TEXT NULL,
    "duration_seconds" INTEGER NULL,
    "views" INTEGER NULL,
    "likes" INTEGER NULL,
    "shares" INTEGER NULL,
    "comments" INTEGER NULL,
    "saves" INTEGER NULL,
    "first_seen_at" TEXT NOT NULL,
    "last_seen_at" TEXT NOT NULL,
    CONSTRAINT "fk_tiktok_posts_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE
);

CREATE TABLE "tiktok_post_metrics_history" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_tiktok_post_metrics_history" PRIMARY KEY AUTOINCREMENT,
    "post_id" INTEGER NOT NULL,
    "views" INTEGER NULL,
    "likes" INTEGER NULL,
    "shares" INTEGER NULL,
    "comments" INTEGER NULL,
    "saves" INTEGER NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_tiktok_post_metrics_history_tiktok_posts_post_id" FOREIGN KEY ("post_id") REFERENCES "tiktok_posts" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_profile_metrics_history_profile_id_recorded_at" ON "profile_metrics_history" ("profile_id", "recorded_at" DESC);

CREATE UNIQUE INDEX "ix_profile_monitoring_logs_one_active_per_profile" ON "profile_monitoring_logs" ("profile_id") WHERE status IN ('pending', 'running');

CREATE INDEX "ix_profile_monitoring_logs_profile_id_created_at" ON "profile_monitoring_logs" ("profile_id", "created_at" DESC);

CREATE INDEX "ix_profile_monitoring_logs_status_scheduled_for" ON "profile_monitoring_logs" ("status", "scheduled_for");

CREATE INDEX "ix_tiktok_post_metrics_history_post_id_recorded_at" ON "tiktok_post_metrics_history" ("post_id", "recorded_at" DESC);

CREATE UNIQUE INDEX "ix_tiktok_posts_aweme_id" ON "tiktok_posts" ("aweme_id");

CREATE INDEX "ix_tiktok_posts_profile_id_posted_at" ON "tiktok_posts" ("profile_id", "posted_at");

CREATE UNIQUE INDEX "ix_tiktok_profiles_handle" ON "tiktok_profiles" ("handle");

CREATE INDEX "ix_tiktok_profiles_monitoring_enabled_next_monitoring_run" ON "tiktok_profiles" ("monitoring_enabled", "next_monitoring_run");

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261124142506_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DELETE FROM app_settings WHERE key = 'api_key';

CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL CONSTRAINT "pk_api_keys" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "hash" BLOB NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NULL,
    "last_used_at" TEXT NULL,
    "revoked_at" TEXT NULL
);

CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NULL,
    "xml" TEXT NULL
);

CREATE TABLE "roles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_roles" PRIMARY KEY,
    "name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "concurrency_stamp" TEXT NULL
);

CREATE TABLE "users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_users" PRIMARY KEY,
    "created_at" TEXT NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL
);

CREATE TABLE "role_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_role_claims" PRIMARY KEY AUTOINCREMENT,
    "role_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_role_claims_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_user_claims_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_user_logins_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_roles" (
    "user_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    CONSTRAINT "pk_user_roles" PRIMARY KEY ("user_id", "role_id"),
    CONSTRAINT "fk_user_roles_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_user_roles_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_user_tokens_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_api_keys_hash" ON "api_keys" ("hash");

CREATE INDEX "ix_role_claims_role_id" ON "role_claims" ("role_id");

CREATE UNIQUE INDEX "RoleNameIndex" ON "roles" ("normalized_name");

CREATE INDEX "ix_user_claims_user_id" ON "user_claims" ("user_id");

CREATE INDEX "ix_user_logins_user_id" ON "user_logins" ("user_id");

CREATE INDEX "ix_user_roles_role_id" ON "user_roles" ("role_id");

CREATE INDEX "EmailIndex" ON "users" ("normalized_email");

CREATE UNIQUE INDEX "UserNameIndex" ON "users" ("normalized_user_name");

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261127143306_AccountsAndApiKeys', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "tiktok_profiles" ADD "account_state" TEXT NOT NULL DEFAULT 'active';

ALTER TABLE "profile_monitoring_logs" ADD "claim_token" TEXT NULL;

ALTER TABLE "profile_monitoring_logs" ADD "failure_reason" TEXT NULL;

ALTER TABLE "profile_monitoring_logs" ADD "heartbeat_at" TEXT NULL;

ALTER TABLE "profile_monitoring_logs" ADD "retry_decision" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261127143443_RunLifecycle', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
UPDATE tiktok_posts SET description = substr(description, 1, 4000) WHERE length(description) > 4000;

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261127143811_CaptionLength', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "tiktok_profiles" ADD "scan_mode" TEXT NOT NULL DEFAULT 'full';

ALTER TABLE "profile_monitoring_logs" ADD "full_scan_requested" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "profile_monitoring_logs" ADD "scan_window_hours" INTEGER NULL;

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261127172835_ScanModes', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "credit_ledger" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_credit_ledger" PRIMARY KEY AUTOINCREMENT,
    "at" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "profile_id" TEXT NULL,
    "log_id" INTEGER NULL,
    "endpoint" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "credits" INTEGER NOT NULL,
    "credits_remaining" INTEGER NULL
);

CREATE TABLE "credit_provider_usage" (
    "day" TEXT NOT NULL CONSTRAINT "pk_credit_provider_usage" PRIMARY KEY,
    "credits" INTEGER NOT NULL,
    "requests" INTEGER NOT NULL,
    "fetched_at" TEXT NOT NULL
);

CREATE INDEX "ix_credit_ledger_day" ON "credit_ledger" ("day");

CREATE INDEX "ix_credit_ledger_log_id" ON "credit_ledger" ("log_id");

CREATE INDEX "ix_credit_ledger_profile_id_day" ON "credit_ledger" ("profile_id", "day");

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261127173113_CreditLedger', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "notification_channels" (
    "id" TEXT NOT NULL CONSTRAINT "pk_notification_channels" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "enabled" INTEGER NOT NULL,
    "events" INTEGER NOT NULL,
    "smtp_host" TEXT NULL,
    "smtp_port" INTEGER NULL,
    "smtp_tls" TEXT NOT NULL,
    "smtp_user" TEXT NULL,
    "from_address" TEXT NULL,
    "to_addresses" TEXT NOT NULL,
    "webhook_host" TEXT NULL,
    "protected_secret" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "notification_digest_days" (
    "day" TEXT NOT NULL CONSTRAINT "pk_notification_digest_days" PRIMARY KEY,
    "sent_at" TEXT NOT NULL
);

CREATE TABLE "post_alerts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_post_alerts" PRIMARY KEY AUTOINCREMENT,
    "post_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "threshold" TEXT NOT NULL,
    "sent_at" TEXT NOT NULL,
    CONSTRAINT "fk_post_alerts_posts_post_id" FOREIGN KEY ("post_id") REFERENCES "tiktok_posts" ("id") ON DELETE CASCADE
);

CREATE TABLE "profile_alert_states" (
    "profile_id" TEXT NOT NULL CONSTRAINT "pk_profile_alert_states" PRIMARY KEY,
    "consecutive_failures" INTEGER NOT NULL,
    "failure_alerted" INTEGER NOT NULL,
    "growth_percent" REAL NULL,
    "growth_views" INTEGER NULL,
    "breakout_multiple" REAL NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_profile_alert_states_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE
);

CREATE TABLE "run_notification_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_run_notification_events" PRIMARY KEY AUTOINCREMENT,
    "profile_id" TEXT NOT NULL,
    "log_id" INTEGER NOT NULL,
    "succeeded" INTEGER NOT NULL,
    "error" TEXT NULL,
    "occurred_at" TEXT NOT NULL,
    "processed_at" TEXT NULL,
    CONSTRAINT "fk_run_notification_events_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE
);

CREATE TABLE "notification_channel_profiles" (
    "channel_id" TEXT NOT NULL,
    "profile_id" TEXT NOT NULL,
    CONSTRAINT "pk_notification_channel_profiles" PRIMARY KEY ("channel_id", "profile_id"),
    CONSTRAINT "fk_notification_channel_profiles_notification_channels_channel_id" FOREIGN KEY ("channel_id") REFERENCES "notification_channels" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_notification_channel_profiles_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE
);

CREATE TABLE "notification_deliveries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_notification_deliveries" PRIMARY KEY AUTOINCREMENT,
    "channel_id" TEXT NULL,
    "channel_name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "profile_id" TEXT NULL,
    "handle" TEXT NULL,
    "url" TEXT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "claim_token" TEXT NULL,
    "claimed_until" TEXT NULL,
    "last_error" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "sent_at" TEXT NULL,
    CONSTRAINT "fk_notification_deliveries_notification_channels_channel_id" FOREIGN KEY ("channel_id") REFERENCES "notification_channels" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_notification_deliveries_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE SET NULL
);

CREATE INDEX "ix_notification_channel_profiles_profile_id" ON "notification_channel_profiles" ("profile_id");

CREATE INDEX "ix_notification_deliveries_channel_id" ON "notification_deliveries" ("channel_id");

CREATE INDEX "ix_notification_deliveries_created_at" ON "notification_deliveries" ("created_at");

CREATE INDEX "ix_notification_deliveries_profile_id" ON "notification_deliveries" ("profile_id");

CREATE INDEX "ix_notification_deliveries_status_next_attempt_at" ON "notification_deliveries" ("status", "next_attempt_at");

CREATE UNIQUE INDEX "ix_post_alerts_post_id_kind_threshold" ON "post_alerts" ("post_id", "kind", "threshold");

CREATE INDEX "ix_run_notification_events_processed_at" ON "run_notification_events" ("processed_at");

CREATE INDEX "ix_run_notification_events_profile_id" ON "run_notification_events" ("profile_id");

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261127173257_Notifications', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "tiktok_profiles" ADD "exclude_unseen_posts" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "tiktok_posts" ADD "missing_full_scans" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "tiktok_post_metrics_history" ADD "monitoring_log_id" INTEGER NULL;

ALTER TABLE "profile_monitoring_logs" ADD "suspect_baseline" INTEGER NULL;

ALTER TABLE "profile_monitoring_logs" ADD "suspect_observed" INTEGER NULL;

ALTER TABLE "profile_monitoring_logs" ADD "suspect_reason" TEXT NULL;

CREATE INDEX "ix_tiktok_post_metrics_history_monitoring_log_id" ON "tiktok_post_metrics_history" ("monitoring_log_id");

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261127201318_DataQuality', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "media_blobs" (
    "hash" TEXT NOT NULL CONSTRAINT "pk_media_blobs" PRIMARY KEY,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "data" BLOB NULL
);

CREATE TABLE "media_references" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_media_references" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "profile_id" TEXT NOT NULL,
    "post_id" INTEGER NULL,
    "source_url" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "hash" TEXT NULL,
    "content_type" TEXT NULL,
    "size" INTEGER NULL,
    "fetched_at" TEXT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NULL,
    "last_error" TEXT NULL,
    CONSTRAINT "fk_media_references_posts_post_id" FOREIGN KEY ("post_id") REFERENCES "tiktok_posts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_media_references_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_media_references_hash" ON "media_references" ("hash");

CREATE UNIQUE INDEX "ix_media_references_post_id" ON "media_references" ("post_id");

CREATE INDEX "ix_media_references_profile_id_kind" ON "media_references" ("profile_id", "kind");

CREATE INDEX "ix_media_references_state_next_attempt_at" ON "media_references" ("state", "next_attempt_at");

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261127201728_MediaCache', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "tiktok_posts" ADD "has_shop_product" INTEGER NULL;

ALTER TABLE "tiktok_posts" ADD "is_ad" INTEGER NULL;

ALTER TABLE "tiktok_posts" ADD "is_paid_partnership" INTEGER NULL;

ALTER TABLE "tiktok_posts" ADD "is_pinned" INTEGER NULL;

ALTER TABLE "tiktok_posts" ADD "shop_product_url" TEXT NULL;

ALTER TABLE "tiktok_posts" ADD "sound_author" TEXT NULL;

ALTER TABLE "tiktok_posts" ADD "sound_id" TEXT NULL;

ALTER TABLE "tiktok_posts" ADD "sound_is_original" INTEGER NULL;

ALTER TABLE "tiktok_posts" ADD "sound_title" TEXT NULL;

CREATE TABLE "tiktok_post_hashtags" (
    "post_id" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,
    CONSTRAINT "pk_tiktok_post_hashtags" PRIMARY KEY ("post_id", "tag"),
    CONSTRAINT "fk_tiktok_post_hashtags_tiktok_posts_post_id" FOREIGN KEY ("post_id") REFERENCES "tiktok_posts" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_tiktok_post_hashtags_tag_post_id" ON "tiktok_post_hashtags" ("tag", "post_id");

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261127210142_FreeSignals', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "tiktok_posts" ADD "hashtags_json" TEXT NULL;

UPDATE tiktok_posts SET hashtags_json = (
    SELECT json_group_array(tag) FROM (SELECT h.tag FROM tiktok_post_hashtags h WHERE h.post_id = tiktok_posts.id ORDER BY h.tag))
WHERE id IN (SELECT post_id FROM tiktok_post_hashtags);

CREATE TRIGGER tiktok_posts_hashtags_inserted AFTER INSERT ON tiktok_posts
WHEN NEW.hashtags_json IS NOT NULL
BEGIN
INSERT INTO tiktok_post_hashtags (post_id, tag)
SELECT DISTINCT NEW.id, value FROM json_each(NEW.hashtags_json)
WHERE value NOT IN (SELECT tag FROM tiktok_post_hashtags WHERE post_id = NEW.id);
END;

CREATE TRIGGER tiktok_posts_hashtags_changed AFTER UPDATE OF hashtags_json ON tiktok_posts
WHEN NEW.hashtags_json IS NOT OLD.hashtags_json AND NEW.hashtags_json IS NOT NULL
BEGIN
    DELETE FROM tiktok_post_hashtags
    WHERE post_id = NEW.id AND tag NOT IN (SELECT value FROM json_each(NEW.hashtags_json));
INSERT INTO tiktok_post_hashtags (post_id, tag)
SELECT DISTINCT NEW.id, value FROM json_each(NEW.hashtags_json)
WHERE value NOT IN (SELECT tag FROM tiktok_post_hashtags WHERE post_id = NEW.id);
END;

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261127231941_PostHashtagSets', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "tiktok_profiles" ADD "counters_observed_at" TEXT NULL;

ALTER TABLE "tiktok_profiles" ADD "last_profile_call_at" TEXT NULL;

ALTER TABLE "tiktok_profiles" ADD "likes_count" INTEGER NULL;

ALTER TABLE "tiktok_profiles" ADD "video_count" INTEGER NULL;

CREATE TABLE "profile_groups" (
    "id" TEXT NOT NULL CONSTRAINT "pk_profile_groups" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "normalized_name" TEXT NOT NULL,
    "description" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "tiktok_profile_account_history" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_tiktok_profile_account_history" PRIMARY KEY AUTOINCREMENT,
    "profile_id" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    "follower_count" INTEGER NULL,
    "following_count" INTEGER NULL,
    "likes_count" INTEGER NULL,
    "video_count" INTEGER NULL,
    "source" TEXT NOT NULL,
    "monitoring_log_id" INTEGER NULL,
    CONSTRAINT "fk_tiktok_profile_account_history_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE
);

CREATE TABLE "tiktok_profile_annotations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_tiktok_profile_annotations" PRIMARY KEY AUTOINCREMENT,
    "profile_id" TEXT NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "all_day" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_tiktok_profile_annotations_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE
);

CREATE TABLE "tiktok_profile_changes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_tiktok_profile_changes" PRIMARY KEY AUTOINCREMENT,
    "profile_id" TEXT NOT NULL,
    "post_id" INTEGER NULL,
    "kind" TEXT NOT NULL,
    "old_value" TEXT NULL,
    "new_value" TEXT NULL,
    "occurred_at" TEXT NOT NULL,
    "monitoring_log_id" INTEGER NULL,
    CONSTRAINT "fk_tiktok_profile_changes_monitoring_logs_monitoring_log_id" FOREIGN KEY ("monitoring_log_id") REFERENCES "profile_monitoring_logs" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_tiktok_profile_changes_posts_post_id" FOREIGN KEY ("post_id") REFERENCES "tiktok_posts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_tiktok_profile_changes_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE
);

CREATE TABLE "profile_group_members" (
    "group_id" TEXT NOT NULL,
    "profile_id" TEXT NOT NULL,
    "is_own" INTEGER NOT NULL,
    "added_at" TEXT NOT NULL,
    CONSTRAINT "pk_profile_group_members" PRIMARY KEY ("group_id", "profile_id"),
    CONSTRAINT "fk_profile_group_members_profile_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "profile_groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_profile_group_members_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_profile_group_members_one_own" ON "profile_group_members" ("group_id") WHERE is_own;

CREATE INDEX "ix_profile_group_members_profile_id" ON "profile_group_members" ("profile_id");

CREATE UNIQUE INDEX "ix_profile_groups_normalized_name" ON "profile_groups" ("normalized_name");

CREATE INDEX "ix_tiktok_profile_account_history_profile_id_recorded_at" ON "tiktok_profile_account_history" ("profile_id", "recorded_at");

CREATE INDEX "ix_tiktok_profile_annotations_profile_id_occurred_at" ON "tiktok_profile_annotations" ("profile_id", "occurred_at");

CREATE INDEX "ix_tiktok_profile_changes_monitoring_log_id" ON "tiktok_profile_changes" ("monitoring_log_id");

CREATE INDEX "ix_tiktok_profile_changes_post_id" ON "tiktok_profile_changes" ("post_id");

CREATE INDEX "ix_tiktok_profile_changes_profile_id_occurred_at" ON "tiktok_profile_changes" ("profile_id", "occurred_at" DESC);

CREATE TRIGGER tiktok_posts_changes AFTER UPDATE OF description, is_pinned ON tiktok_posts
WHEN (OLD.description IS NOT NULL AND NEW.description IS NOT NULL AND OLD.description <> NEW.description) OR (OLD.is_pinned IS NOT NULL AND NEW.is_pinned IS NOT NULL AND OLD.is_pinned <> NEW.is_pinned)
BEGIN
INSERT INTO tiktok_profile_changes (profile_id, post_id, kind, old_value, new_value, occurred_at, monitoring_log_id)
SELECT NEW.profile_id, NEW.id, c.kind, c.old_value, c.new_value, NEW.last_seen_at, (SELECT l.id FROM profile_monitoring_logs l WHERE l.profile_id = NEW.profile_id AND l.status = 'running')
FROM (
    SELECT 'caption_edited' AS kind, OLD.description AS old_value, NEW.description AS new_value, OLD.description IS NOT NULL AND NEW.description IS NOT NULL AND OLD.description <> NEW.description AS changed
    UNION ALL
    SELECT CASE WHEN NEW.is_pinned THEN 'pinned' ELSE 'unpinned' END, NULL, NULL, OLD.is_pinned IS NOT NULL AND NEW.is_pinned IS NOT NULL AND OLD.is_pinned <> NEW.is_pinned
) c
WHERE c.changed;
END;

CREATE TRIGGER tiktok_profiles_changes AFTER UPDATE OF handle, nickname, bio, avatar_url, account_state ON tiktok_profiles
WHEN (OLD.handle IS NOT NULL AND NEW.handle IS NOT NULL AND OLD.handle <> NEW.handle) OR (OLD.nickname IS NOT NULL AND NEW.nickname IS NOT NULL AND OLD.nickname <> NEW.nickname) OR (OLD.bio IS NOT NULL AND NEW.bio IS NOT NULL AND OLD.bio <> NEW.bio) OR ((OLD.avatar_url IS NOT NULL AND NEW.avatar_url IS NOT NULL AND OLD.avatar_url <> NEW.avatar_url) AND (CASE WHEN instr((CASE WHEN instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END) END), '/') > 0 THEN substr((CASE WHEN instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END) END), instr((CASE WHEN instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END) END), '/')) ELSE (CASE WHEN instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END) END) END) <> (CASE WHEN instr((CASE WHEN instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END) END), '/') > 0 THEN substr((CASE WHEN instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END) END), instr((CASE WHEN instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END) END), '/')) ELSE (CASE WHEN instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END) END) END)) OR (OLD.account_state IS NOT NULL AND NEW.account_state IS NOT NULL AND OLD.account_state <> NEW.account_state)
BEGIN
INSERT INTO tiktok_profile_changes (profile_id, post_id, kind, old_value, new_value, occurred_at, monitoring_log_id)
SELECT NEW.id, NULL, c.kind, c.old_value, c.new_value,
       NEW.updated_at, (SELECT l.id FROM profile_monitoring_logs l
 WHERE l.profile_id = NEW.id AND (l.status = 'running' OR l.completed_at = NEW.updated_at)
 ORDER BY l.id DESC LIMIT 1)
FROM (
    SELECT 'handle_changed' AS kind, OLD.handle AS old_value, NEW.handle AS new_value, (OLD.handle IS NOT NULL AND NEW.handle IS NOT NULL AND OLD.handle <> NEW.handle) AS changed
    UNION ALL SELECT 'nickname_changed', OLD.nickname, NEW.nickname, (OLD.nickname IS NOT NULL AND NEW.nickname IS NOT NULL AND OLD.nickname <> NEW.nickname)
    UNION ALL SELECT 'bio_changed', OLD.bio, NEW.bio, (OLD.bio IS NOT NULL AND NEW.bio IS NOT NULL AND OLD.bio <> NEW.bio)
    UNION ALL SELECT 'avatar_changed', OLD.avatar_url, NEW.avatar_url, ((OLD.avatar_url IS NOT NULL AND NEW.avatar_url IS NOT NULL AND OLD.avatar_url <> NEW.avatar_url) AND (CASE WHEN instr((CASE WHEN instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END) END), '/') > 0 THEN substr((CASE WHEN instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END) END), instr((CASE WHEN instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END) END), '/')) ELSE (CASE WHEN instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), instr((CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(OLD.avatar_url, '?') > 0 THEN substr(OLD.avatar_url, 1, instr(OLD.avatar_url, '?') - 1) ELSE OLD.avatar_url END) END) END) <> (CASE WHEN instr((CASE WHEN instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END) END), '/') > 0 THEN substr((CASE WHEN instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END) END), instr((CASE WHEN instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END) END), '/')) ELSE (CASE WHEN instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') > 0 THEN substr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), instr((CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END), '://') + 3) ELSE (CASE WHEN instr(NEW.avatar_url, '?') > 0 THEN substr(NEW.avatar_url, 1, instr(NEW.avatar_url, '?') - 1) ELSE NEW.avatar_url END) END) END))
    UNION ALL SELECT 'account_state_changed', OLD.account_state, NEW.account_state, (OLD.account_state IS NOT NULL AND NEW.account_state IS NOT NULL AND OLD.account_state <> NEW.account_state)
) c
WHERE c.changed;
END;

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261206134846_Insights', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "users" ADD "theme" TEXT NULL;

CREATE TABLE "audit_log" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_log" PRIMARY KEY AUTOINCREMENT,
    "occurred_at" TEXT NOT NULL,
    "actor_kind" TEXT NOT NULL,
    "actor_id" TEXT NULL,
    "actor_name" TEXT NOT NULL,
    "source_address" TEXT NULL,
    "action" TEXT NOT NULL,
    "target_kind" TEXT NULL,
    "target_id" TEXT NULL,
    "target_label" TEXT NULL,
    "old_values" TEXT NULL,
    "new_values" TEXT NULL
);

CREATE TABLE "report_definitions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_report_definitions" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "profile_id" TEXT NULL,
    "group_id" TEXT NULL,
    "cadence" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "week_start" TEXT NOT NULL,
    "send_hour" INTEGER NOT NULL,
    "to_addresses" TEXT NOT NULL,
    "bcc_addresses" TEXT NOT NULL,
    "channel_id" TEXT NULL,
    "enabled" INTEGER NOT NULL,
    "last_sent_period_start" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_report_definitions_notification_channels_channel_id" FOREIGN KEY ("channel_id") REFERENCES "notification_channels" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_report_definitions_profile_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "profile_groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_report_definitions_tiktok_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE
);

CREATE TABLE "sent_reports" (
    "id" TEXT NOT NULL CONSTRAINT "pk_sent_reports" PRIMARY KEY,
    "definition_id" TEXT NOT NULL,
    "cadence" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "period_end" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "pdf" BLOB NOT NULL,
    "email_status" TEXT NOT NULL,
    "email_error" TEXT NULL,
    "emailed_at" TEXT NULL,
    "email_attempts" INTEGER NOT NULL,
    "expires_at" TEXT NOT NULL,
    CONSTRAINT "fk_sent_reports_report_definitions_definition_id" FOREIGN KEY ("definition_id") REFERENCES "report_definitions" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_audit_log_action_occurred_at" ON "audit_log" ("action", "occurred_at");

CREATE INDEX "ix_audit_log_occurred_at" ON "audit_log" ("occurred_at");

CREATE INDEX "ix_audit_log_target_kind_target_id_occurred_at" ON "audit_log" ("target_kind", "target_id", "occurred_at");

CREATE INDEX "ix_report_definitions_channel_id" ON "report_definitions" ("channel_id");

CREATE INDEX "ix_report_definitions_group_id" ON "report_definitions" ("group_id");

CREATE INDEX "ix_report_definitions_profile_id" ON "report_definitions" ("profile_id");

CREATE UNIQUE INDEX "ix_sent_reports_definition_id_period_start" ON "sent_reports" ("definition_id", "period_start");

CREATE INDEX "ix_sent_reports_expires_at" ON "sent_reports" ("expires_at");

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261206165601_Operations', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "share_links" (
    "id" TEXT NOT NULL CONSTRAINT "pk_share_links" PRIMARY KEY,
    "token_hash" BLOB NOT NULL,
    "target_kind" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "target_label" TEXT NOT NULL,
    "password_hash" TEXT NULL,
    "expires_at" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "revoked_at" TEXT NULL,
    "revoked_by" TEXT NULL,
    "last_used_at" TEXT NULL,
    "use_count" INTEGER NOT NULL
);

CREATE INDEX "ix_share_links_target_kind_target_id" ON "share_links" ("target_kind", "target_id");

CREATE UNIQUE INDEX "ix_share_links_token_hash" ON "share_links" ("token_hash");

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261206181819_ShareLinks', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE tiktok_post_history (
    post_id INTEGER NOT NULL REFERENCES tiktok_posts (id) ON DELETE CASCADE,
    first_at TEXT NOT NULL,
    views INTEGER, likes INTEGER, shares INTEGER, comments INTEGER, saves INTEGER,
    repeats TEXT,
    PRIMARY KEY (post_id, first_at)
) WITHOUT ROWID;
CREATE TABLE tiktok_post_history_open (
    post_id INTEGER NOT NULL PRIMARY KEY REFERENCES tiktok_posts (id) ON DELETE CASCADE,
    first_at TEXT NOT NULL,
    views INTEGER, likes INTEGER, shares INTEGER, comments INTEGER, saves INTEGER,
    repeats TEXT
);CREATE TEMP TABLE history_spans AS
WITH c AS (
    SELECT h.id, h.post_id, h.recorded_at, h.views, h.likes, h.shares, h.comments, h.saves,
           CASE WHEN lag(h.recorded_at) OVER w IS NULL
                  OR h.views IS NOT lag(h.views) OVER w OR h.likes IS NOT lag(h.likes) OVER w OR h.shares IS NOT lag(h.shares) OVER w
                  OR h.comments IS NOT lag(h.comments) OVER w OR h.saves IS NOT lag(h.saves) OVER w
                  OR (substr(h.recorded_at, 1, 8) || CASE WHEN CAST(substr(h.recorded_at, 9, 2) AS INTEGER) >= 16 THEN '16' ELSE '01' END) <> (substr(lag(h.recorded_at) OVER w, 1, 8) || CASE WHEN CAST(substr(lag(h.recorded_at) OVER w, 9, 2) AS INTEGER) >= 16 THEN '16' ELSE '01' END) THEN 1 ELSE 0 END AS starts
    FROM tiktok_post_metrics_history h
    WINDOW w AS (PARTITION BY h.post_id ORDER BY h.recorded_at, h.id)
), g AS (
    SELECT c.*, sum(starts) OVER (PARTITION BY post_id ORDER BY recorded_at, id) AS span FROM c
), x AS (
    SELECT g.*, first_value(recorded_at) OVER s AS first_seen, row_number() OVER s AS rn
    FROM g WINDOW s AS (PARTITION BY post_id, span ORDER BY recorded_at, id)
)
SELECT post_id, span, min(first_seen) AS first_at, views, likes, shares, comments, saves,
       CASE WHEN count(*) > 1 THEN json_group_array(CAST(round((julianday(recorded_at) - julianday(first_seen)) * 86400000) AS INTEGER) ORDER BY recorded_at, id) FILTER (WHERE rn > 1) END AS repeats,
       span = max(span) OVER (PARTITION BY post_id) AS newest
FROM x
GROUP BY post_id, span, views, likes, shares, comments, saves;
INSERT OR IGNORE INTO tiktok_post_history (post_id, first_at, views, likes, shares, comments, saves, repeats)
SELECT post_id, first_at, views, likes, shares, comments, saves, repeats FROM history_spans WHERE NOT newest;
INSERT INTO tiktok_post_history_open (post_id, first_at, views, likes, shares, comments, saves, repeats)
SELECT post_id, first_at, views, likes, shares, comments, saves, repeats FROM history_spans WHERE newest;
DROP TABLE history_spans;CREATE VIEW tiktok_post_observations AS
SELECT x.post_id, x.recorded_at, x.views, x.likes, x.shares, x.comments, x.saves, x.first_at,
       (SELECT l.id FROM profile_monitoring_logs l JOIN tiktok_posts p ON p.profile_id = l.profile_id
        WHERE p.id = x.post_id AND l.started_at <= x.recorded_at AND (l.completed_at IS NULL OR x.recorded_at <= l.completed_at)
        ORDER BY l.started_at DESC LIMIT 1) AS monitoring_log_id
FROM (
    SELECT h.post_id,
           CASE WHEN r.value = 0 THEN h.first_at
                ELSE rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', h.first_at, '+' || (r.value / 1000.0) || ' seconds'), '0'), '.') END AS recorded_at,
           h.views, h.likes, h.shares, h.comments, h.saves, h.first_at
    FROM (SELECT post_id, first_at, views, likes, shares, comments, saves, repeats FROM tiktok_post_history
          UNION ALL
          SELECT post_id, first_at, views, likes, shares, comments, saves, repeats FROM tiktok_post_history_open) h,
         json_each(CASE WHEN h.repeats IS NULL OR h.repeats = '[]' THEN '[0]' ELSE '[0,' || substr(h.repeats, 2) END) r
) x;

DROP TABLE "tiktok_post_metrics_history";

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261206184652_PostHistorySpans', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "workspaces" (
    "id" TEXT NOT NULL CONSTRAINT "pk_workspaces" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "monthly_credit_budget" INTEGER NULL
);

INSERT INTO workspaces (id, name, created_at, monthly_credit_budget)
VALUES ('00000000-0000-0000-0000-000000000001', 'Default', strftime('%Y-%m-%d %H:%M:%f', 'now'), NULL);

DROP INDEX "ix_profile_groups_normalized_name";

ALTER TABLE "share_links" ADD "workspace_id" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000001';

ALTER TABLE "report_definitions" ADD "workspace_id" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000001';

ALTER TABLE "profile_groups" ADD "workspace_id" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000001';

ALTER TABLE "notification_channels" ADD "workspace_id" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000001';

ALTER TABLE "api_keys" ADD "workspace_id" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000001';

CREATE TABLE "workspace_members" (
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "pk_workspace_members" PRIMARY KEY ("workspace_id", "user_id"),
    CONSTRAINT "fk_workspace_members_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_workspace_members_workspaces_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "workspace_profiles" (
    "workspace_id" TEXT NOT NULL,
    "profile_id" TEXT NOT NULL,
    "added_at" TEXT NOT NULL,
    CONSTRAINT "pk_workspace_profiles" PRIMARY KEY ("workspace_id", "profile_id"),
    CONSTRAINT "fk_workspace_profiles_tiktok_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_workspace_profiles_workspaces_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_share_links_workspace_id" ON "share_links" ("workspace_id");

CREATE INDEX "ix_report_definitions_workspace_id" ON "report_definitions" ("workspace_id");

CREATE UNIQUE INDEX "ix_profile_groups_workspace_id_normalized_name" ON "profile_groups" ("workspace_id", "normalized_name");

CREATE INDEX "ix_notification_channels_workspace_id" ON "notification_channels" ("workspace_id");

CREATE INDEX "ix_api_keys_workspace_id" ON "api_keys" ("workspace_id");

CREATE INDEX "ix_workspace_members_user_id" ON "workspace_members" ("user_id");

CREATE INDEX "ix_workspace_profiles_profile_id" ON "workspace_profiles" ("profile_id");

INSERT INTO workspace_profiles (workspace_id, profile_id, added_at)
SELECT '00000000-0000-0000-0000-000000000001', p.id, p.created_at FROM tiktok_profiles p;

INSERT INTO workspace_members (workspace_id, user_id, role)
SELECT '00000000-0000-0000-0000-000000000001', u.id,
       CASE WHEN EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                         WHERE ur.user_id = u.id AND r.name = 'admin')
            THEN 'admin' ELSE 'viewer' END
FROM users u;

CREATE TABLE "ef_temp_api_keys" (
    "id" TEXT NOT NULL CONSTRAINT "pk_api_keys" PRIMARY KEY,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NULL,
    "hash" BLOB NOT NULL,
    "last_used_at" TEXT NULL,
    "name" TEXT NOT NULL,
    "revoked_at" TEXT NULL,
    "workspace_id" TEXT NOT NULL,
    CONSTRAINT "fk_api_keys_workspace_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_api_keys" ("id", "created_at", "created_by", "hash", "last_used_at", "name", "revoked_at", "workspace_id")
SELECT "id", "created_at", "created_by", "hash", "last_used_at", "name", "revoked_at", "workspace_id"
FROM "api_keys";

CREATE TABLE "ef_temp_notification_channels" (
    "id" TEXT NOT NULL CONSTRAINT "pk_notification_channels" PRIMARY KEY,
    "created_at" TEXT NOT NULL,
    "enabled" INTEGER NOT NULL,
    "events" INTEGER NOT NULL,
    "from_address" TEXT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "protected_secret" TEXT NULL,
    "smtp_host" TEXT NULL,
    "smtp_port" INTEGER NULL,
    "smtp_tls" TEXT NOT NULL,
    "smtp_user" TEXT NULL,
    "to_addresses" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "webhook_host" TEXT NULL,
    "workspace_id" TEXT NOT NULL,
    CONSTRAINT "fk_notification_channels_workspace_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_notification_channels" ("id", "created_at", "enabled", "events", "from_address", "kind", "name", "protected_secret", "smtp_host", "smtp_port", "smtp_tls", "smtp_user", "to_addresses", "updated_at", "webhook_host", "workspace_id")
SELECT "id", "created_at", "enabled", "events", "from_address", "kind", "name", "protected_secret", "smtp_host", "smtp_port", "smtp_tls", "smtp_user", "to_addresses", "updated_at", "webhook_host", "workspace_id"
FROM "notification_channels";

CREATE TABLE "ef_temp_profile_groups" (
    "id" TEXT NOT NULL CONSTRAINT "pk_profile_groups" PRIMARY KEY,
    "created_at" TEXT NOT NULL,
    "description" TEXT NULL,
    "name" TEXT NOT NULL,
    "normalized_name" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    CONSTRAINT "fk_profile_groups_workspace_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_profile_groups" ("id", "created_at", "description", "name", "normalized_name", "updated_at", "workspace_id")
SELECT "id", "created_at", "description", "name", "normalized_name", "updated_at", "workspace_id"
FROM "profile_groups";

CREATE TABLE "ef_temp_report_definitions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_report_definitions" PRIMARY KEY,
    "bcc_addresses" TEXT NOT NULL,
    "cadence" TEXT NOT NULL,
    "channel_id" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "enabled" INTEGER NOT NULL,
    "group_id" TEXT NULL,
    "last_sent_period_start" TEXT NULL,
    "name" TEXT NOT NULL,
    "profile_id" TEXT NULL,
    "send_hour" INTEGER NOT NULL,
    "time_zone" TEXT NOT NULL,
    "to_addresses" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "week_start" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    CONSTRAINT "fk_report_definitions_notification_channels_channel_id" FOREIGN KEY ("channel_id") REFERENCES "notification_channels" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_report_definitions_profile_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "profile_groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_report_definitions_tiktok_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_report_definitions_workspace_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_report_definitions" ("id", "bcc_addresses", "cadence", "channel_id", "created_at", "enabled", "group_id", "last_sent_period_start", "name", "profile_id", "send_hour", "time_zone", "to_addresses", "updated_at", "week_start", "workspace_id")
SELECT "id", "bcc_addresses", "cadence", "channel_id", "created_at", "enabled", "group_id", "last_sent_period_start", "name", "profile_id", "send_hour", "time_zone", "to_addresses", "updated_at", "week_start", "workspace_id"
FROM "report_definitions";

CREATE TABLE "ef_temp_share_links" (
    "id" TEXT NOT NULL CONSTRAINT "pk_share_links" PRIMARY KEY,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "last_used_at" TEXT NULL,
    "password_hash" TEXT NULL,
    "revoked_at" TEXT NULL,
    "revoked_by" TEXT NULL,
    "target_id" TEXT NOT NULL,
    "target_kind" TEXT NOT NULL,
    "target_label" TEXT NOT NULL,
    "token_hash" BLOB NOT NULL,
    "use_count" INTEGER NOT NULL,
    "workspace_id" TEXT NOT NULL,
    CONSTRAINT "fk_share_links_workspace_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_share_links" ("id", "created_at", "created_by", "expires_at", "last_used_at", "password_hash", "revoked_at", "revoked_by", "target_id", "target_kind", "target_label", "token_hash", "use_count", "workspace_id")
SELECT "id", "created_at", "created_by", "expires_at", "last_used_at", "password_hash", "revoked_at", "revoked_by", "target_id", "target_kind", "target_label", "token_hash", "use_count", "workspace_id"
FROM "share_links";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "api_keys";

ALTER TABLE "ef_temp_api_keys" RENAME TO "api_keys";

DROP TABLE "notification_channels";

ALTER TABLE "ef_temp_notification_channels" RENAME TO "notification_channels";

DROP TABLE "profile_groups";

ALTER TABLE "ef_temp_profile_groups" RENAME TO "profile_groups";

DROP TABLE "report_definitions";

ALTER TABLE "ef_temp_report_definitions" RENAME TO "report_definitions";

DROP TABLE "share_links";

ALTER TABLE "ef_temp_share_links" RENAME TO "share_links";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE UNIQUE INDEX "ix_api_keys_hash" ON "api_keys" ("hash");

CREATE INDEX "ix_api_keys_workspace_id" ON "api_keys" ("workspace_id");

CREATE INDEX "ix_notification_channels_workspace_id" ON "notification_channels" ("workspace_id");

CREATE UNIQUE INDEX "ix_profile_groups_workspace_id_normalized_name" ON "profile_groups" ("workspace_id", "normalized_name");

CREATE INDEX "ix_report_definitions_channel_id" ON "report_definitions" ("channel_id");

CREATE INDEX "ix_report_definitions_group_id" ON "report_definitions" ("group_id");

CREATE INDEX "ix_report_definitions_profile_id" ON "report_definitions" ("profile_id");

CREATE INDEX "ix_report_definitions_workspace_id" ON "report_definitions" ("workspace_id");

CREATE INDEX "ix_share_links_target_kind_target_id" ON "share_links" ("target_kind", "target_id");

CREATE UNIQUE INDEX "ix_share_links_token_hash" ON "share_links" ("token_hash");

CREATE INDEX "ix_share_links_workspace_id" ON "share_links" ("workspace_id");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261206211242_Workspaces', '10.0.15');

BEGIN TRANSACTION;
CREATE INDEX "ix_profile_monitoring_logs_completed_at" ON "profile_monitoring_logs" ("completed_at");

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261206212342_HistoryReadIndexes', '10.0.15');

COMMIT;

