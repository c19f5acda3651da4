using System.Diagnostics;

namespace Monitor.Tests.Backups;

/// <summary>The app's entry point run as an operator runs it (<c>dotnet Monitor.Web.dll &lt;verb&gt; ...</c>), in a process of its own.</summary>
internal static class AppCommand
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        IReadOnlyDictionary<string, string?> configuration, string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in configuration)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
