using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "account_state",
                table: "tiktok_profiles",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "active");

            migrationBuilder.AddColumn<Guid>(
                name: "claim_token",
                table: "profile_monitoring_logs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "failure_reason",
                table: "profile_monitoring_logs",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "heartbeat_at",
                table: "profile_monitoring_logs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "retry_decision",
                table: "profile_monitoring_logs",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "account_state",
                table: "tiktok_profiles");

            migrationBuilder.DropColumn(
                name: "claim_token",
                table: "profile_monitoring_logs");

            migrationBuilder.DropColumn(
                name: "failure_reason",
                table: "profile_monitoring_logs");

            migrationBuilder.DropColumn(
                name: "heartbeat_at",
                table: "profile_monitoring_logs");

            migrationBuilder.DropColumn(
                name: "retry_decision",
                table: "profile_monitoring_logs");
        }
    }
}
