using Microsoft.EntityFrameworkCore;
using Monitor.Core.Monitoring;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Settings;

namespace Monitor.Core.Data;

/// <summary>
/// The provider-neutral model. Each provider has a derived context that owns its migrations
/// (<see cref="PostgresMonitorDbContext"/>, <see cref="SqliteMonitorDbContext"/>).
/// </summary>
public abstract class MonitorDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<TiktokProfile> Profiles => Set<TiktokProfile>();
    public DbSet<TiktokPost> Posts => Set<TiktokPost>();
    public DbSet<TikTokPostMetricsHistory> PostMetricsHistory => Set<TikTokPostMetricsHistory>();
    public DbSet<ProfileMonitoringLog> MonitoringLogs => Set<ProfileMonitoringLog>();
    public DbSet<ProfileMetricsHistory> ProfileMetricsHistory => Set<ProfileMetricsHistory>();
    public DbSet<AppSetting> AppSettings => Set<AppSetting>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MonitorDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
