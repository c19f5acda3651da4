using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HistoryCompactionMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "history_compaction",
                columns: table => new
                {
                    month = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    resolution = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    compacted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history_compaction", x => x.month);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "history_compaction");
        }
    }
}
