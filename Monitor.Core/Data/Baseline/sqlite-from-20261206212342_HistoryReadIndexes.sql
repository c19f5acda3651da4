CREATE TABLE "credit_ledger_workspaces" (
    "entry_id" INTEGER NOT NULL,
    "workspace_id" TEXT NOT NULL,
    CONSTRAINT "pk_credit_ledger_workspaces" PRIMARY KEY ("entry_id", "workspace_id"),
    CONSTRAINT "fk_credit_ledger_workspaces_credit_ledger_entry_id" FOREIGN KEY ("entry_id") REFERENCES "credit_ledger" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_credit_ledger_workspaces_workspace_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "credit_month_totals" (
    "month" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "credits" INTEGER NOT NULL,
    CONSTRAINT "pk_credit_month_totals" PRIMARY KEY ("month", "workspace_id")
);

CREATE INDEX "ix_credit_ledger_workspaces_workspace_id" ON "credit_ledger_workspaces" ("workspace_id");

INSERT INTO credit_ledger_workspaces (entry_id, workspace_id)
SELECT e.id, l.workspace_id FROM credit_ledger e JOIN workspace_profiles l ON l.profile_id = e.profile_id;

INSERT INTO credit_month_totals (month, workspace_id, credits)
SELECT date(e.day, 'start of month'), '00000000-0000-0000-0000-000000000000', SUM(e.credits) FROM credit_ledger e GROUP BY date(e.day, 'start of month');
INSERT INTO credit_month_totals (month, workspace_id, credits)
SELECT date(e.day, 'start of month'), a.workspace_id, SUM(e.credits)
FROM credit_ledger e JOIN credit_ledger_workspaces a ON a.entry_id = e.id GROUP BY date(e.day, 'start of month'), a.workspace_id;

DROP INDEX "ix_post_alerts_post_id_kind_threshold";

ALTER TABLE "profile_alert_states" ADD "workspace_id" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000001';

ALTER TABLE "post_alerts" ADD "workspace_id" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000001';

CREATE TABLE "workspace_alert_rules" (
    "workspace_id" TEXT NOT NULL CONSTRAINT "pk_workspace_alert_rules" PRIMARY KEY,
    "failures_before_alert" INTEGER NULL,
    "growth_percent" REAL NULL,
    "growth_views" INTEGER NULL,
    "breakout_multiple" REAL NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_workspace_alert_rules_workspace_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_profile_alert_states_profile_id" ON "profile_alert_states" ("profile_id");

CREATE UNIQUE INDEX "ix_post_alerts_post_id_kind_threshold_workspace_id" ON "post_alerts" ("post_id", "kind", "threshold", "workspace_id");

CREATE INDEX "ix_post_alerts_workspace_id" ON "post_alerts" ("workspace_id");

CREATE TABLE "ef_temp_profile_alert_states" (
    "workspace_id" TEXT NOT NULL,
    "profile_id" TEXT NOT NULL,
    "breakout_multiple" REAL NULL,
    "consecutive_failures" INTEGER NOT NULL,
    "failure_alerted" INTEGER NOT NULL,
    "growth_percent" REAL NULL,
    "growth_views" INTEGER NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "pk_profile_alert_states" PRIMARY KEY ("workspace_id", "profile_id"),
    CONSTRAINT "fk_profile_alert_states_profiles_profile_id" FOREIGN KEY ("profile_id") REFERENCES "tiktok_profiles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_profile_alert_states_workspace_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_profile_alert_states" ("workspace_id", "profile_id", "breakout_multiple", "consecutive_failures", "failure_alerted", "growth_percent", "growth_views", "updated_at")
SELECT "workspace_id", "profile_id", "breakout_multiple", "consecutive_failures", "failure_alerted", "growth_percent", "growth_views", "updated_at"
FROM "profile_alert_states";

CREATE TABLE "ef_temp_post_alerts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_post_alerts" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "post_id" INTEGER NOT NULL,
    "sent_at" TEXT NOT NULL,
    "threshold" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    CONSTRAINT "fk_post_alerts_posts_post_id" FOREIGN KEY ("post_id") REFERENCES "tiktok_posts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_post_alerts_workspace_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_post_alerts" ("id", "kind", "post_id", "sent_at", "threshold", "workspace_id")
SELECT "id", "kind", "post_id", "sent_at", "threshold", "workspace_id"
FROM "post_alerts";

PRAGMA foreign_keys = 0;

DROP TABLE "profile_alert_states";

ALTER TABLE "ef_temp_profile_alert_states" RENAME TO "profile_alert_states";

DROP TABLE "post_alerts";

ALTER TABLE "ef_temp_post_alerts" RENAME TO "post_alerts";

PRAGMA foreign_keys = 1;

CREATE INDEX "ix_profile_alert_states_profile_id" ON "profile_alert_states" ("profile_id");

CREATE UNIQUE INDEX "ix_post_alerts_post_id_kind_threshold_workspace_id" ON "post_alerts" ("post_id", "kind", "threshold", "workspace_id");

CREATE INDEX "ix_post_alerts_workspace_id" ON "post_alerts" ("workspace_id");

CREATE TABLE "history_compaction" (
    "month" TEXT NOT NULL CONSTRAINT "pk_history_compaction" PRIMARY KEY,
    "resolution" TEXT NOT NULL,
    "compacted_at" TEXT NOT NULL
);

INSERT INTO profile_alert_states (workspace_id, profile_id, consecutive_failures, failure_alerted, growth_percent, growth_views, breakout_multiple, updated_at)
SELECT l.workspace_id, s.profile_id, s.consecutive_failures, s.failure_alerted, s.growth_percent, s.growth_views, s.breakout_multiple, s.updated_at
FROM profile_alert_states s JOIN workspace_profiles l ON l.profile_id = s.profile_id
WHERE s.workspace_id = '00000000-0000-0000-0000-000000000001' AND l.workspace_id <> '00000000-0000-0000-0000-000000000001';

INSERT INTO post_alerts (workspace_id, post_id, kind, threshold, sent_at)
SELECT l.workspace_id, a.post_id, a.kind, a.threshold, a.sent_at
FROM post_alerts a JOIN tiktok_posts p ON p.id = a.post_id JOIN workspace_profiles l ON l.profile_id = p.profile_id
WHERE a.workspace_id = '00000000-0000-0000-0000-000000000001' AND l.workspace_id <> '00000000-0000-0000-0000-000000000001';

INSERT INTO workspace_alert_rules (workspace_id, failures_before_alert, growth_percent, growth_views, breakout_multiple, updated_at)
SELECT '00000000-0000-0000-0000-000000000001',
       (SELECT CAST(value AS integer) FROM app_settings WHERE key = 'notifications.failuresBeforeAlert'),
       (SELECT CAST(value AS double precision) FROM app_settings WHERE key = 'notifications.growthPercent'),
       (SELECT CAST(value AS bigint) FROM app_settings WHERE key = 'notifications.growthViews'),
       (SELECT CAST(value AS double precision) FROM app_settings WHERE key = 'notifications.breakoutMultiple'),
       (SELECT MAX(updated_at) FROM app_settings WHERE key LIKE 'notifications.%')
WHERE EXISTS (SELECT 1 FROM app_settings WHERE key LIKE 'notifications.%')
  AND EXISTS (SELECT 1 FROM workspaces WHERE id = '00000000-0000-0000-0000-000000000001');
