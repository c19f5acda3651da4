using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Monitor.Core.Data;

namespace Monitor.Tests.Data;

/// <summary>A data folder the app cannot use stops the start with one actionable line and a failing exit code.</summary>
public sealed class DataFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "monitor-tests", "datafolder-" + Guid.NewGuid().ToString("N"));

    public DataFolderTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Start_CorruptDatabaseFile_OneLineNamingFolderCauseAndFixAndExitCode2()
    {
        var folder = Path.Combine(_root, "corrupt");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, DatabaseSettings.SqliteFileName), new string('x', 4096));

        var (exitCode, errors) = await RunMigrateAsync(folder);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"Cannot use the data folder {folder}: ", line, StringComparison.Ordinal);
        Assert.Contains("not a readable SQLite database", line, StringComparison.Ordinal);
        Assert.Contains("Fix: restore monitor.db from a backup", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DataFolderUnderAFile_OneLineAndExitCode2()
    {
        var blocker = Path.Combine(_root, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var folder = Path.Combine(blocker, "data");

        var (exitCode, errors) = await RunMigrateAsync(folder);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"Cannot use the data folder {folder}: the folder cannot be created or written", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(13, "the disk is full")]
    [InlineData(8, "read-only")]
    [InlineData(26, "not a readable SQLite database")]
    public void Describe_SqliteErrors_NameTheCause(int sqliteError, string expected)
    {
        var settings = SqliteSettings(Path.Combine(_root, "data"));

        var problem = DataFolderProblem.Describe(settings, new InvalidOperationException("wrapped", new SqliteException("boom", sqliteError)));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains(settings.DataDirectory, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_UnrelatedErrorOrPostgres_IsNull()
    {
        Assert.Null(DataFolderProblem.Describe(SqliteSettings(_root), new InvalidOperationException("a bug")));
        var postgres = new DatabaseSettings(DatabaseProvider.Postgres, "Host=x", _root);
        Assert.Null(DataFolderProblem.Describe(postgres, new SqliteException("full", 13)));
    }

    private static DatabaseSettings SqliteSettings(string folder) => DatabaseSettings.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MONITOR_DATA_DIR"] = folder, ["DATABASE_URL"] = "", ["ConnectionStrings:Monitor"] = "" }).Build());

    private static async Task<(int ExitCode, string Errors)> RunMigrateAsync(string dataFolder)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "migrate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["MONITOR_DATA_DIR"] = dataFolder;
        start.Environment["DATABASE_URL"] = "";
        start.Environment["ConnectionStrings__Monitor"] = "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        // No stack trace anywhere: the operator gets the line, not the internals.
        Assert.DoesNotContain("   at ", await output, StringComparison.Ordinal);
        return (process.ExitCode, await errors);
    }
}
