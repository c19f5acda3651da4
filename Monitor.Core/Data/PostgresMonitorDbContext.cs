using Microsoft.EntityFrameworkCore;

namespace Monitor.Core.Data;

public sealed class PostgresMonitorDbContext(DbContextOptions<PostgresMonitorDbContext> options) : MonitorDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
