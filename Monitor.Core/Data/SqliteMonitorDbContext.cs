using Microsoft.EntityFrameworkCore;

namespace Monitor.Core.Data;

public sealed class SqliteMonitorDbContext(DbContextOptions<SqliteMonitorDbContext> options) : MonitorDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}
