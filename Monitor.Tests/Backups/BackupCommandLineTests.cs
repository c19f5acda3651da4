using Microsoft.EntityFrameworkCore;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Backups;

/// <summary><c>backup</c> and <c>restore</c> as an operator runs them: separate processes, one line and an exit code each.</summary>
public abstract class BackupCommandLineTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitor-backup-cli", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await BackupWipe.WipeAsync(database);
        await BackupSeed.SeedAsync(database.ContextFactory, profiles: 2, postsPerProfile: 10, historyPerPost: 2);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task BackupThenRestore_AfterProfilesDeleted_BringsThemBack()
    {
        var archive = Path.Combine(_folder, "nightly.zip");
        var backup = await AppCommand.RunAsync(database.Configuration, null, "backup", archive);
        Assert.True(backup.ExitCode == 0, backup.Output + backup.Errors);
        Assert.Contains($"backup: {archive} written (", backup.Output, StringComparison.Ordinal);
        await using (var db = database.CreateDbContext())
        {
            await db.Profiles.ExecuteDeleteAsync();
        }

        var restore = await AppCommand.RunAsync(database.Configuration, null, "restore", archive, "--yes");

        Assert.True(restore.ExitCode == 0, restore.Output + restore.Errors);
        Assert.Matches(@"restore: \d+ rows in \d+ tables and 0 images restored", restore.Output);
        await using var check = database.CreateDbContext();
        Assert.Equal(2, await check.Profiles.CountAsync());
        Assert.Equal(20, await check.Posts.CountAsync());
        Assert.Equal(40, await check.PostMetricsHistory.CountAsync());
    }

    [Fact]
    public async Task Restore_WithoutConfirmation_ChangesNothing()
    {
        var archive = Path.Combine(_folder, "unconfirmed.zip");
        Assert.Equal(0, (await AppCommand.RunAsync(database.Configuration, null, "backup", archive)).ExitCode);
        await using (var db = database.CreateDbContext())
        {
            await db.Profiles.ExecuteDeleteAsync();
        }

        var restore = await AppCommand.RunAsync(database.Configuration, "no", "restore", archive);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("restore: not confirmed, nothing changed", restore.Errors, StringComparison.Ordinal);
        await using var check = database.CreateDbContext();
        Assert.Equal(0, await check.Profiles.CountAsync());
    }

    [Fact]
    public async Task Restore_TamperedArchive_ExitsOneWithOneLine()
    {
        var archive = Path.Combine(_folder, "tampered.zip");
        Assert.Equal(0, (await AppCommand.RunAsync(database.Configuration, null, "backup", archive)).ExitCode);
        ArchiveTampering.ReplaceEntry(archive, "tables/tiktok_posts.jsonl", text => text.Replace("post 1 ", "post 9 ", StringComparison.Ordinal));

        var restore = await AppCommand.RunAsync(database.Configuration, null, "restore", archive, "--yes");

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains(
            "restore: refused: The archive's entry tables/tiktok_posts.jsonl does not match its checksum: the archive was changed or damaged.",
            restore.Errors,
            StringComparison.Ordinal);
    }
}

public sealed class PostgresBackupCommandLineTests(PostgresDatabase database) : BackupCommandLineTests<PostgresDatabase>(database);

public sealed class SqliteBackupCommandLineTests(SqliteDatabase database) : BackupCommandLineTests<SqliteDatabase>(database);
