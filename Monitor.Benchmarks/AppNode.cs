using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Monitor.Benchmarks;

/// <summary>
/// A node of the app as its own process: Monitor.Web.dll (copied beside this benchmark by the project reference) with
/// its settings as environment variables, on a free 127.0.0.1 port; output kept for a failure message. Its CPU and
/// resident memory are read from <c>/proc</c>, from outside.
/// </summary>
internal sealed class AppNode : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private AppNode(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    /// <param name="folder">Where Monitor.Web.dll is: the build output beside this benchmark by default (the API only: it
    /// serves no static assets outside Development), or <see cref="PublishedWeb"/>'s folder for the pages.</param>
    public static AppNode Start(string name, IReadOnlyDictionary<string, string?> settings, string? folder = null)
    {
        var port = FreePort();
        folder ??= AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Monitor.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.Environment.Remove("DOTNET_DiagnosticPorts");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DATABASE_URL"] = "";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        var process = new Process { StartInfo = start };
        var node = new AppNode(name, process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    public async Task WaitForHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was healthy.\n{Tail()}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri(BaseAddress, "health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not healthy within {timeout}.\n{Tail()}");
    }

    public double CpuSeconds() => ProcessCpu.Seconds(Pid);

    public long ResidentBytes() => ProcessCpu.ResidentBytes(Pid);

    public string Tail(int lines = 30) => $"--- {Name} (pid {Pid}) ---\n" + string.Join('\n', _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
