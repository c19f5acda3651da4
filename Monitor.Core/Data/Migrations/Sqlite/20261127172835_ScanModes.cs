using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitor.Core.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "full");

            migrationBuilder.AddColumn<bool>(
                name: "full_scan_requested",
                table: "profile_monitoring_logs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "scan_window_hours",
                table: "profile_monitoring_logs",
                type: "INTEGER",
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
