using Microsoft.AspNetCore.Components;
using Monitor.Core.Catalog;
using Monitor.Core.LiveEvents;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Runs;
using Monitor.Web.Components.Feedback;
using Monitor.Web.Components.Formatting;
using Monitor.Web.Components.Metrics;
using Monitor.Web.Components.Monitoring;
using Monitor.Web.Components.Rendering;
using Monitor.Web.Components.Time;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Profiles;

/// <summary>
/// One profile: header actions, totals with their change since the previous run, and live progress of a queued or
/// running run — loaded from the database (so a reload or a second tab sees it) and then followed through events.
/// </summary>
public sealed partial class ProfilePage : IDisposable
{
    // A download link: Blazor's router leaves it to the browser instead of treating it as a page.
    private static readonly Dictionary<string, object?> DownloadAttribute = new() { ["download"] = "" };

    private readonly ProfileRunState _state = new();
    private bool _notFound;
    private bool _toggling;
    private bool _savingInterval;
    private bool _canManage;
    private int _tab;

    // The tabs shown so far: the others render nothing until opened. All panels are kept alive once shown; rendered
    // from the start, the insights tab alone took 3–4 s of queries on a profile with 10,000 posts, which held back the
    // page's first paint, and every hidden tab's components stayed in each open page's memory.
    private readonly HashSet<int> _openedTabs = [];
    private Guid _loadedId;
    private IDisposable? _subscription;
    private PostsGrid? _posts;
    private ProfileChart? _chart;
    private LogsGrid? _logs;

    [Parameter] public Guid Id { get; set; }
    [SupplyParameterFromQuery] public string? Tab { get; set; }
    [CascadingParameter] public UserTimeZone? Zone { get; set; }

    /// <summary>The profile as the prerender read it: the circuit's first render shows it instead of a skeleton.</summary>
    [PersistentState] public ProfilePageState? Prerendered { get; set; }

    [Inject] private ProfileService Profiles { get; set; } = default!;
    [Inject] private IMonitoringActions Monitoring { get; set; } = default!;
    [Inject] private Monitor.Web.Workspaces.CircuitMonitoringEvents Events { get; set; } = default!;
    [Inject] private ProfileHistoryQueries History { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Monitor.Web.Security.CircuitAccess Access { get; set; } = default!;
    [Inject] private Monitor.Core.Credits.CreditWorkspaceBudgets CreditBudget { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized()
    {
        _subscription = Events.Subscribe(e => e.ProfileId == Id ? InvokeAsync(() => OnRunEventAsync(e)) : Task.CompletedTask);
        _state.StartOver(Id);
        if (RendererInfo.IsInteractive && Prerendered is { } prerendered)
        {
            _state.Loaded(prerendered.Profile, prerendered.PreviousTotals);
        }

        Prerendered = null;
    }

    protected override async Task OnInitializedAsync() => _canManage = await Access.CanEditAsync();

    protected override async Task OnParametersSetAsync()
    {
        if (ProfileTabs.IndexOf(Tab) is { } tab)
        {
            _tab = tab;
        }

        if (_loadedId != Id)
        {
            _openedTabs.Clear();
        }

        _openedTabs.Add(_tab);
        if (_loadedId == Id)
        {
            return;
        }

        var adopted = _loadedId == Guid.Empty && _state.Profile?.Id == Id;
        _loadedId = Id;
        _state.StartOver(Id);
        _notFound = false;
        await Snackbar.TryAsync("Could not load the profile", async () =>
        {
            if (!adopted)
            {
                await LoadProfileAsync();
            }

            if (_state.Profile is not null)
            {
                await ReadActiveRunAsync();
            }
        });
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task LoadProfileAsync()
    {
        var profile = await Profiles.GetAsync(Id, CancellationToken.None);
        _notFound = profile is null;
        var previousTotals = profile is null ? null : await History.PreviousTotalsAsync(Id, CancellationToken.None);
        _state.Loaded(profile, previousTotals);
        if (profile is not null && !RendererInfo.IsInteractive)
        {
            Prerendered = PrerenderedState.IfSmall(new ProfilePageState(profile, previousTotals));
        }
    }

    private IEnumerable<(string Key, string Label, string Icon, long Value, long? Delta)> Cards()
    {
        var p = _state.Profile!;
        var prev = _state.PreviousTotals;
        yield return ("posts", "Posts", Icons.Material.Filled.VideoLibrary, p.TotalPosts, p.TotalPosts - prev?.TotalPosts);
        foreach (var metric in PostMetrics.All)
        {
            var value = metric.Get(p.Totals) ?? 0;
            yield return (metric.Column, $"Total {metric.Name}", MetricIcons.For(metric), value, value - (prev is null ? null : metric.Get(prev.Totals)));
        }
    }

    private async Task ToggleAsync(bool enabled)
    {
        _toggling = true;
        await Snackbar.TryAsync("Could not change monitoring", async () =>
        {
            await Access.DemandEditorAsync();
            var result = await Monitoring.SetMonitoringAsync(Id, enabled, CancellationToken.None);
            if (result is null)
            {
                _notFound = true;
                Snackbar.Add("This profile no longer exists", Severity.Warning);
                return;
            }

            _state.Changed(p => p with { MonitoringEnabled = result.Enabled, NextMonitoringRun = result.NextMonitoringRun });
            Snackbar.Add($"Monitoring {(result.Enabled ? "enabled" : "disabled")} for @{_state.Profile?.Handle}", result.Enabled ? Severity.Success : Severity.Info);
        });
        _toggling = false;
    }

    private async Task SetIntervalAsync(int hours)
    {
        _savingInterval = true;
        await Snackbar.TryAsync("Could not change the interval", async () =>
        {
            await Access.DemandEditorAsync();
            var result = await Monitoring.SetIntervalAsync(Id, hours, CancellationToken.None);
            if (result is null)
            {
                _notFound = true;
                Snackbar.Add("This profile no longer exists", Severity.Warning);
                return;
            }

            _state.Changed(p => p with { MonitoringIntervalHours = result.IntervalHours, NextMonitoringRun = result.NextMonitoringRun });
            Snackbar.Add($"@{_state.Profile?.Handle} is now monitored {Cadence.Describe(result.IntervalHours)}", Severity.Success);
        });
        _savingInterval = false;
    }

    private async Task UpdateNowAsync()
    {
        if (!await Monitor.Web.Components.Credits.CreditConfirmation.ConfirmSpendAsync(CreditBudget, Id, Dialogs))
        {
            return;
        }

        _state.QueueStarted();
        await Snackbar.TryAsync("Could not queue the update", async () =>
        {
            await Access.DemandEditorAsync();
            var queued = await Monitoring.QueueUpdateAsync(Id, CancellationToken.None);
            if (queued is null)
            {
                _notFound = true;
                Snackbar.Add("This profile no longer exists", Severity.Warning);
                return;
            }

            Snackbar.Add(
                queued.Created ? $"Update queued for @{_state.Profile?.Handle}" : $"An update of @{_state.Profile?.Handle} is already {(queued.Status == MonitoringStatus.Running ? "running" : "queued")}",
                queued.Created ? Severity.Success : Severity.Info);
            if (_state.ShouldReadQueuedRun(queued.LogId))
            {
                await ReadActiveRunAsync();
            }
        });
        _state.QueueFinished();
    }

    /// <summary>Reads the profile's queued or running run; the state keeps it unless an event already reported its end.</summary>
    private async Task ReadActiveRunAsync() =>
        _state.ActiveRunLoaded(await Monitoring.GetActiveRunAsync(Id, CancellationToken.None));

    private async Task OnRunEventAsync(MonitoringEvent e)
    {
        await Snackbar.TryAsync("Could not refresh", async () =>
        {
            var outcome = _state.Apply(e);
            if (outcome.Toast is { } toast)
            {
                Snackbar.Add(toast.Message, toast.Level switch
                {
                    RunToastLevel.Success => Severity.Success,
                    RunToastLevel.Warning => Severity.Warning,
                    _ => Severity.Error,
                });
            }

            if (outcome.ReadActiveRun)
            {
                await ReadActiveRunAsync();
            }

            if (outcome.RefreshAfterRun)
            {
                await RefreshAfterRunAsync();
            }
        });
        StateHasChanged();
    }

    /// <summary>A hashtag or a sound picked on the insights tab: the posts tab, filtered by it.</summary>
    private async Task ShowPostsAsync(Monitor.Core.Posts.PostFilter filter)
    {
        SelectTab(0);
        if (_posts is not null)
        {
            await _posts.FilterAsync(filter);
        }
    }

    private bool Opened(string tab) => ProfileTabs.IndexOf(tab) is { } index && _openedTabs.Contains(index);

    /// <summary>The tab shown, and in the address (replacing it, so Back still leaves the page).</summary>
    private void SelectTab(int index)
    {
        _tab = index;
        _openedTabs.Add(index);
        var current = ProfileTabs.IndexOf(Tab) ?? 0;
        if (index != current && ProfileTabs.NameOf(index) is { } name)
        {
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("tab", name), replace: true);
        }
    }

    private async Task RefreshAfterRunAsync()
    {
        await LoadProfileAsync();
        if (_posts is not null)
        {
            await _posts.ReloadAsync();
        }

        if (_chart is not null)
        {
            await _chart.ReloadAsync();
        }

        if (_logs is not null)
        {
            await _logs.ReloadAsync();
        }
    }
}
