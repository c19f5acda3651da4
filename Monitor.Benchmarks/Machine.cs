using Npgsql;

namespace Monitor.Benchmarks;

/// <summary>What the figures ran on, and the one server setting the table varies (fsync).</summary>
internal static class Machine
{
    public static double MemoryGiB()
    {
        const string meminfo = "/proc/meminfo";
        if (File.Exists(meminfo))
        {
            var line = File.ReadLines(meminfo).FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kib))
            {
                return kib / 1024.0 / 1024.0;
            }
        }

        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0;
    }

    public static async Task<string> PostgresVersionAsync(string? server)
    {
        if (server is null)
        {
            return "no PostgreSQL (SQLite only)";
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 'PostgreSQL ' || current_setting('server_version') || ', fsync=' || current_setting('fsync')", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>fsync is reloadable: the fsync=off row runs on the same server.</summary>
    public static async Task SetFsyncAsync(string server, bool enabled)
    {
        await BenchDatabase.ExecuteAsync(server, enabled ? "ALTER SYSTEM RESET fsync" : "ALTER SYSTEM SET fsync = off");
        await BenchDatabase.ExecuteAsync(server, "SELECT pg_reload_conf()");
    }

    /// <summary>The 1-minute load average (<c>/proc/loadavg</c>), to print beside a figure measured on a shared machine.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
