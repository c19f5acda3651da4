using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Monitor.Core.Backups;

/// <summary>
/// An archive opened for restore. <see cref="OpenVerifiedAsync"/> checks everything before anything is restored: the
/// manifest against its checksum, the format version, and every entry against its SHA-256 in the manifest.
/// </summary>
public sealed class BackupArchive : IDisposable
{
    private readonly ZipArchive _zip;

    private BackupArchive(ZipArchive zip, BackupManifest manifest)
    {
        _zip = zip;
        Manifest = manifest;
    }

    public BackupManifest Manifest { get; }

    public static async Task<BackupArchive> OpenVerifiedAsync(string path, CancellationToken cancellationToken)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(File.OpenRead(path), ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException)
        {
            throw new BackupRefusedException("The file is not a backup archive (not a zip file).");
        }

        try
        {
            var manifest = await VerifyAsync(zip, cancellationToken);
            return new BackupArchive(zip, manifest);
        }
        catch (InvalidDataException)
        {
            zip.Dispose();
            throw new BackupRefusedException("The archive is damaged: an entry cannot be read.");
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public Task<Stream> OpenEntryAsync(string name, CancellationToken cancellationToken) =>
        (_zip.GetEntry(name) ?? throw new BackupRefusedException($"The archive has no entry {name}.")).OpenAsync(cancellationToken);

    public Stream OpenEntry(string name) =>
        (_zip.GetEntry(name) ?? throw new BackupRefusedException($"The archive has no entry {name}.")).Open();

    public void Dispose() => _zip.Dispose();

    private static async Task<BackupManifest> VerifyAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        var manifestBytes = await ReadAllAsync(zip, BackupManifest.EntryName, cancellationToken);
        var checksum = Encoding.ASCII.GetString(await ReadAllAsync(zip, BackupManifest.ChecksumEntryName, cancellationToken)).Trim();
        if (!string.Equals(checksum, Convert.ToHexStringLower(SHA256.HashData(manifestBytes)), StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupRefusedException("The archive's manifest does not match its checksum: the archive was changed or damaged.");
        }

        var manifest = ReadManifest(manifestBytes);
        if (manifest.FormatVersion > BackupManifest.CurrentFormatVersion)
        {
            throw new BackupRefusedException(
                $"The archive has format version {manifest.FormatVersion}; this app reads up to {BackupManifest.CurrentFormatVersion}. Restore it with the newer app that wrote it.");
        }

        var entries = manifest.Tables.Select(t => (t.Entry, t.Sha256)).Concat(manifest.Media.Select(m => (m.Entry, m.Sha256)));
        foreach (var (name, expected) in entries)
        {
            var entry = zip.GetEntry(name) ?? throw new BackupRefusedException($"The archive lacks {name}, which its manifest lists.");
            await using var stream = await entry.OpenAsync(cancellationToken);
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new BackupRefusedException($"The archive's entry {name} does not match its checksum: the archive was changed or damaged.");
            }
        }

        return manifest;
    }

    private static BackupManifest ReadManifest(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(bytes, BackupWriter.ManifestJson)
                ?? throw new BackupRefusedException("The archive's manifest is empty.");
        }
        catch (JsonException ex)
        {
            throw new BackupRefusedException($"The archive's manifest cannot be read: {ex.Message}");
        }
    }

    private static async Task<byte[]> ReadAllAsync(ZipArchive zip, string name, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(name) ?? throw new BackupRefusedException($"The file is not a backup archive: it has no {name}.");
        await using var stream = await entry.OpenAsync(cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
