using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MediaCache : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "media_blobs",
                columns: table => new
                {
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_media_blobs", x => x.hash);
                });

            migrationBuilder.CreateTable(
                name: "media_references",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<long>(type: "bigint", nullable: true),
                    source_url = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    size = table.Column<long>(type: "bigint", nullable: true),
                    fetched_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_media_references", x => x.id);
                    table.ForeignKey(
                        name: "fk_media_references_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "tiktok_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_media_references_profiles_profile_id",
                        column: x => x.profile_id,
                        principalTable: "tiktok_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_media_references_hash",
                table: "media_references",
                column: "hash");

            migrationBuilder.CreateIndex(
                name: "ix_media_references_post_id",
                table: "media_references",
                column: "post_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_media_references_profile_id_kind",
                table: "media_references",
                columns: new[] { "profile_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_media_references_state_next_attempt_at",
                table: "media_references",
                columns: new[] { "state", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "media_blobs");

            migrationBuilder.DropTable(
                name: "media_references");
        }
    }
}
