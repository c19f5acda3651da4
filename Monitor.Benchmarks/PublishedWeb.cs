using System.Diagnostics;

namespace Monitor.Benchmarks;

/// <summary>
/// <c>dotnet publish Monitor.Web -c Release</c> into a folder beside this benchmark, once a run: the app as it is
/// deployed (its GC and JIT settings, the static assets served outside Development), for figures read from outside.
/// </summary>
internal static class PublishedWeb
{
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding the published Monitor.Web.dll: the one given on the command line, or published now.</summary>
    public static Task<string> GetFolderAsync(BenchmarkSettings settings) =>
        settings.PublishedWebFolder is { } given ? Task.FromResult(Path.GetFullPath(given)) : Folder.Value;

    private static async Task<string> PublishAsync()
    {
        var project = Path.Combine(RepositoryRoot(), "Monitor.Web", "Monitor.Web.csproj");
        var output = Path.Combine(AppContext.BaseDirectory, "published-web");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // A build server left behind would outlive the benchmark and hold its output open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !File.Exists(Path.Combine(output, "Monitor.Web.dll")))
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return output;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Monitor.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Monitor.sln above {AppContext.BaseDirectory}.");
    }
}
