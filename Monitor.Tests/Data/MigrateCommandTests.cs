using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Data;

/// <summary><c>dotnet Monitor.Web.dll migrate</c> as an operator runs it: a separate process that migrates and exits.</summary>
public abstract class MigrateCommandTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Migrate_FreshDatabase_AppliesEveryMigrationAndExits()
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "migrate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in database.Configuration)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"migrate exited with {process.ExitCode}: {await output}{await errors}");
        await using var db = database.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Profiles.CountAsync());
    }
}

public sealed class PostgresMigrateCommandTests(PostgresDatabase database) : MigrateCommandTests<PostgresDatabase>(database);

public sealed class SqliteMigrateCommandTests(SqliteDatabase database) : MigrateCommandTests<SqliteDatabase>(database);
