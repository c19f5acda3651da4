using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DataQuality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "exclude_unseen_posts",
                table: "tiktok_profiles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "missing_full_scans",
                table: "tiktok_posts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "monitoring_log_id",
                table: "tiktok_post_metrics_history",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "suspect_baseline",
                table: "profile_monitoring_logs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "suspect_observed",
                table: "profile_monitoring_logs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "suspect_reason",
                table: "profile_monitoring_logs",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_tiktok_post_metrics_history_monitoring_log_id",
                table: "tiktok_post_metrics_history",
                column: "monitoring_log_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tiktok_post_metrics_history_monitoring_log_id",
                table: "tiktok_post_metrics_history");

            migrationBuilder.DropColumn(
                name: "exclude_unseen_posts",
                table: "tiktok_profiles");

            migrationBuilder.DropColumn(
                name: "missing_full_scans",
                table: "tiktok_posts");

            migrationBuilder.DropColumn(
                name: "monitoring_log_id",
                table: "tiktok_post_metrics_history");

            migrationBuilder.DropColumn(
                name: "suspect_baseline",
                table: "profile_monitoring_logs");

            migrationBuilder.DropColumn(
                name: "suspect_observed",
                table: "profile_monitoring_logs");

            migrationBuilder.DropColumn(
                name: "suspect_reason",
                table: "profile_monitoring_logs");
        }
    }
}
