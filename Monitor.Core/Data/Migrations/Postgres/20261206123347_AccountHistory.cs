using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountHistory : Migration
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

            migrationBuilder.CreateIndex(
                name: "ix_tiktok_profile_account_history_profile_id_recorded_at",
                table: "tiktok_profile_account_history",
                columns: new[] { "profile_id", "recorded_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tiktok_profile_account_history");

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
