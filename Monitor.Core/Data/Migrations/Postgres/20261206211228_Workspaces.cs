using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.Core.Workspaces;

#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Workspaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workspaces",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    monthly_credit_budget = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspaces", x => x.id);
                });

            migrationBuilder.Sql(WorkspacesMigrationSql.InsertFirstWorkspace(ActiveProvider));

            migrationBuilder.DropIndex(
                name: "ix_profile_groups_normalized_name",
                table: "profile_groups");

            migrationBuilder.AddColumn<Guid>(
                name: "workspace_id",
                table: "share_links",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "workspace_id",
                table: "report_definitions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "workspace_id",
                table: "profile_groups",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "workspace_id",
                table: "notification_channels",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "workspace_id",
                table: "api_keys",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000001"));

            migrationBuilder.CreateTable(
                name: "workspace_members",
                columns: table => new
                {
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspace_members", x => new { x.workspace_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_workspace_members_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_workspace_members_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workspace_profiles",
                columns: table => new
                {
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    added_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspace_profiles", x => new { x.workspace_id, x.profile_id });
                    table.ForeignKey(
                        name: "fk_workspace_profiles_tiktok_profiles_profile_id",
                        column: x => x.profile_id,
                        principalTable: "tiktok_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_workspace_profiles_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_share_links_workspace_id",
                table: "share_links",
                column: "workspace_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_definitions_workspace_id",
                table: "report_definitions",
                column: "workspace_id");

            migrationBuilder.CreateIndex(
                name: "ix_profile_groups_workspace_id_normalized_name",
                table: "profile_groups",
                columns: new[] { "workspace_id", "normalized_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notification_channels_workspace_id",
                table: "notification_channels",
                column: "workspace_id");

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_workspace_id",
                table: "api_keys",
                column: "workspace_id");

            migrationBuilder.CreateIndex(
                name: "ix_workspace_members_user_id",
                table: "workspace_members",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_workspace_profiles_profile_id",
                table: "workspace_profiles",
                column: "profile_id");

            migrationBuilder.AddForeignKey(
                name: "fk_api_keys_workspace_workspace_id",
                table: "api_keys",
                column: "workspace_id",
                principalTable: "workspaces",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_notification_channels_workspace_workspace_id",
                table: "notification_channels",
                column: "workspace_id",
                principalTable: "workspaces",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_profile_groups_workspace_workspace_id",
                table: "profile_groups",
                column: "workspace_id",
                principalTable: "workspaces",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_report_definitions_workspace_workspace_id",
                table: "report_definitions",
                column: "workspace_id",
                principalTable: "workspaces",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_share_links_workspace_workspace_id",
                table: "share_links",
                column: "workspace_id",
                principalTable: "workspaces",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
            migrationBuilder.Sql(WorkspacesMigrationSql.LinkExistingProfiles);
            migrationBuilder.Sql(WorkspacesMigrationSql.AddExistingUsers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_api_keys_workspace_workspace_id",
                table: "api_keys");

            migrationBuilder.DropForeignKey(
                name: "fk_notification_channels_workspace_workspace_id",
                table: "notification_channels");

            migrationBuilder.DropForeignKey(
                name: "fk_profile_groups_workspace_workspace_id",
                table: "profile_groups");

            migrationBuilder.DropForeignKey(
                name: "fk_report_definitions_workspace_workspace_id",
                table: "report_definitions");

            migrationBuilder.DropForeignKey(
                name: "fk_share_links_workspace_workspace_id",
                table: "share_links");

            migrationBuilder.DropTable(
                name: "workspace_members");

            migrationBuilder.DropTable(
                name: "workspace_profiles");

            migrationBuilder.DropTable(
                name: "workspaces");

            migrationBuilder.DropIndex(
                name: "ix_share_links_workspace_id",
                table: "share_links");

            migrationBuilder.DropIndex(
                name: "ix_report_definitions_workspace_id",
                table: "report_definitions");

            migrationBuilder.DropIndex(
                name: "ix_profile_groups_workspace_id_normalized_name",
                table: "profile_groups");

            migrationBuilder.DropIndex(
                name: "ix_notification_channels_workspace_id",
                table: "notification_channels");

            migrationBuilder.DropIndex(
                name: "ix_api_keys_workspace_id",
                table: "api_keys");

            migrationBuilder.DropColumn(
                name: "workspace_id",
                table: "share_links");

            migrationBuilder.DropColumn(
                name: "workspace_id",
                table: "report_definitions");

            migrationBuilder.DropColumn(
                name: "workspace_id",
                table: "profile_groups");

            migrationBuilder.DropColumn(
                name: "workspace_id",
                table: "notification_channels");

            migrationBuilder.DropColumn(
                name: "workspace_id",
                table: "api_keys");

            migrationBuilder.CreateIndex(
                name: "ix_profile_groups_normalized_name",
                table: "profile_groups",
                column: "normalized_name",
                unique: true);
        }
    }
}
