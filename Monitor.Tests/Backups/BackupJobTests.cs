using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Backups;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Backups;

/// <summary>The scheduled backup: an archive per firing into the folder, only the newest <c>Backup:Keep</c> kept.</summary>
public sealed class BackupJobTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task Execute_FourNights_KeepsTheNewestTwoAndOtherFiles()
    {
        await database.MigrateAsync();
        await BackupSeed.SeedAsync(database.ContextFactory, profiles: 1, postsPerProfile: 3, historyPerPost: 1);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new BackupOptions { Schedule = "0 0 3 * * ?", Folder = "nightly", Keep = 2 });
        var folder = Path.Combine(database.Settings.DataDirectory, "nightly");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "not an archive");
        var job = new BackupJob(new BackupService(database.ContextFactory, database.Settings, clock), options, database.Settings, clock, NullLogger<BackupJob>.Instance);

        for (var night = 0; night < 4; night++)
        {
            await job.Execute(null!, CancellationToken.None);
            clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(
            ["monitor-backup-20261203T030000Z.zip", "monitor-backup-20261204T030000Z.zip", "notes.txt"],
            Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
        var newest = await BackupService.VerifyAsync(Path.Combine(folder, "monitor-backup-20261204T030000Z.zip"), CancellationToken.None);
        Assert.Equal(3, newest.Tables.Single(t => t.Name == "tiktok_posts").Rows);
    }
}
