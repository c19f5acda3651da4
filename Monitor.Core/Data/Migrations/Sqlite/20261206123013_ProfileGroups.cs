using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProfileGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "profile_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profile_groups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "profile_group_members",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    profile_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    is_own = table.Column<bool>(type: "INTEGER", nullable: false),
                    added_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "profile_group_members");

            migrationBuilder.DropTable(
                name: "profile_groups");
        }
    }
}
