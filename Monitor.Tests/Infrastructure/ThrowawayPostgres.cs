using System.Diagnostics;
using Npgsql;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of a test's own (initdb in a temporary folder, a free port, trust auth on 127.0.0.1), so the
/// test can stop and restart it without disturbing the shared test server. As root, initdb and pg_ctl run as the
/// <c>postgres</c> user, as in scripts/test.sh.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"monitor-pg-{Guid.NewGuid():N}");
    private readonly int _port = FreePort.Next();

    private ThrowawayPostgres()
    {
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=monitor";

    private string Data => Path.Combine(_folder, "data");

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var server = new ThrowawayPostgres();
        Directory.CreateDirectory(server._folder);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres:postgres", server._folder);
        }

        await PgAsync("initdb", "-D", server.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync");
        await server.StartAgainAsync();
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={server._port};Username=postgres;Database=postgres");
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE monitor", connection);
        await create.ExecuteNonQueryAsync();
        return server;
    }

    /// <summary>Stops the server the way an operator or a crash of the host does it: every connection is cut.</summary>
    public Task StopAsync() => PgAsync("pg_ctl", "stop", "-D", Data, "-m", "fast", "-w", "-s");

    public Task StartAgainAsync() => PgAsync("pg_ctl", "start", "-D", Data, "-w", "-t", "60", "-s", "-l", Path.Combine(_folder, "postgres.log"), "-o",
        $"-c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder} -p {_port} -c fsync=off -c synchronous_commit=off -c max_connections=100");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static string PgBin(string tool) =>
        Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "bin", tool)).First(File.Exists);

    private static Task PgAsync(string tool, params string[] args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", PgBin(tool), .. args])
            : RunAsync(PgBin(tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await errors}");
        }
    }
}
