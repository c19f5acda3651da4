using Microsoft.Extensions.Configuration;
using Monitor.Core.Data;
using Npgsql;

namespace Monitor.Tests.Data;

public sealed class DatabaseSettingsTests
{
    [Fact]
    public void ToNpgsqlConnectionString_PostgresUrl_ParsesEveryPart()
    {
        var value = DatabaseSettings.ToNpgsqlConnectionString("postgres://user:p%40ss@host:6543/db?sslmode=require");

        var parsed = new NpgsqlConnectionStringBuilder(value);
        Assert.Equal("host", parsed.Host);
        Assert.Equal(6543, parsed.Port);
        Assert.Equal("db", parsed.Database);
        Assert.Equal("user", parsed.Username);
        Assert.Equal("p@ss", parsed.Password);
        Assert.Equal(SslMode.Require, parsed.SslMode);
    }

    [Fact]
    public void ToNpgsqlConnectionString_UrlWithoutPort_UsesDefaultPort()
    {
        var parsed = new NpgsqlConnectionStringBuilder(DatabaseSettings.ToNpgsqlConnectionString("postgresql://u@db.internal/monitor"));

        Assert.Equal(5432, parsed.Port);
        Assert.Equal("monitor", parsed.Database);
    }

    [Fact]
    public void FromConfiguration_DatabaseUrl_SelectsPostgres()
    {
        var settings = DatabaseSettings.FromConfiguration(Configuration(("DATABASE_URL", "postgres://u:p@h:5433/d")));

        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        Assert.Equal("PostgreSQL (h:5433/d)", settings.Describe());
    }

    [Fact]
    public void FromConfiguration_NothingSet_SelectsSqliteInDataDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "monitor-settings-test");

        var settings = DatabaseSettings.FromConfiguration(Configuration(("MONITOR_DATA_DIR", dir)));

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal(dir, settings.DataDirectory);
        Assert.Contains(Path.Combine(dir, DatabaseSettings.SqliteFileName), settings.ConnectionString, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
