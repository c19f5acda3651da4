using Microsoft.AspNetCore.Components;
using Monitor.Core.LiveEvents;
using Monitor.Core.Profiles;
using Monitor.Core.Scans;
using Monitor.Core.Scheduling;
using Monitor.Web.Components.Feedback;
using Monitor.Web.Components.Monitoring;
using Monitor.Web.Security;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Profiles;

/// <summary>The profile's scan mode and, by age, each rung's last and next refresh; reloaded when a run of the profile ends.</summary>
public sealed partial class ScanPanel : IDisposable
{
    private ScanMode _mode;
    private IReadOnlyList<ScanRungView> _rungs = [];
    private int? _widestHours;
    private bool _busy;
    private IDisposable? _subscription;

    [Parameter, EditorRequired] public Guid ProfileId { get; set; }
    [Parameter] public bool CanManage { get; set; }

    [Inject] private IMonitoringActions Monitoring { get; set; } = default!;
    [Inject] private Monitor.Web.Workspaces.CircuitMonitoringEvents Events { get; set; } = default!;
    [Inject] private CircuitAccess Access { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override void OnInitialized() =>
        _subscription = Events.Subscribe(e => e.ProfileId == ProfileId && e.Kind is MonitoringEventKind.Completed or MonitoringEventKind.Failed
            ? InvokeAsync(LoadAsync)
            : Task.CompletedTask);

    protected override Task OnParametersSetAsync() => LoadAsync();

    public void Dispose() => _subscription?.Dispose();

    private async Task LoadAsync()
    {
        await Snackbar.TryAsync("Could not load the refresh settings", async () =>
        {
            var status = await Monitoring.GetStatusAsync(ProfileId, CancellationToken.None);
            if (status is null)
            {
                return;
            }

            _mode = status.ScanMode;
            _rungs = status.ScanSteps ?? [];
            _widestHours = _rungs.Where(r => r.MaxAgeHours is not null).Select(r => r.MaxAgeHours).LastOrDefault();
            StateHasChanged();
        });
    }

    private async Task SetModeAsync(ScanMode mode)
    {
        _busy = true;
        await Snackbar.TryAsync("Could not change the refresh mode", async () =>
        {
            await Access.DemandEditorAsync();
            await Monitoring.ChangeSettingsAsync(ProfileId, new MonitoringSettingsChange(ScanMode: mode), CancellationToken.None);
            await LoadAsync();
            Snackbar.Add(mode == ScanMode.ByAge ? "Young posts are refreshed more often; all posts weekly" : "Every run reads every post", Severity.Success);
        });
        _busy = false;
    }

    private async Task FullScanAsync()
    {
        _busy = true;
        await Snackbar.TryAsync("Could not queue the full scan", async () =>
        {
            await Access.DemandEditorAsync();
            var run = await Monitoring.QueueFullScanAsync(ProfileId, CancellationToken.None);
            Snackbar.Add(run is { Created: true } ? "Full scan queued" : "A run is already queued: it will read every post", Severity.Info);
        });
        _busy = false;
    }
}
