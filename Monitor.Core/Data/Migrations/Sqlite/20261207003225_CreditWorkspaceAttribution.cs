using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.Core.Credits;

#nullable disable

namespace Monitor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreditWorkspaceAttribution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credit_ledger_workspaces",
                columns: table => new
                {
                    entry_id = table.Column<long>(type: "INTEGER", nullable: false),
                    workspace_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_ledger_workspaces", x => new { x.entry_id, x.workspace_id });
                    table.ForeignKey(
                        name: "fk_credit_ledger_workspaces_credit_ledger_entry_id",
                        column: x => x.entry_id,
                        principalTable: "credit_ledger",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_credit_ledger_workspaces_workspace_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "credit_month_totals",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    workspace_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    credits = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_month_totals", x => new { x.month, x.workspace_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_workspaces_workspace_id",
                table: "credit_ledger_workspaces",
                column: "workspace_id");

            migrationBuilder.Sql(CreditsMigrationSql.AttributeExistingEntries);
            migrationBuilder.Sql(CreditsMigrationSql.SumMonthTotals(ActiveProvider));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_ledger_workspaces");

            migrationBuilder.DropTable(
                name: "credit_month_totals");
        }
    }
}
