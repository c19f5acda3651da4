using System.Diagnostics;
using System.Net;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// The published app (<see cref="PublishedApp"/>) as a separate process on a free 127.0.0.1 port, the way an operator
/// runs a node: settings go in as environment variables (<c>:</c> becomes <c>__</c>), console output is kept line by
/// line. <see cref="Kill"/> is a crash (SIGKILL), <see cref="StopAsync"/> a graceful stop (SIGTERM); disposing kills
/// whatever still runs.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly Lock _gate = new();

    private AppProcess(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_gate)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>The last lines of output, for a failure message.</summary>
    public string Tail(int lines = 40) => $"--- {Name} (pid {Pid}) ---\n" + string.Join('\n', Output.TakeLast(lines));

    /// <summary>Starts the app; <paramref name="settings"/> win over the defaults here (production environment, one-line logs).</summary>
    public static Task<AppProcess> StartAsync(string name, IEnumerable<KeyValuePair<string, string?>> settings, params string[] args) =>
        StartInAsync(null, name, settings, args);

    /// <summary>As <see cref="StartAsync"/>, from <paramref name="workingDirectory"/> (the publish folder when null).</summary>
    public static async Task<AppProcess> StartInAsync(string? workingDirectory, string name, IEnumerable<KeyValuePair<string, string?>> settings, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folder = await PublishedApp.GetFolderAsync();
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Monitor.Web.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? folder,
        };
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            ["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss.fff ",
            // The test runner's own PostgreSQL must not leak in: each test says which database a node uses.
            ["DATABASE_URL"] = "",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(name, process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits until <c>/health</c> answers 200; fails early if the process exits.</summary>
    public async Task WaitForHealthyAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(HasExited, $"{Name} exited with {(HasExited ? _process.ExitCode : 0)} before it was healthy.\n{Tail()}");
            if (await HealthAsync() == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{Name} was not healthy within {timeout ?? TimeSpan.FromSeconds(60)}.\n{Tail()}");
    }

    /// <summary>The status of <c>/health</c>, or null when nothing answers.</summary>
    public async Task<HttpStatusCode?> HealthAsync()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(BaseAddress, "health"));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Waits for an output line that matches; returns it.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (Output.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{Name} never logged {what}.\n{Tail()}");
        return "";
    }

    /// <summary>A crash: SIGKILL, no shutdown code runs. Returns once the process is gone (fails after 30 s).</summary>
    public async Task KillAsync()
    {
        if (!HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(deadline.Token);
    }

    /// <summary>A graceful stop: SIGTERM, as Docker or systemd sends it. Returns the exit code; fails after <paramref name="timeout"/>.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using (var signal = Process.Start("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync(cancel.Token);
        }

        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.Add(line);
        }
    }
}
