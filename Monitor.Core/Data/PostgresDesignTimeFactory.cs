using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Monitor.Core.Data;

/// <summary>Used by <c>dotnet ef migrations add</c> only; the app builds its contexts from configuration.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMonitorDbContext>
{
    public PostgresMonitorDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresMonitorDbContext>();
        DataServiceCollectionExtensions.ConfigurePostgres(options, "Host=localhost;Database=monitor_design");
        return new PostgresMonitorDbContext(options.Options);
    }
}
