using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Accounts;
using Monitor.Core.ApiKeys;
using Monitor.Core.Audience;
using Monitor.Core.Audit;
using Monitor.Core.Groups;
using Monitor.Core.Media;
using Monitor.Core.Monitoring;
using Monitor.Core.Notifications;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Settings;

namespace Monitor.Core.Data;

/// <summary>
/// The provider-neutral model. Each provider has a derived context that owns its migrations
/// (<see cref="PostgresMonitorDbContext"/>, <see cref="SqliteMonitorDbContext"/>). Identity's users and roles and the
/// data-protection keys that sign the sign-in cookies live in the same database, so every node shares them.
/// </summary>
public abstract class MonitorDbContext(DbContextOptions options)
    : IdentityDbContext<MonitorUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<TiktokProfile> Profiles => Set<TiktokProfile>();
    public DbSet<TiktokPost> Posts => Set<TiktokPost>();
    public DbSet<TikTokPostMetricsHistory> PostMetricsHistory => Set<TikTokPostMetricsHistory>();
    public DbSet<TiktokPostHashtag> PostHashtags => Set<TiktokPostHashtag>();
    public DbSet<ProfileMonitoringLog> MonitoringLogs => Set<ProfileMonitoringLog>();
    public DbSet<ProfileMetricsHistory> ProfileMetricsHistory => Set<ProfileMetricsHistory>();
    public DbSet<ProfileAccountSnapshot> AccountHistory => Set<ProfileAccountSnapshot>();
    public DbSet<AppSetting> AppSettings => Set<AppSetting>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<NotificationChannel> NotificationChannels => Set<NotificationChannel>();
    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();
    public DbSet<ProfileAlertState> ProfileAlertStates => Set<ProfileAlertState>();
    public DbSet<PostAlert> PostAlerts => Set<PostAlert>();
    public DbSet<RunNotificationEvent> RunNotificationEvents => Set<RunNotificationEvent>();
    public DbSet<NotificationDigestDay> NotificationDigestDays => Set<NotificationDigestDay>();
    public DbSet<MediaReference> MediaReferences => Set<MediaReference>();
    public DbSet<MediaBlob> MediaBlobs => Set<MediaBlob>();
    public DbSet<ProfileGroup> ProfileGroups => Set<ProfileGroup>();
    public DbSet<ProfileGroupMember> ProfileGroupMembers => Set<ProfileGroupMember>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        IdentityTableNames.Apply(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MonitorDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
