using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Monitor.Core.Data;

namespace Monitor.Core.Settings;

/// <summary>
/// The key every /api call must present. Configured through MONITOR_API_KEY (or Auth:ApiKey); otherwise one is generated
/// on first start, stored in the database so every node shares it, and shown once in the log and on the settings page.
/// </summary>
public sealed class ApiKeyStore(IDbContextFactory<MonitorDbContext> contextFactory, IConfiguration configuration, TimeProvider time, ILogger<ApiKeyStore> logger)
{
    internal const string SettingKey = "api_key";
    private byte[]? _expected;
    private string? _key;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConfiguredKey);

    private string? ConfiguredKey => configuration["MONITOR_API_KEY"] ?? configuration["Auth:ApiKey"];

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var key = ConfiguredKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            key = await LoadOrGenerateAsync(cancellationToken);
        }

        _key = key;
        _expected = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>For the settings page only.</summary>
    public string CurrentKey => _key ?? throw new InvalidOperationException("The API key store is not initialised.");

    public bool Matches(string? presented)
    {
        if (_expected is null || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _expected);
    }

    private async Task<string> LoadOrGenerateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.AppSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == SettingKey, cancellationToken);
        if (stored is not null)
        {
            return stored.Value;
        }

        var generated = "tpm_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.AppSettings.Add(new AppSetting { Key = SettingKey, Value = generated, UpdatedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node generated it first: use theirs.
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            return (await fresh.AppSettings.AsNoTracking().SingleAsync(s => s.Key == SettingKey, cancellationToken)).Value;
        }

        logger.LogWarning(
            "Generated an API key for /api (shown once; also on the Settings page). Send it as X-Api-Key: {ApiKey}. Set MONITOR_API_KEY to choose your own.",
            generated);
        return generated;
    }
}
