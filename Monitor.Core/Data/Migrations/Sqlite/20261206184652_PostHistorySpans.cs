using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.Core.Posts.History;

#nullable disable

namespace Monitor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PostHistorySpans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteHistoryStorageSql.Up);
            migrationBuilder.DropTable(name: "tiktok_post_metrics_history");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The spans are dropped, not converted back: going down loses the post history.
            migrationBuilder.Sql(SqliteHistoryStorageSql.Down);
            migrationBuilder.CreateTable(
                name: "tiktok_post_metrics_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    post_id = table.Column<long>(type: "INTEGER", nullable: false),
                    monitoring_log_id = table.Column<long>(type: "INTEGER", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    comments = table.Column<long>(type: "INTEGER", nullable: true),
                    likes = table.Column<long>(type: "INTEGER", nullable: true),
                    saves = table.Column<long>(type: "INTEGER", nullable: true),
                    shares = table.Column<long>(type: "INTEGER", nullable: true),
                    views = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tiktok_post_metrics_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_tiktok_post_metrics_history_tiktok_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "tiktok_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }
    }
}
