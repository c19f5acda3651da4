using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.Core.Posts;

#nullable disable

namespace Monitor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PostHashtagSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hashtags_json",
                table: "tiktok_posts",
                type: "TEXT",
                nullable: true);

            foreach (var sql in HashtagSetTriggers.SqliteUp)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in HashtagSetTriggers.SqliteDown)
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropColumn(
                name: "hashtags_json",
                table: "tiktok_posts");
        }
    }
}
