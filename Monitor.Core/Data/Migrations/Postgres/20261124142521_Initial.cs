using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "app_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    value = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "tiktok_profiles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    handle = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    tiktok_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    sec_uid = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    nickname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    avatar_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    bio = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    verified = table.Column<bool>(type: "boolean", nullable: false),
                    follower_count = table.Column<long>(type: "bigint", nullable: true),
                    following_count = table.Column<long>(type: "bigint", nullable: true),
                    monitoring_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    monitoring_interval_hours = table.Column<int>(type: "integer", nullable: false),
                    last_monitoring_run = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    next_monitoring_run = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    total_posts = table.Column<long>(type: "bigint", nullable: false),
                    total_views = table.Column<long>(type: "bigint", nullable: false),
                    total_likes = table.Column<long>(type: "bigint", nullable: false),
                    total_shares = table.Column<long>(type: "bigint", nullable: false),
                    total_comments = table.Column<long>(type: "bigint", nullable: false),
                    total_saves = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tiktok_profiles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "profile_metrics_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    monitoring_log_id = table.Column<long>(type: "bigint", nullable: true),
                    total_posts = table.Column<long>(type: "bigint", nullable: false),
                    total_views = table.Column<long>(type: "bigint", nullable: false),
                    total_likes = table.Column<long>(type: "bigint", nullable: false),
                    total_shares = table.Column<long>(type: "bigint", nullable: false),
                    total_comments = table.Column<long>(type: "bigint", nullable: false),
                    total_saves = table.Column<long>(type: "bigint", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profile_metrics_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_profile_metrics_history_profiles_profile_id",
                        column: x => x.profile_id,
                        principalTable: "tiktok_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "profile_monitoring_logs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    scheduled_for = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    posts_scraped = table.Column<int>(type: "integer", nullable: false),
                    pages_scraped = table.Column<int>(type: "integer", nullable: false),
                    requests_made = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profile_monitoring_logs", x => x.id);
                    table.ForeignKey(
                        name: "fk_profile_monitoring_logs_profiles_profile_id",
                        column: x => x.profile_id,
                        principalTable: "tiktok_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tiktok_posts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    aweme_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    posted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    cover_url = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    share_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    duration_seconds = table.Column<int>(type: "integer", nullable: true),
                    views = table.Column<long>(type: "bigint", nullable: true),
                    likes = table.Column<long>(type: "bigint", nullable: true),
                    shares = table.Column<long>(type: "bigint", nullable: true),
                    comments = table.Column<long>(type: "bigint", nullable: true),
                    saves = table.Column<long>(type: "bigint", nullable: true),
                    first_seen_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tiktok_posts", x => x.id);
                    table.ForeignKey(
                        name: "fk_tiktok_posts_profiles_profile_id",
                        column: x => x.profile_id,
                        principalTable: "tiktok_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tiktok_post_metrics_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    post_id = table.Column<long>(type: "bigint", nullable: false),
                    views = table.Column<long>(type: "bigint", nullable: true),
                    likes = table.Column<long>(type: "bigint", nullable: true),
                    shares = table.Column<long>(type: "bigint", nullable: true),
                    comments = table.Column<long>(type: "bigint", nullable: true),
                    saves = table.Column<long>(type: "bigint", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tiktok_post_metrics_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_tiktok_post_metrics_history_tiktok_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "tiktok_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_profile_metrics_history_profile_id_recorded_at",
                table: "profile_metrics_history",
                columns: new[] { "profile_id", "recorded_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_profile_monitoring_logs_one_active_per_profile",
                table: "profile_monitoring_logs",
                column: "profile_id",
                unique: true,
                filter: "status IN ('pending', 'running')");

            migrationBuilder.CreateIndex(
                name: "ix_profile_monitoring_logs_profile_id_created_at",
                table: "profile_monitoring_logs",
                columns: new[] { "profile_id", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_profile_monitoring_logs_status_scheduled_for",
                table: "profile_monitoring_logs",
                columns: new[] { "status", "scheduled_for" });

            migrationBuilder.CreateIndex(
                name: "ix_tiktok_post_metrics_history_post_id_recorded_at",
                table: "tiktok_post_metrics_history",
                columns: new[] { "post_id", "recorded_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_tiktok_posts_aweme_id",
                table: "tiktok_posts",
                column: "aweme_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tiktok_posts_profile_id_posted_at",
                table: "tiktok_posts",
                columns: new[] { "profile_id", "posted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tiktok_profiles_handle",
                table: "tiktok_profiles",
                column: "handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tiktok_profiles_monitoring_enabled_next_monitoring_run",
                table: "tiktok_profiles",
                columns: new[] { "monitoring_enabled", "next_monitoring_run" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "app_settings");

            migrationBuilder.DropTable(
                name: "profile_metrics_history");

            migrationBuilder.DropTable(
                name: "profile_monitoring_logs");

            migrationBuilder.DropTable(
                name: "tiktok_post_metrics_history");

            migrationBuilder.DropTable(
                name: "tiktok_posts");

            migrationBuilder.DropTable(
                name: "tiktok_profiles");
        }
    }
}
