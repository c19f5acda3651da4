using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreditLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credit_ledger",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    profile_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    log_id = table.Column<long>(type: "INTEGER", nullable: true),
                    endpoint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: false),
                    credits = table.Column<int>(type: "INTEGER", nullable: false),
                    credits_remaining = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_ledger", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_provider_usage",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    credits = table.Column<long>(type: "INTEGER", nullable: false),
                    requests = table.Column<long>(type: "INTEGER", nullable: false),
                    fetched_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_provider_usage", x => x.day);
                });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_day",
                table: "credit_ledger",
                column: "day");

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_log_id",
                table: "credit_ledger",
                column: "log_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_profile_id_day",
                table: "credit_ledger",
                columns: new[] { "profile_id", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_ledger");

            migrationBuilder.DropTable(
                name: "credit_provider_usage");
        }
    }
}
