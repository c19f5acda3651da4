using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: true),
                    log_id = table.Column<long>(type: "bigint", nullable: true),
                    endpoint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    credits = table.Column<int>(type: "integer", nullable: false),
                    credits_remaining = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_ledger", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_provider_usage",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    credits = table.Column<long>(type: "bigint", nullable: false),
                    requests = table.Column<long>(type: "bigint", nullable: false),
                    fetched_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
