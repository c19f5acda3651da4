using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScanModes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "scan_mode",
                table: "tiktok_profiles",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "full");

            migrationBuilder.AddColumn<bool>(
                name: "full_scan_requested",
                table: "profile_monitoring_logs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "scan_window_hours",
                table: "profile_monitoring_logs",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "scan_mode",
                table: "tiktok_profiles");

            migrationBuilder.DropColumn(
                name: "full_scan_requested",
                table: "profile_monitoring_logs");

            migrationBuilder.DropColumn(
                name: "scan_window_hours",
                table: "profile_monitoring_logs");
        }
    }
}
