using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.Core.Posts;

#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
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
                type: "text",
                nullable: true);

            foreach (var sql in HashtagSetTriggers.PostgresUp)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in HashtagSetTriggers.PostgresDown)
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropColumn(
                name: "hashtags_json",
                table: "tiktok_posts");
        }
    }
}
