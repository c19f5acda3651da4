using Microsoft.AspNetCore.Components;
using Monitor.Core.Catalog;
using Monitor.Core.Changes;
using Monitor.Core.Common;
using Monitor.Web.Components.Feedback;
using Monitor.Web.Components.Time;
using Monitor.Web.Security;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Changes;

/// <summary>The "Changes" tab of a profile: the feed (<see cref="ChangeFeedService"/>), a kind filter, and notes for admins.</summary>
public sealed partial class ChangesTab
{
    private const int PageSize = 50;

    private PagedResult<ChangeEntry>? _page;
    private IReadOnlyCollection<string> _kinds = [];
    private int _pageNumber = 1;

    [Parameter, EditorRequired] public Guid ProfileId { get; set; }

    /// <summary>Whether the user may add and delete notes (an admin); the service call checks again.</summary>
    [Parameter] public bool CanManage { get; set; }

    /// <summary>Raised after a note is added or deleted: the charts that mark notes reload.</summary>
    [Parameter] public EventCallback NotesChanged { get; set; }

    [CascadingParameter] public UserTimeZone? Zone { get; set; }

    [Inject] private ChangeFeedService Feed { get; set; } = default!;
    [Inject] private AnnotationService Annotations { get; set; } = default!;
    [Inject] private ReportingTimeZone Reporting { get; set; } = default!;
    [Inject] private CircuitAccess Access { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnParametersSetAsync() => ReloadAsync();

    public async Task ReloadAsync() => await Snackbar.TryAsync("Could not load the changes", async () =>
    {
        var kind = _kinds.Count == 0 ? null : string.Join(',', _kinds);
        _page = await Feed.ListAsync(ProfileId, new ChangeFeedQuery(Kind: kind, Page: _pageNumber, PageSize: PageSize), CancellationToken.None)
            ?? new PagedResult<ChangeEntry>([], 0, 1, PageSize);
        StateHasChanged();
    });

    private string When(ChangeEntry entry) =>
        entry.Day is { } day ? $"{day:yyyy-MM-dd} (day, {entry.DayTimeZone})" : (Zone ?? UserTimeZone.Utc).Format(entry.OccurredAt);

    private Task OnKindsChangedAsync(IEnumerable<string?>? kinds)
    {
        _kinds = [.. (kinds ?? []).OfType<string>()];
        _pageNumber = 1;
        return ReloadAsync();
    }

    private async Task OnNoteAddedAsync()
    {
        await ReloadAsync();
        await NotesChanged.InvokeAsync();
    }

    private Task OnPageChangedAsync(int page)
    {
        _pageNumber = page;
        return ReloadAsync();
    }

    private async Task DeleteAsync(long annotationId) => await Snackbar.TryAsync("Could not delete the note", async () =>
    {
        await Access.DemandEditorAsync();
        if (await Annotations.DeleteAsync(ProfileId, annotationId, CancellationToken.None))
        {
            Snackbar.Add("Note deleted", Severity.Success);
        }

        await ReloadAsync();
        await NotesChanged.InvokeAsync();
    });
}
