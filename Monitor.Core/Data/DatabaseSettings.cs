using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Monitor.Core.Data;

/// <summary>
/// Which database the app uses. PostgreSQL when <c>DATABASE_URL</c> or <c>ConnectionStrings:Monitor</c> is set,
/// otherwise an embedded SQLite file in the data directory.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string SqliteFileName = "monitor.db";

    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataDirectory = ResolveDataDirectory(configuration);

        var url = configuration["DATABASE_URL"];
        if (!string.IsNullOrWhiteSpace(url))
        {
            return new(DatabaseProvider.Postgres, ToNpgsqlConnectionString(url), dataDirectory);
        }

        var connectionString = configuration.GetConnectionString("Monitor");
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new(DatabaseProvider.Postgres, ToNpgsqlConnectionString(connectionString), dataDirectory);
        }

        var file = Path.Combine(dataDirectory, SqliteFileName);
        return new(DatabaseProvider.Sqlite, $"Data Source={file};Foreign Keys=True;Pooling=True", dataDirectory);
    }

    public static string ResolveDataDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["MONITOR_DATA_DIR"] ?? configuration["Monitor:DataDirectory"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
    }

    /// <summary>Accepts <c>postgres://user:pass@host:port/db?sslmode=require</c> or a plain Npgsql connection string.</summary>
    public static string ToNpgsqlConnectionString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new NpgsqlConnectionStringBuilder(value).ConnectionString;
        }

        var uri = new Uri(value);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(parts[0])] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "true";
        }

        return builder.ConnectionString;
    }

    /// <summary>A description safe to log: no password.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Postgres => DescribePostgres(ConnectionString),
        _ => $"SQLite ({Path.Combine(DataDirectory, SqliteFileName)})",
    };

    private static string DescribePostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL ({builder.Host}:{builder.Port}/{builder.Database})";
    }
}
