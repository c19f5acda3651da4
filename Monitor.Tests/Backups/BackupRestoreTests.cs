using Microsoft.EntityFrameworkCore;
using Monitor.Core.Backups;
using Monitor.Core.Media;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Backups;

/// <summary>Backup → wipe → restore on each provider, and the archives a restore must refuse without changing anything.</summary>
public abstract class BackupRestoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitor-backup-tests", Guid.NewGuid().ToString("N"));

    private BackupService Backups => new(database.ContextFactory, database.Settings, TimeProvider.System);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await BackupWipe.WipeAsync(database);
        await BackupSeed.SeedAsync(database.ContextFactory, profiles: 4, postsPerProfile: 30, historyPerPost: 3);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Restore_AfterWipe_GivesIdenticalRowCountsAndChecksums()
    {
        var archive = Path.Combine(_folder, "before.zip");
        var before = await Backups.CreateFileAsync(archive, includeMedia: false, CancellationToken.None);

        await BackupWipe.WipeAsync(database);
        var result = await Backups.RestoreAsync(archive, CancellationToken.None);
        var after = await Backups.CreateFileAsync(Path.Combine(_folder, "after.zip"), includeMedia: false, CancellationToken.None);

        Assert.Equal(Summary(before), Summary(after));
        Assert.Equal(before.Tables.ToDictionary(t => t.Name, t => t.Rows), result.RowsWritten);
        // 360 observations, each differing from its post's previous one: 240 closed spans and one open span per post.
        Assert.Equal(240, before.Tables.Single(t => t.Name == "tiktok_post_history").Rows);
        Assert.Equal(120, before.Tables.Single(t => t.Name == "tiktok_post_history_open").Rows);
        Assert.Equal(240, before.Tables.Single(t => t.Name == "tiktok_post_hashtags").Rows);
        Assert.True(before.Tables.Single(t => t.Name == "tiktok_profile_changes").Rows >= 1);
        Assert.Equal(1, before.Tables.Single(t => t.Name == "users").Rows);
    }

    [Fact]
    public async Task Restore_ThenNewRows_TakeIdsAfterTheRestoredOnes()
    {
        var archive = Path.Combine(_folder, "ids.zip");
        await Backups.CreateFileAsync(archive, includeMedia: false, CancellationToken.None);
        await BackupWipe.WipeAsync(database);
        await Backups.RestoreAsync(archive, CancellationToken.None);

        await using var db = database.CreateDbContext();
        var largest = await db.Posts.MaxAsync(p => p.Id);
        var profile = await db.Profiles.FirstAsync();
        var post = new TiktokPost { ProfileId = profile.Id, AwemeId = "7499999999999999999", FirstSeenAt = BackupSeed.Origin, LastSeenAt = BackupSeed.Origin };
        db.Posts.Add(post);
        await db.SaveChangesAsync();

        Assert.True(post.Id > largest);
    }

    [Fact]
    public async Task Restore_TamperedEntry_IsRefusedAndChangesNothing()
    {
        var archive = Path.Combine(_folder, "tampered.zip");
        await Backups.CreateFileAsync(archive, includeMedia: false, CancellationToken.None);
        await AddProfileAsync("after-the-backup");
        var current = await Backups.CreateFileAsync(Path.Combine(_folder, "current.zip"), includeMedia: false, CancellationToken.None);
        ArchiveTampering.ReplaceEntry(archive, "tables/tiktok_profiles.jsonl", text => text.Replace("creator001", "creator999", StringComparison.Ordinal));

        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() => Backups.RestoreAsync(archive, CancellationToken.None));

        Assert.Contains("tables/tiktok_profiles.jsonl does not match its checksum", refused.Message, StringComparison.Ordinal);
        var unchanged = await Backups.CreateFileAsync(Path.Combine(_folder, "unchanged.zip"), includeMedia: false, CancellationToken.None);
        Assert.Equal(Summary(current), Summary(unchanged));
    }

    [Fact]
    public async Task Restore_ArchiveFromNewerSchema_IsRefusedAndChangesNothing()
    {
        var archive = Path.Combine(_folder, "newer.zip");
        await Backups.CreateFileAsync(archive, includeMedia: false, CancellationToken.None);
        await AddProfileAsync("after-the-backup");
        var current = await Backups.CreateFileAsync(Path.Combine(_folder, "current.zip"), includeMedia: false, CancellationToken.None);
        ArchiveTampering.EditManifest(archive, manifest =>
        {
            manifest["schema"] = "FromTheFuture";
            manifest["sourceMigration"] = "29990101000000_FromTheFuture";
        });

        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() => Backups.RestoreAsync(archive, CancellationToken.None));

        Assert.Contains("newer version of the app", refused.Message, StringComparison.Ordinal);
        Assert.Contains("FromTheFuture", refused.Message, StringComparison.Ordinal);
        var unchanged = await Backups.CreateFileAsync(Path.Combine(_folder, "unchanged.zip"), includeMedia: false, CancellationToken.None);
        Assert.Equal(Summary(current), Summary(unchanged));
    }

    [Fact]
    public async Task Restore_ManifestWithWrongRowCount_RollsBackEverything()
    {
        var archive = Path.Combine(_folder, "miscounted.zip");
        await Backups.CreateFileAsync(archive, includeMedia: false, CancellationToken.None);
        await AddProfileAsync("after-the-backup");
        var current = await Backups.CreateFileAsync(Path.Combine(_folder, "current.zip"), includeMedia: false, CancellationToken.None);
        ArchiveTampering.EditManifest(archive, manifest =>
        {
            var posts = manifest["tables"]!.AsArray().Single(t => (string?)t!["name"] == "tiktok_posts")!;
            posts["rows"] = 1;
        });

        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() => Backups.RestoreAsync(archive, CancellationToken.None));

        Assert.Contains("tiktok_posts holds 120 rows, its manifest says 1", refused.Message, StringComparison.Ordinal);
        var unchanged = await Backups.CreateFileAsync(Path.Combine(_folder, "unchanged.zip"), includeMedia: false, CancellationToken.None);
        Assert.Equal(Summary(current), Summary(unchanged));
    }

    [Fact]
    public async Task Restore_WithMedia_BringsTheImagesBackInThisDatabasesStore()
    {
        var bytes = "\x89PNG fake image bytes"u8.ToArray();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        await using (var db = database.CreateDbContext())
        {
            var profile = await db.Profiles.OrderBy(p => p.Handle).FirstAsync();
            var isPostgres = db.Provider == Monitor.Core.Data.DatabaseProvider.Postgres;
            db.MediaBlobs.Add(new MediaBlob { Hash = hash, ContentType = "image/png", Size = bytes.Length, CreatedAt = BackupSeed.Origin, Data = isPostgres ? bytes : null });
            db.MediaReferences.Add(new MediaReference { Kind = MediaKind.Avatar, ProfileId = profile.Id, SourceUrl = "https://cdn.example/a.png", State = MediaState.Cached, Hash = hash });
            await db.SaveChangesAsync();
        }

        if (database.Provider == Monitor.Core.Data.DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.Combine(Backups.MediaFolder, hash[..2]));
            await File.WriteAllBytesAsync(Path.Combine(Backups.MediaFolder, hash[..2], hash), bytes);
        }

        var archive = Path.Combine(_folder, "media.zip");
        var before = await Backups.CreateFileAsync(archive, includeMedia: true, CancellationToken.None);
        await BackupWipe.WipeAsync(database);
        if (Directory.Exists(Backups.MediaFolder))
        {
            Directory.Delete(Backups.MediaFolder, recursive: true);
        }

        var result = await Backups.RestoreAsync(archive, CancellationToken.None);

        Assert.Equal(1, result.MediaWritten);
        Assert.Equal([$"media/{hash}"], before.Media.Select(m => m.Entry));
        var after = await Backups.CreateFileAsync(Path.Combine(_folder, "media-after.zip"), includeMedia: true, CancellationToken.None);
        Assert.Equal(Summary(before), Summary(after));
        Assert.Equal(before.Media, after.Media);
    }

    private static List<string> Summary(BackupManifest manifest) =>
        [.. manifest.Tables.Select(t => $"{t.Name} {t.Rows} {t.Sha256}")];

    private async Task AddProfileAsync(string handle)
    {
        await using var db = database.CreateDbContext();
        db.Profiles.Add(new TiktokProfile { Handle = handle, CreatedAt = BackupSeed.Origin, UpdatedAt = BackupSeed.Origin });
        await db.SaveChangesAsync();
    }
}

public sealed class PostgresBackupRestoreTests(PostgresDatabase database) : BackupRestoreTests<PostgresDatabase>(database);

public sealed class SqliteBackupRestoreTests(SqliteDatabase database) : BackupRestoreTests<SqliteDatabase>(database);
