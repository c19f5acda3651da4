using Microsoft.AspNetCore.Components;
using Monitor.Core.LiveEvents;
using Monitor.Core.RunQueries;
using Monitor.Core.Runs;
using Monitor.Web.Components.Feedback;
using Monitor.Web.Components.Monitoring;
using Monitor.Web.Components.Rendering;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Monitoring;

/// <summary>
/// The queue at a glance. Page progress is applied from events as it comes; anything else an event says (a run
/// queued, started, ended) refreshes the lists, throttled; a timer refreshes them anyway every few seconds.
/// </summary>
public sealed partial class MonitoringPage : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private Dictionary<long, MonitoringRunView> _inProgress = [];
    private IReadOnlyList<UpcomingRun> _upcoming = [];
    private IReadOnlyList<MonitoringLogView> _failures = [];
    private MonitoringQueueStats? _stats;
    private bool _sweeping;
    private bool _loadFailedShown;
    private IDisposable? _subscription;
    private RefreshThrottle? _refresh;
    private ITimer? _timer;
    private bool _canManage;

    [Inject] private IMonitoringActions Monitoring { get; set; } = default!;
    [Inject] private Monitor.Web.Workspaces.CircuitMonitoringEvents Events { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private Monitor.Web.Security.CircuitAccess Access { get; set; } = default!;

    protected override void OnInitialized()
    {
        _refresh = new RefreshThrottle(TimeSpan.FromMilliseconds(500), () => InvokeAsync(LoadAsync), Time);
        _subscription = Events.Subscribe(e => InvokeAsync(() => OnRunEvent(e)));
        _timer = Time.CreateTimer(_ => _refresh.Request(), null, RefreshInterval, RefreshInterval);
    }

    protected override async Task OnInitializedAsync()
    {
        _canManage = await Access.IsInstanceAdminAsync();
        await LoadAsync();
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _subscription?.Dispose();
        _refresh?.Dispose();
    }

    private void OnRunEvent(MonitoringEvent e)
    {
        if (e.Kind == MonitoringEventKind.PageCompleted && _inProgress.TryGetValue(e.LogId, out var run))
        {
            _inProgress[e.LogId] = run with { Status = MonitoringStatus.Running, PagesScraped = e.PagesScraped, PostsScraped = e.PostsScraped };
            StateHasChanged();
            return;
        }

        _refresh?.Request();
    }

    private async Task LoadAsync()
    {
        try
        {
            var stats = await Monitoring.GetQueueStatsAsync(CancellationToken.None);
            var inProgress = await Monitoring.GetRunsInProgressAsync(CancellationToken.None);
            var upcoming = await Monitoring.GetUpcomingRunsAsync(20, CancellationToken.None);
            var failures = await Monitoring.GetRecentFailuresAsync(20, CancellationToken.None);
            _stats = stats;
            _inProgress = inProgress.ToDictionary(r => r.Id);
            _upcoming = upcoming;
            _failures = failures;
            _loadFailedShown = false;
        }
#pragma warning disable CA1031 // Shown to the user once; the timer tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (!_loadFailedShown)
            {
                _loadFailedShown = true;
                Snackbar.Add($"Could not load the queue: {UserMessage.Of(ex)}", Severity.Error);
            }
        }

        StateHasChanged();
    }

    private async Task RunSweepAsync()
    {
        _sweeping = true;
        await Snackbar.TryAsync("The sweep failed", async () =>
        {
            await Access.DemandInstanceAdminAsync();
            var queued = await Monitoring.RunSweepNowAsync(CancellationToken.None);
            Snackbar.Add(queued switch
            {
                0 => "Sweep done: no profile was due",
                1 => "Sweep done: 1 run queued",
                _ => $"Sweep done: {queued} runs queued",
            }, queued == 0 ? Severity.Info : Severity.Success);
        });
        _sweeping = false;
        await LoadAsync();
    }

    private IEnumerable<(string Key, string Label, string Icon, int? Value, Color Color)> StatCards()
    {
        yield return ("waiting", "Waiting", Icons.Material.Filled.HourglassEmpty, _stats?.Waiting, Color.Default);
        yield return ("active", "Active", Icons.Material.Filled.Sync, _stats?.Active, Color.Info);
        yield return ("completed", "Completed", Icons.Material.Filled.CheckCircle, _stats?.Completed, Color.Success);
        yield return ("failed", "Failed", Icons.Material.Filled.Error, _stats?.Failed, Color.Error);
        yield return ("delayed", "Delayed", Icons.Material.Filled.Schedule, _stats?.Delayed, Color.Warning);
    }
}
