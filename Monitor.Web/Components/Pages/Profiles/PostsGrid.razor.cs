using Microsoft.AspNetCore.Components;
using Monitor.Core.Catalog;
using Monitor.Core.Insights.Engagement;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Web.Components.Feedback;
using Monitor.Web.Components.Grids;
using Monitor.Web.Components.Rendering;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Profiles;

/// <summary>
/// A profile's posts, paged and sorted by the database (fast at 10,000 posts), with the change since the previous snapshot.
/// The first page is read while the grid initialises, so it is part of the prerendered HTML; it is handed to the circuit
/// (<see cref="LastPage"/>, persisted), which shows it without reading it again.
/// </summary>
public sealed partial class PostsGrid
{
    /// <summary>The newest two snapshots give the change since the previous run.</summary>
    public const int HistoryDepth = 2;

    private PrerenderedDataGrid<PostDto>? _grid;
    private PostFilter _filter = PostFilter.None;

    // How many more identical requests LastPage answers: restored from the prerender, the grid's request while it
    // initialises and the one after its first render; read in this circuit, the one after the first render.
    private int _answersLeft;

    [Parameter, EditorRequired] public Guid ProfileId { get; set; }

    /// <summary>The page last read, persisted from the prerender to the circuit; dropped once used, or by <see cref="ReloadAsync"/>.</summary>
    [PersistentState] public PostsFirstPage? LastPage { get; set; }

    [Inject] private PostQueries Posts { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override void OnInitialized() => _answersLeft = LastPage is null ? 0 : 2;

    public Task ReloadAsync()
    {
        LastPage = null;
        _answersLeft = 0;
        return _grid?.ReloadServerData() ?? Task.CompletedTask;
    }

    private async Task<GridData<PostDto>> LoadAsync(GridState<PostDto> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new PostListQuery(state.Page + 1, state.PageSize, HistoryDepth, GridSort.ColumnName(sort?.SortBy), sort?.Descending ?? true, _filter);
        try
        {
            if (LastPage is { } last && _answersLeft > 0 && last.ProfileId == ProfileId && last.Query == query)
            {
                if (--_answersLeft == 0 && RendererInfo.IsInteractive)
                {
                    LastPage = null;
                }

                return new GridData<PostDto> { Items = last.Items, TotalItems = last.TotalCount };
            }

            var page = await Posts.ListAsync(ProfileId, query, cancellationToken);
            LastPage = page is null ? null : new PostsFirstPage(ProfileId, query, page.Items, page.TotalCount);
            if (!RendererInfo.IsInteractive)
            {
                LastPage = PrerenderedState.IfSmall(LastPage);
            }

            _answersLeft = 1;
            return page is null
                ? new GridData<PostDto> { Items = [], TotalItems = 0 }
                : new GridData<PostDto> { Items = page.Items, TotalItems = page.TotalCount };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Snackbar.Add($"Could not load the posts: {UserMessage.Of(ex)}", Severity.Error);
            return new GridData<PostDto> { Items = [], TotalItems = 0 };
        }
    }

    /// <summary>Shows the posts matching <paramref name="filter"/> (a hashtag or a sound picked elsewhere on the page).</summary>
    public async Task FilterAsync(PostFilter filter)
    {
        await ApplyFilterAsync(filter);

        // Called from outside the grid's own events: the filter bar shows the new filter only on a render of the grid.
        StateHasChanged();
    }

    private async Task ApplyFilterAsync(PostFilter filter)
    {
        _filter = filter;
        if (_grid is null)
        {
            return;
        }

        // A narrower list may not reach the page shown: start again from its first page.
        if (_grid.CurrentPage > 0)
        {
            _grid.NavigateTo(Page.First);
        }
        else
        {
            await _grid.ReloadServerData();
        }
    }

    private Task FilterByHashtagAsync(string tag) => ApplyFilterAsync(_filter with { Hashtag = tag });

    private Task FilterBySoundAsync(string soundId) => ApplyFilterAsync(_filter with { SoundId = soundId });

    /// <summary>Every rate known for the post, each with its formula.</summary>
    private static string RateTooltip(PostDto post) => string.Join("; ", EngagementRateDefinition.All
        .Where(d => post.EngagementRates[d] is not null)
        .Select(d => $"{d.Formula} = {Insights.RateFormat.Percent(post.EngagementRates[d])}")) is { Length: > 0 } text ? text : "Unknown: a counter is missing or the post has no views";

    private static long? Change(PostDto post, Func<MetricsSnapshotDto, long?> metric) =>
        post.MetricsHistory is [var newest, var previous, ..] && metric(newest) is { } now && metric(previous) is { } before ? now - before : null;

    private async Task OpenChartAsync(DataGridRowClickEventArgs<PostDto> args)
    {
        try
        {
            var parameters = new DialogParameters<PostChartDialog> { { d => d.Post, args.Item } };
            var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true };
            await Dialogs.ShowAsync<PostChartDialog>("Post history", parameters, options);
        }
#pragma warning disable CA1031 // Shown to the user; the circuit lives on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Snackbar.Add($"Could not open the post: {UserMessage.Of(ex)}", Severity.Error);
        }
    }
}
