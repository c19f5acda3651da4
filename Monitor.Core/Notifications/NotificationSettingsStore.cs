using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Settings;

namespace Monitor.Core.Notifications;

/// <summary>The global notification settings: <c>Notifications:*</c> as defaults, the admin's values in <c>app_settings</c> over them.</summary>
public sealed class NotificationSettingsStore(IDbContextFactory<MonitorDbContext> contextFactory, IOptions<NotificationOptions> options, AuditTrail audit, TimeProvider time)
{
    private const string Prefix = "notifications.";
    private const string Failures = Prefix + "failuresBeforeAlert";
    private const string Percent = Prefix + "growthPercent";
    private const string Views = Prefix + "growthViews";
    private const string Multiple = Prefix + "breakoutMultiple";

    public async Task<NotificationSettings> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await GetAsync(db, cancellationToken);
    }

    internal async Task<NotificationSettings> GetAsync(MonitorDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.AppSettings.AsNoTracking().Where(s => s.Key.StartsWith(Prefix))
            .ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        var defaults = options.Value;
        return new NotificationSettings(
            Read(stored, Failures, defaults.FailuresBeforeAlert, int.Parse),
            Read(stored, Percent, defaults.GrowthPercent, double.Parse),
            Read(stored, Views, defaults.GrowthViews, long.Parse),
            Read(stored, Multiple, defaults.BreakoutMultiple, double.Parse));
    }

    /// <returns>Problems by field; nothing is saved unless empty.</returns>
    public async Task<Dictionary<string, string[]>> SaveAsync(NotificationSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var before = await GetAsync(db, cancellationToken);
        var values = new Dictionary<string, string>
        {
            [Failures] = settings.FailuresBeforeAlert.ToString(CultureInfo.InvariantCulture),
            [Percent] = settings.GrowthPercent.ToString(CultureInfo.InvariantCulture),
            [Views] = settings.GrowthViews.ToString(CultureInfo.InvariantCulture),
            [Multiple] = settings.BreakoutMultiple.ToString(CultureInfo.InvariantCulture),
        };
        var existing = await db.AppSettings.Where(s => s.Key.StartsWith(Prefix)).ToDictionaryAsync(s => s.Key, cancellationToken);
        foreach (var (key, value) in values)
        {
            if (existing.TryGetValue(key, out var row))
            {
                row.Value = value;
                row.UpdatedAt = now;
            }
            else
            {
                db.AppSettings.Add(new AppSetting { Key = key, Value = value, UpdatedAt = now });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.AlertRulesChanged, AuditTarget.Settings("notification settings"), AuditChange.Between(before, settings), cancellationToken);
        return errors;
    }

    private static T Read<T>(Dictionary<string, string> stored, string key, T fallback, Func<string, IFormatProvider, T> parse) =>
        stored.TryGetValue(key, out var text) ? parse(text, CultureInfo.InvariantCulture) : fallback;
}
