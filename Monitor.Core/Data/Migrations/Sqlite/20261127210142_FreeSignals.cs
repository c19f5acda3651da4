using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FreeSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "has_shop_product",
                table: "tiktok_posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_ad",
                table: "tiktok_posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_paid_partnership",
                table: "tiktok_posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_pinned",
                table: "tiktok_posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "shop_product_url",
                table: "tiktok_posts",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sound_author",
                table: "tiktok_posts",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sound_id",
                table: "tiktok_posts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "sound_is_original",
                table: "tiktok_posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sound_title",
                table: "tiktok_posts",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "tiktok_post_hashtags",
                columns: table => new
                {
                    post_id = table.Column<long>(type: "INTEGER", nullable: false),
                    tag = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tiktok_post_hashtags", x => new { x.post_id, x.tag });
                    table.ForeignKey(
                        name: "fk_tiktok_post_hashtags_tiktok_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "tiktok_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tiktok_post_hashtags_tag_post_id",
                table: "tiktok_post_hashtags",
                columns: new[] { "tag", "post_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tiktok_post_hashtags");

            migrationBuilder.DropColumn(
                name: "has_shop_product",
                table: "tiktok_posts");

            migrationBuilder.DropColumn(
                name: "is_ad",
                table: "tiktok_posts");

            migrationBuilder.DropColumn(
                name: "is_paid_partnership",
                table: "tiktok_posts");

            migrationBuilder.DropColumn(
                name: "is_pinned",
                table: "tiktok_posts");

            migrationBuilder.DropColumn(
                name: "shop_product_url",
                table: "tiktok_posts");

            migrationBuilder.DropColumn(
                name: "sound_author",
                table: "tiktok_posts");

            migrationBuilder.DropColumn(
                name: "sound_id",
                table: "tiktok_posts");

            migrationBuilder.DropColumn(
                name: "sound_is_original",
                table: "tiktok_posts");

            migrationBuilder.DropColumn(
                name: "sound_title",
                table: "tiktok_posts");
        }
    }
}
