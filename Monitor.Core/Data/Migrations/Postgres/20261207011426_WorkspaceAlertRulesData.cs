using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.Core.Notifications;

#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkspaceAlertRulesData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Apart from the schema change before it: SQLite rebuilds the re-keyed table only at the end of a migration.
            migrationBuilder.Sql(WorkspaceAlertRulesMigrationSql.CopyAlertStatesToWatchingWorkspaces);
            migrationBuilder.Sql(WorkspaceAlertRulesMigrationSql.CopyPostAlertsToWatchingWorkspaces);
            migrationBuilder.Sql(WorkspaceAlertRulesMigrationSql.MoveInstanceRulesToFirstWorkspace);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
