using System.Diagnostics;
using System.Globalization;

namespace Monitor.Benchmarks;

/// <summary>
/// The simulated upstream in a child process (<see cref="UpstreamServer"/>): this benchmark's own executable started
/// with <c>--serve-upstream</c>. Its CPU time is read from <c>/proc</c>, so a row can say what the upstream itself cost.
/// </summary>
internal sealed class UpstreamProcess : IAsyncDisposable
{
    private readonly Process _process;

    private UpstreamProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    /// <param name="feedPages">With a value, the tests' fake upstream serves synthetic creators of that many pages of
    /// <paramref name="postsPerPage"/> posts instead of the app's simulator (a fixed, smaller feed).</param>
    public static async Task<UpstreamProcess> StartAsync(TimeSpan latency, int? feedPages = null, int postsPerPage = 30)
    {
        string[] feed = feedPages is { } pages
            ? ["--fake-pages", pages.ToString(CultureInfo.InvariantCulture), "--posts-per-page", postsPerPage.ToString(CultureInfo.InvariantCulture)]
            : [];
        var start = SelfStart([UpstreamServer.Argument, "--latency", latency.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture),
            "--parent", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), .. feed]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardInput = true;
        // A tracer (dotnet-trace) suspends its child at start until it connects: the upstream is not the one traced.
        start.Environment.Remove("DOTNET_DiagnosticPorts");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The upstream process did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException("The upstream process exited before it printed its address.");
        return new UpstreamProcess(process, new Uri(line.TrimEnd('/') + "/"));
    }

    /// <summary>This executable again, with <paramref name="args"/> (through <c>dotnet</c> when run as a dll).</summary>
    public static ProcessStartInfo SelfStart(params string[] args)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var dll = typeof(UpstreamProcess).Assembly.Location;
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? new ProcessStartInfo(host, [dll, .. args]) : new ProcessStartInfo(host, args);
    }

    /// <summary>Changes the latency of a fake upstream child (started with feed pages); returns once it applies.</summary>
    public async Task SetLatencyAsync(TimeSpan latency)
    {
        var command = string.Create(CultureInfo.InvariantCulture, $"{UpstreamServer.LatencyCommand} {latency.TotalMilliseconds:0}");
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        if (answer != command)
        {
            throw new InvalidOperationException($"The upstream process answered '{answer}' to '{command}'.");
        }
    }

    /// <summary>User + system CPU seconds the process has used so far.</summary>
    public double CpuSeconds() => ProcessCpu.Seconds(_process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
