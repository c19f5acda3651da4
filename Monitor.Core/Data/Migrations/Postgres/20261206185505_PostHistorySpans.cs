using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Monitor.Core.Posts.History;

#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostHistorySpans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(HistoryStorageSql.PostgresUp);
            migrationBuilder.DropTable(name: "tiktok_post_metrics_history");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The spans are dropped, not converted back: going down loses the post history.
            migrationBuilder.Sql(HistoryStorageSql.PostgresDown);
            migrationBuilder.CreateTable(
                name: "tiktok_post_metrics_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    post_id = table.Column<long>(type: "bigint", nullable: false),
                    monitoring_log_id = table.Column<long>(type: "bigint", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    comments = table.Column<long>(type: "bigint", nullable: true),
                    likes = table.Column<long>(type: "bigint", nullable: true),
                    saves = table.Column<long>(type: "bigint", nullable: true),
                    shares = table.Column<long>(type: "bigint", nullable: true),
                    views = table.Column<long>(type: "bigint", nullable: true)
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
