using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.Core.Changes;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Insights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "counters_observed_at",
                table: "tiktok_profiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "last_profile_call_at",
                table: "tiktok_profiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "likes_count",
                table: "tiktok_profiles",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "video_count",
                table: "tiktok_profiles",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "profile_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profile_groups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tiktok_profile_account_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    follower_count = table.Column<long>(type: "bigint", nullable: true),
                    following_count = table.Column<long>(type: "bigint", nullable: true),
                    likes_count = table.Column<long>(type: "bigint", nullable: true),
                    video_count = table.Column<long>(type: "bigint", nullable: true),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    monitoring_log_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tiktok_profile_account_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_tiktok_profile_account_history_profiles_profile_id",
                        column: x => x.profile_id,
                        principalTable: "tiktok_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tiktok_profile_annotations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    all_day = table.Column<bool>(type: "boolean", nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tiktok_profile_annotations", x => x.id);
                    table.ForeignKey(
                        name: "fk_tiktok_profile_annotations_profiles_profile_id",
                        column: x => x.profile_id,
                        principalTable: "tiktok_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tiktok_profile_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<long>(type: "bigint", nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    old_value = table.Column<string>(type: "text", nullable: true),
                    new_value = table.Column<string>(type: "text", nullable: true),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    monitoring_log_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tiktok_profile_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_tiktok_profile_changes_monitoring_logs_monitoring_log_id",
                        column: x => x.monitoring_log_id,
                        principalTable: "profile_monitoring_logs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_tiktok_profile_changes_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "tiktok_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tiktok_profile_changes_profiles_profile_id",
                        column: x => x.profile_id,
                        principalTable: "tiktok_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "profile_group_members",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_own = table.Column<bool>(type: "boolean", nullable: false),
                    added_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profile_group_members", x => new { x.group_id, x.profile_id });
                    table.ForeignKey(
                        name: "fk_profile_group_members_profile_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "profile_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_profile_group_members_profiles_profile_id",
                        column: x => x.profile_id,
                        principalTable: "tiktok_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_profile_group_members_one_own",
                table: "profile_group_members",
                column: "group_id",
                unique: true,
                filter: "is_own");

            migrationBuilder.CreateIndex(
                name: "ix_profile_group_members_profile_id",
                table: "profile_group_members",
                column: "profile_id");

            migrationBuilder.CreateIndex(
                name: "ix_profile_groups_normalized_name",
                table: "profile_groups",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tiktok_profile_account_history_profile_id_recorded_at",
                table: "tiktok_profile_account_history",
                columns: new[] { "profile_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tiktok_profile_annotations_profile_id_occurred_at",
                table: "tiktok_profile_annotations",
                columns: new[] { "profile_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tiktok_profile_changes_monitoring_log_id",
                table: "tiktok_profile_changes",
                column: "monitoring_log_id");

            migrationBuilder.CreateIndex(
                name: "ix_tiktok_profile_changes_post_id",
                table: "tiktok_profile_changes",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "ix_tiktok_profile_changes_profile_id_occurred_at",
                table: "tiktok_profile_changes",
                columns: new[] { "profile_id", "occurred_at" },
                descending: new[] { false, true });

            foreach (var sql in ChangeTriggers.PostgresUp)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in ChangeTriggers.PostgresDown)
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropTable(
                name: "profile_group_members");

            migrationBuilder.DropTable(
                name: "tiktok_profile_account_history");

            migrationBuilder.DropTable(
                name: "tiktok_profile_annotations");

            migrationBuilder.DropTable(
                name: "tiktok_profile_changes");

            migrationBuilder.DropTable(
                name: "profile_groups");

            migrationBuilder.DropColumn(
                name: "counters_observed_at",
                table: "tiktok_profiles");

            migrationBuilder.DropColumn(
                name: "last_profile_call_at",
                table: "tiktok_profiles");

            migrationBuilder.DropColumn(
                name: "likes_count",
                table: "tiktok_profiles");

            migrationBuilder.DropColumn(
                name: "video_count",
                table: "tiktok_profiles");
        }
    }
}
