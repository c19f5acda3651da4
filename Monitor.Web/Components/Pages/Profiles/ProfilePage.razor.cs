using Microsoft.AspNetCore.Components;
using Monitor.Core.Catalog;
using Monitor.Core.Metrics;
using Monitor.Core.Monitoring;
using Monitor.Core.Monitoring.Events;
using Monitor.Core.Monitoring.Queries;
using Monitor.Core.Monitoring.Runs;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Web.Components.Common;
using Monitor.Web.Components.Monitoring;
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

    private readonly HashSet<long> _finishedRuns = [];
    private ProfileDto? _profile;
    private ProfileTotalsSnapshot? _previousTotals;
    private MonitoringRunView? _active;
    private bool _notFound;
    private bool _toggling;
    private bool _queueing;
    private bool _savingInterval;
    private bool _canManage;
    private int _tab;
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
    [Inject] private MonitoringEventHub Events { get; set; } = default!;
    [Inject] private ProfileHistoryQueries History { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Monitor.Web.Security.CircuitAccess Access { get; set; } = default!;
    [Inject] private Monitor.Core.Credits.CreditBudgetService CreditBudget { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized()
    {
        _subscription = Events.Subscribe(e => e.ProfileId == Id ? InvokeAsync(() => OnRunEventAsync(e)) : Task.CompletedTask);
        if (RendererInfo.IsInteractive && Prerendered is { } prerendered && prerendered.Profile.Id == Id)
        {
            _profile = prerendered.Profile;
            _previousTotals = prerendered.PreviousTotals;
        }

        Prerendered = null;
    }

    protected override async Task OnInitializedAsync() => _canManage = await Access.IsAdminAsync();

    protected override async Task OnParametersSetAsync()
    {
        if (ProfileTabs.IndexOf(Tab) is { } tab)
        {
            _tab = tab;
        }

        if (_loadedId == Id)
        {
            return;
        }

        var adopted = _loadedId == Guid.Empty && _profile?.Id == Id;
        _loadedId = Id;
        _profile = adopted ? _profile : null;
        _notFound = false;
        _active = null;
        await Snackbar.TryAsync("Could not load the profile", async () =>
        {
            if (!adopted)
            {
                await LoadProfileAsync();
            }

            if (_profile is not null)
            {
                await AdoptActiveRunAsync();
            }
        });
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task LoadProfileAsync()
    {
        _profile = await Profiles.GetAsync(Id, CancellationToken.None);
        _notFound = _profile is null;
        if (_profile is null)
        {
            return;
        }

        _previousTotals = await History.PreviousTotalsAsync(Id, CancellationToken.None);
        if (!RendererInfo.IsInteractive)
        {
            Prerendered = PrerenderedState.IfSmall(new ProfilePageState(_profile, _previousTotals));
        }
    }

    private IEnumerable<(string Key, string Label, string Icon, long Value, long? Delta)> Cards()
    {
        var p = _profile!;
        var prev = _previousTotals;
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
            await Access.DemandAdminAsync();
            var result = await Monitoring.SetMonitoringAsync(Id, enabled, CancellationToken.None);
            if (result is null)
            {
                _notFound = true;
                Snackbar.Add("This profile no longer exists", Severity.Warning);
                return;
            }

            _profile = _profile! with { MonitoringEnabled = result.Enabled, NextMonitoringRun = result.NextMonitoringRun };
            Snackbar.Add($"Monitoring {(result.Enabled ? "enabled" : "disabled")} for @{_profile.Handle}", result.Enabled ? Severity.Success : Severity.Info);
        });
        _toggling = false;
    }

    private async Task SetIntervalAsync(int hours)
    {
        _savingInterval = true;
        await Snackbar.TryAsync("Could not change the interval", async () =>
        {
            await Access.DemandAdminAsync();
            var result = await Monitoring.SetIntervalAsync(Id, hours, CancellationToken.None);
            if (result is null)
            {
                _notFound = true;
                Snackbar.Add("This profile no longer exists", Severity.Warning);
                return;
            }

            _profile = _profile! with { MonitoringIntervalHours = result.IntervalHours, NextMonitoringRun = result.NextMonitoringRun };
            Snackbar.Add($"@{_profile.Handle} is now monitored {Cadence.Describe(result.IntervalHours)}", Severity.Success);
        });
        _savingInterval = false;
    }

    private async Task UpdateNowAsync()
    {
        if (!await Monitor.Web.Components.Credits.CreditConfirmation.ConfirmSpendAsync(CreditBudget, Dialogs))
        {
            return;
        }

        _queueing = true;
        await Snackbar.TryAsync("Could not queue the update", async () =>
        {
            await Access.DemandAdminAsync();
            var queued = await Monitoring.QueueUpdateAsync(Id, CancellationToken.None);
            if (queued is null)
            {
                _notFound = true;
                Snackbar.Add("This profile no longer exists", Severity.Warning);
                return;
            }

            Snackbar.Add(
                queued.Created ? $"Update queued for @{_profile!.Handle}" : $"An update of @{_profile!.Handle} is already {(queued.Status == MonitoringStatus.Running ? "running" : "queued")}",
                queued.Created ? Severity.Success : Severity.Info);
            if (!_finishedRuns.Contains(queued.LogId))
            {
                await AdoptActiveRunAsync();
            }
        });
        _queueing = false;
    }

    /// <summary>Shows the profile's queued or running run, unless an event already reported its end while it was read.</summary>
    private async Task AdoptActiveRunAsync()
    {
        if (_active is not null)
        {
            return;
        }

        var active = await Monitoring.GetActiveRunAsync(Id, CancellationToken.None);
        if (_active is null && active is not null && !_finishedRuns.Contains(active.Id))
        {
            _active = active;
        }
    }

    private async Task OnRunEventAsync(MonitoringEvent e)
    {
        await Snackbar.TryAsync("Could not refresh", async () =>
        {
            switch (e.Kind)
            {
                case MonitoringEventKind.Queued or MonitoringEventKind.Started or MonitoringEventKind.PageCompleted:
                    if (_finishedRuns.Contains(e.LogId))
                    {
                        return;
                    }

                    var status = e.Kind == MonitoringEventKind.Queued ? MonitoringStatus.Pending : MonitoringStatus.Running;
                    _active = _active is { } current && current.Id == e.LogId
                        ? current with { Status = status, PagesScraped = e.PagesScraped, PostsScraped = e.PostsScraped, StartedAt = current.StartedAt ?? (status == MonitoringStatus.Running ? e.OccurredAt : null) }
                        : await Monitoring.GetActiveRunAsync(Id, CancellationToken.None) ?? FromEvent(e, status);
                    break;
                case MonitoringEventKind.Completed:
                    _finishedRuns.Add(e.LogId);
                    _active = null;
                    Snackbar.Add($"Run completed for @{_profile?.Handle}: {e.PostsScraped:N0} posts in {e.PagesScraped} {(e.PagesScraped == 1 ? "page" : "pages")}", Severity.Success);
                    await RefreshAfterRunAsync();
                    break;
                case MonitoringEventKind.Failed or MonitoringEventKind.Interrupted:
                    _finishedRuns.Add(e.LogId);
                    _active = null;
                    ApplyRunEnd(e);
                    Snackbar.Add(RunEndMessage(e), e.AccountState is not null || e.Kind == MonitoringEventKind.Interrupted ? Severity.Warning : Severity.Error);
                    await RefreshAfterRunAsync();
                    break;
            }
        });
        StateHasChanged();
    }

    /// <summary>The event carries the run's end state: totals written and an account state found apply at once.</summary>
    private void ApplyRunEnd(MonitoringEvent e)
    {
        if (_profile is null)
        {
            return;
        }

        if (e.Totals is { } t)
        {
            _profile = _profile with { TotalPosts = t.Posts, Totals = t.Metrics };
        }

        if (e.AccountState is { } state)
        {
            _profile = _profile with { AccountState = state, MonitoringEnabled = false, NextMonitoringRun = null };
        }
    }

    private string RunEndMessage(MonitoringEvent e) => e switch
    {
        { AccountState: { } state } => $"@{_profile?.Handle} is {AccountStateChip.Describe(state)} at TikTok: monitoring paused. Switch Monitor on to try again.",
        { Kind: MonitoringEventKind.Interrupted, Retry: RetryDecision.Retrying } => $"Run interrupted for @{_profile?.Handle}; the next attempt is queued",
        { Kind: MonitoringEventKind.Interrupted } => $"Run interrupted for @{_profile?.Handle}: {e.Error}",
        { Retry: RetryDecision.Retrying } => $"Run failed for @{_profile?.Handle}: {e.Error} (it will be retried)",
        _ => $"Run failed for @{_profile?.Handle}: {e.Error}",
    };

    private MonitoringRunView FromEvent(MonitoringEvent e, MonitoringStatus status) =>
        new(e.LogId, e.ProfileId, _profile?.Handle ?? "", status, e.Trigger, e.Attempt, e.OccurredAt, e.OccurredAt,
            status == MonitoringStatus.Running ? e.OccurredAt : null, e.PagesScraped, e.PostsScraped, null);

    /// <summary>A hashtag or a sound picked on the insights tab: the posts tab, filtered by it.</summary>
    private async Task ShowPostsAsync(Monitor.Core.Posts.PostFilter filter)
    {
        SelectTab(0);
        if (_posts is not null)
        {
            await _posts.FilterAsync(filter);
        }
    }

    /// <summary>The tab shown, and in the address (replacing it, so Back still leaves the page).</summary>
    private void SelectTab(int index)
    {
        _tab = index;
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
