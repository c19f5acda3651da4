using Microsoft.AspNetCore.Components;
using Monitor.Core.Audience;
using Monitor.Core.LiveEvents;
using Monitor.Web.Components.Feedback;
using MudBlazor;

namespace Monitor.Web.Components.Audience;

/// <summary>The profile page's audience tab; reloaded when a run of the profile ends (a run records the counters at its close).</summary>
public sealed partial class AudienceSection : IDisposable
{
    private AudienceSummary? _summary;
    private FollowerChart? _chart;
    private IDisposable? _subscription;

    [Parameter, EditorRequired] public Guid ProfileId { get; set; }

    [Inject] private AccountHistoryQueries History { get; set; } = default!;
    [Inject] private Monitor.Web.Workspaces.CircuitMonitoringEvents Events { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override void OnInitialized() =>
        _subscription = Events.Subscribe(e => e.ProfileId == ProfileId && e.Kind is MonitoringEventKind.Completed or MonitoringEventKind.Failed
            ? InvokeAsync(ReloadAsync)
            : Task.CompletedTask);

    protected override Task OnParametersSetAsync() => LoadAsync();

    public void Dispose() => _subscription?.Dispose();

    public async Task ReloadAsync()
    {
        await LoadAsync();
        if (_chart is not null)
        {
            await _chart.ReloadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var loaded = await Snackbar.TryAsync("Could not load the audience", async () =>
            _summary = await History.SummaryAsync(ProfileId, CancellationToken.None) ?? new AudienceSummary(null, [], MilestoneProjection.Project([])));
        if (!loaded)
        {
            _summary ??= new AudienceSummary(null, [], MilestoneProjection.Project([]));
        }

        StateHasChanged();
    }

    private static IEnumerable<(string Key, string Label, long? Value)> Counters(AccountSnapshotDto latest) =>
    [
        ("followers", "Followers", latest.FollowerCount),
        ("following", "Following", latest.FollowingCount),
        ("likes", "Likes received", latest.LikesCount),
        ("videos", "Videos", latest.VideoCount),
    ];
}
