using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Monitor.Core.Data;

/// <summary>Used by <c>dotnet ef migrations add</c> only; the app builds its contexts from configuration.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMonitorDbContext>
{
    public SqliteMonitorDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteMonitorDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=design.db");
        return new SqliteMonitorDbContext(options.Options);
    }
}
