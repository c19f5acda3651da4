using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitor.Core.Backups;

namespace Monitor.Tests.Backups;

/// <summary>Changes an archive in place the way a damaged copy or a hand edit would.</summary>
internal static class ArchiveTampering
{
    public static void ReplaceEntry(string archive, string name, Func<string, string> change)
    {
        using var zip = ZipFile.Open(archive, ZipArchiveMode.Update);
        var entry = zip.GetEntry(name)!;
        string text;
        using (var reader = new StreamReader(entry.Open()))
        {
            text = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(change(text));
    }

    /// <summary>Edits the manifest and writes a matching checksum, so only the edited field can refuse it.</summary>
    public static void EditManifest(string archive, Action<JsonObject> edit)
    {
        string? manifest = null;
        ReplaceEntry(archive, BackupManifest.EntryName, text =>
        {
            var json = JsonNode.Parse(text)!.AsObject();
            edit(json);
            manifest = json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            return manifest;
        });
        ReplaceEntry(archive, BackupManifest.ChecksumEntryName, _ => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest!))));
    }
}
