using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.Core.Workspaces;

#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkspaceAlertRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_profile_alert_states",
                table: "profile_alert_states");

            migrationBuilder.DropIndex(
                name: "ix_post_alerts_post_id_kind_threshold",
                table: "post_alerts");

            migrationBuilder.AddColumn<Guid>(
                name: "workspace_id",
                table: "profile_alert_states",
                type: "uuid",
                nullable: false,
                defaultValue: WorkspaceDefaults.FirstId);

            migrationBuilder.AddColumn<Guid>(
                name: "workspace_id",
                table: "post_alerts",
                type: "uuid",
                nullable: false,
                defaultValue: WorkspaceDefaults.FirstId);

            migrationBuilder.AddPrimaryKey(
                name: "pk_profile_alert_states",
                table: "profile_alert_states",
                columns: new[] { "workspace_id", "profile_id" });

            migrationBuilder.CreateTable(
                name: "workspace_alert_rules",
                columns: table => new
                {
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    failures_before_alert = table.Column<int>(type: "integer", nullable: true),
                    growth_percent = table.Column<double>(type: "double precision", nullable: true),
                    growth_views = table.Column<long>(type: "bigint", nullable: true),
                    breakout_multiple = table.Column<double>(type: "double precision", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspace_alert_rules", x => x.workspace_id);
                    table.ForeignKey(
                        name: "fk_workspace_alert_rules_workspace_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_profile_alert_states_profile_id",
                table: "profile_alert_states",
                column: "profile_id");

            migrationBuilder.CreateIndex(
                name: "ix_post_alerts_post_id_kind_threshold_workspace_id",
                table: "post_alerts",
                columns: new[] { "post_id", "kind", "threshold", "workspace_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_post_alerts_workspace_id",
                table: "post_alerts",
                column: "workspace_id");

            migrationBuilder.AddForeignKey(
                name: "fk_post_alerts_workspace_workspace_id",
                table: "post_alerts",
                column: "workspace_id",
                principalTable: "workspaces",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_profile_alert_states_workspace_workspace_id",
                table: "profile_alert_states",
                column: "workspace_id",
                principalTable: "workspaces",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_post_alerts_workspace_workspace_id",
                table: "post_alerts");

            migrationBuilder.DropForeignKey(
                name: "fk_profile_alert_states_workspace_workspace_id",
                table: "profile_alert_states");

            migrationBuilder.DropTable(
                name: "workspace_alert_rules");

            migrationBuilder.DropPrimaryKey(
                name: "pk_profile_alert_states",
                table: "profile_alert_states");

            migrationBuilder.DropIndex(
                name: "ix_profile_alert_states_profile_id",
                table: "profile_alert_states");

            migrationBuilder.DropIndex(
                name: "ix_post_alerts_post_id_kind_threshold_workspace_id",
                table: "post_alerts");

            migrationBuilder.DropIndex(
                name: "ix_post_alerts_workspace_id",
                table: "post_alerts");

            migrationBuilder.DropColumn(
                name: "workspace_id",
                table: "profile_alert_states");

            migrationBuilder.DropColumn(
                name: "workspace_id",
                table: "post_alerts");

            migrationBuilder.AddPrimaryKey(
                name: "pk_profile_alert_states",
                table: "profile_alert_states",
                column: "profile_id");

            migrationBuilder.CreateIndex(
                name: "ix_post_alerts_post_id_kind_threshold",
                table: "post_alerts",
                columns: new[] { "post_id", "kind", "threshold" },
                unique: true);
        }
    }
}
