using Microsoft.AspNetCore.Components;
using Monitor.Core.Catalog;
using Monitor.Core.LiveEvents;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Web.Components.Feedback;
using Monitor.Web.Components.Grids;
using Monitor.Web.Components.Monitoring;
using Monitor.Web.Components.Rendering;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Profiles;

public sealed partial class ProfilesPage : IDisposable
{
    private MudDataGrid<ProfileListItem>? _grid;
    private string? _search;
    private string? _searchError;
    private IDisposable? _subscription;
    private RefreshThrottle? _refresh;
    private bool _canManage;

    /// <summary>
    /// False until the grid's first load answers: the first render (on the server, before the live connection) has no
    /// rows yet and must not say there are none.
    /// </summary>
    private bool _loaded;
    private string? _loadProblem;
    private HashSet<ProfileListItem> _selected = [];
    private bool _queueing;

    [Inject] private ProfileService Profiles { get; set; } = default!;
    [Inject] private IMonitoringActions Monitoring { get; set; } = default!;
    [Inject] private Monitor.Web.Workspaces.CircuitMonitoringEvents Events { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private Monitor.Core.Credits.CreditUsageQuery CreditUsage { get; set; } = default!;
    [Inject] private Monitor.Web.Security.CircuitAccess Access { get; set; } = default!;

    protected override void OnInitialized()
    {
        _refresh = new RefreshThrottle(TimeSpan.FromSeconds(1), () => InvokeAsync(ReloadAsync), Time);
        _subscription = Events.Subscribe(e =>
        {
            // Progress within a run does not change a row; its start and end do.
            if (e.Kind != MonitoringEventKind.PageCompleted)
            {
                _refresh.Request();
            }

            return Task.CompletedTask;
        });
    }

    protected override async Task OnInitializedAsync() => _canManage = await Access.CanEditAsync();

    public void Dispose()
    {
        _subscription?.Dispose();
        _refresh?.Dispose();
    }

    private async Task<GridData<ProfileListItem>> LoadAsync(GridState<ProfileListItem> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new ProfileListQuery(_search, GridSort.ColumnName(sort?.SortBy), sort?.Descending ?? false, state.Page + 1, state.PageSize);
        if (query.Problems().Count > 0)
        {
            // The search box already shows why (OnSearchChangedAsync); the API would answer this with a 400.
            return new GridData<ProfileListItem> { Items = [], TotalItems = 0 };
        }

        try
        {
            var page = await Profiles.ListAsync(query, cancellationToken);
            (_loaded, _loadProblem) = (true, null);
            return new GridData<ProfileListItem> { Items = page.Items, TotalItems = page.TotalCount };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _loadProblem = $"Could not load the profiles: {UserMessage.Of(ex)}";
            Snackbar.Add(_loadProblem, Severity.Error);
            return new GridData<ProfileListItem> { Items = [], TotalItems = 0 };
        }
    }

    private Task ReloadAsync() => Snackbar.TryAsync("Could not refresh the list", async () =>
    {
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    });

    private async Task OnSearchChangedAsync(string? value)
    {
        _search = value;
        _searchError = new ProfileListQuery(value).Problems().GetValueOrDefault("search")?.FirstOrDefault();
        await ReloadAsync();
    }

    private async Task OpenAddDialogAsync()
    {
        if (!await Snackbar.TryAsync("Could not add profiles", Access.DemandEditorAsync))
        {
            return;
        }

        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<AddProfileDialog>("Add profiles", options);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private async Task ToggleAsync(ProfileDto profile, bool enabled)
    {
        await Snackbar.TryAsync($"Could not change monitoring for @{profile.Handle}", async () =>
        {
            await Access.DemandEditorAsync();
            var result = await Monitoring.SetMonitoringAsync(profile.Id, enabled, CancellationToken.None);
            if (result is null)
            {
                Snackbar.Add($"@{profile.Handle} no longer exists", Severity.Warning);
            }
            else
            {
                var cost = result.Enabled && await CreditUsage.EstimateAsync(profile.Id, CancellationToken.None) is { } estimate
                    ? $": about {estimate.CreditsPerMonth:N0} credits a month ({estimate.Currency}{estimate.MoneyPerMonth:0.00})"
                    : "";
                Snackbar.Add($"Monitoring {(result.Enabled ? "enabled" : "disabled")} for @{profile.Handle}{cost}", result.Enabled ? Severity.Success : Severity.Info);
            }
        });

        await ReloadAsync();
    }

    private void OnSelectionChanged(HashSet<ProfileListItem> selected) => _selected = selected;

    /// <summary>Update Now for every selected profile, in one batch (one insert of the runs, one scheduling write).</summary>
    private async Task UpdateSelectedAsync()
    {
        _queueing = true;
        try
        {
            await Snackbar.TryAsync("Could not queue the updates", async () =>
            {
                await Access.DemandEditorAsync();
                var result = await Monitoring.QueueUpdatesAsync([.. _selected.Select(i => i.Profile.Id)], CancellationToken.None);
                var already = result.Runs.Count - result.Created;
                Snackbar.Add($"Update queued for {result.Created} profile(s)"
                    + (already > 0 ? $"; {already} already had a run queued or running" : "")
                    + (result.NotFound.Count > 0 ? $"; {result.NotFound.Count} no longer exist" : ""), Severity.Success);
                _selected = [];
            });
        }
        finally
        {
            _queueing = false;
        }

        await ReloadAsync();
    }

    private async Task DeleteAsync(ProfileDto profile)
    {
        if (!await Snackbar.TryAsync($"Could not delete @{profile.Handle}", Access.DemandEditorAsync))
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Delete @{profile.Handle}?",
            "Its posts, their history and its run logs are deleted with it. This cannot be undone.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await Snackbar.TryAsync($"Could not delete @{profile.Handle}", async () =>
        {
            await Access.DemandEditorAsync();
            var deleted = await Profiles.DeleteAsync(profile.Id, CancellationToken.None);
            Snackbar.Add(deleted ? $"Deleted @{profile.Handle}" : $"@{profile.Handle} was already deleted", Severity.Info);
        });

        await ReloadAsync();
    }
}
