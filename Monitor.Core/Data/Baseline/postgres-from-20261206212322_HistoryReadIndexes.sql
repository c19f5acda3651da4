CREATE TABLE credit_ledger_workspaces (
    entry_id bigint NOT NULL,
    workspace_id uuid NOT NULL,
    CONSTRAINT pk_credit_ledger_workspaces PRIMARY KEY (entry_id, workspace_id),
    CONSTRAINT fk_credit_ledger_workspaces_credit_ledger_entry_id FOREIGN KEY (entry_id) REFERENCES credit_ledger (id) ON DELETE CASCADE,
    CONSTRAINT fk_credit_ledger_workspaces_workspace_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE credit_month_totals (
    month date NOT NULL,
    workspace_id uuid NOT NULL,
    credits bigint NOT NULL,
    CONSTRAINT pk_credit_month_totals PRIMARY KEY (month, workspace_id)
);

CREATE INDEX ix_credit_ledger_workspaces_workspace_id ON credit_ledger_workspaces (workspace_id);

INSERT INTO credit_ledger_workspaces (entry_id, workspace_id)
SELECT e.id, l.workspace_id FROM credit_ledger e JOIN workspace_profiles l ON l.profile_id = e.profile_id;

INSERT INTO credit_month_totals (month, workspace_id, credits)
SELECT CAST(date_trunc('month', e.day) AS date), '00000000-0000-0000-0000-000000000000', SUM(e.credits) FROM credit_ledger e GROUP BY CAST(date_trunc('month', e.day) AS date);
INSERT INTO credit_month_totals (month, workspace_id, credits)
SELECT CAST(date_trunc('month', e.day) AS date), a.workspace_id, SUM(e.credits)
FROM credit_ledger e JOIN credit_ledger_workspaces a ON a.entry_id = e.id GROUP BY CAST(date_trunc('month', e.day) AS date), a.workspace_id;

ALTER TABLE profile_alert_states DROP CONSTRAINT pk_profile_alert_states;

DROP INDEX ix_post_alerts_post_id_kind_threshold;

ALTER TABLE profile_alert_states ADD workspace_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000001';

ALTER TABLE post_alerts ADD workspace_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000001';

ALTER TABLE profile_alert_states ADD CONSTRAINT pk_profile_alert_states PRIMARY KEY (workspace_id, profile_id);

CREATE TABLE workspace_alert_rules (
    workspace_id uuid NOT NULL,
    failures_before_alert integer,
    growth_percent double precision,
    growth_views bigint,
    breakout_multiple double precision,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_workspace_alert_rules PRIMARY KEY (workspace_id),
    CONSTRAINT fk_workspace_alert_rules_workspace_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE INDEX ix_profile_alert_states_profile_id ON profile_alert_states (profile_id);

CREATE UNIQUE INDEX ix_post_alerts_post_id_kind_threshold_workspace_id ON post_alerts (post_id, kind, threshold, workspace_id);

CREATE INDEX ix_post_alerts_workspace_id ON post_alerts (workspace_id);

ALTER TABLE post_alerts ADD CONSTRAINT fk_post_alerts_workspace_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE;

ALTER TABLE profile_alert_states ADD CONSTRAINT fk_profile_alert_states_workspace_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE;

CREATE TABLE history_compaction (
    month timestamp with time zone NOT NULL,
    resolution character varying(16) NOT NULL,
    compacted_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_history_compaction PRIMARY KEY (month)
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
