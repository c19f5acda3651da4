using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.Core.Scheduling;
#nullable disable

namespace Monitor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QuartzJobStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(QuartzSchema.PostgresCreateScript());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            string[] tables = ["fired_triggers", "paused_trigger_grps", "paused_job_grps", "scheduler_state", "locks", "simple_triggers",
                "cron_triggers", "simprop_triggers", "blob_triggers", "calendars", "execution_history", "misfire_history", "job_status",
                "triggers", "job_details"];
            foreach (var table in tables)
            {
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {QuartzSchema.TablePrefix}{table} CASCADE;");
            }
        }
    }
}
