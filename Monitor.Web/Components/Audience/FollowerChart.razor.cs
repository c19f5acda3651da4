using Microsoft.AspNetCore.Components;
using Monitor.Core.Audience;
using Monitor.Core.Catalog;
using Monitor.Core.Changes;
using Monitor.Core.Common;
using Monitor.Core.Statistics;
using Monitor.Web.Components.Charts;
using Monitor.Web.Components.Feedback;
using Monitor.Web.Components.Formatting;
using Monitor.Web.Components.Pages.Changes;
using Monitor.Web.Components.Time;
using MudBlazor;

namespace Monitor.Web.Components.Audience;

/// <summary>
/// Followers over time, one point per snapshot (<see cref="AccountHistoryQueries"/>), or their growth per day of the
/// reporting zone (<see cref="DailyChanges"/>, days in <c>Monitoring:TimeZone</c>), like the profile's other charts; with
/// the change log's markers (milestones crossed, notes such as "paid boost") on the line.
/// </summary>
public sealed partial class FollowerChart
{
    private readonly TimeSeriesChartOptions _options = new()
    {
        TimeLabelFormat = "MM-dd",
        TooltipTimeLabelFormat = "yyyy-MM-dd HH:mm",
        ShowDataMarkers = true,
        YAxisToStringFunc = v => DisplayFormat.Compact((long)v),
        ShowLegend = false,
    };

    private IReadOnlyList<AccountSnapshotDto>? _points;
    private List<ChartSeries<double>> _series = [];
    private IReadOnlyList<ChangeEntry> _changes = [];
    private IReadOnlyList<ChartMarker> _markers = [];
    private IReadOnlyList<DailyChange> _daily = [];
    private ChartMode _mode = ChartMode.RunningTotal;
    private int _days = 30;

    [Parameter, EditorRequired] public Guid ProfileId { get; set; }

    [CascadingParameter] public UserTimeZone? Zone { get; set; }

    [Inject] private AccountHistoryQueries History { get; set; } = default!;
    [Inject] private ChangeFeedService Changes { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ReportingTimeZone ReportingZone { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnParametersSetAsync() => ReloadAsync();

    public async Task ReloadAsync()
    {
        try
        {
            // A day more for daily changes: the first day of the range counts from the day before.
            DateTime? since = _days == 0 ? null : Time.GetUtcNow().UtcDateTime.AddDays(-_days - (_mode == ChartMode.DailyChange ? 1 : 0));
            var rows = await History.HistoryAsync(ProfileId, since, null, CancellationToken.None) ?? [];
            _points = [.. rows.Where(r => r.FollowerCount is not null)];
            _changes = await Changes.MarkersAsync(ProfileId, since, CancellationToken.None);
            BuildSeries();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _points ??= [];
            Snackbar.Add($"Could not load the follower chart: {UserMessage.Of(ex)}", Severity.Error);
        }

        StateHasChanged();
    }

    private Task OnModeChangedAsync(ChartMode mode)
    {
        _mode = mode;
        return ReloadAsync();
    }

    private Task OnRangeChangedAsync(int days)
    {
        _days = days;
        return ReloadAsync();
    }

    private void BuildSeries()
    {
        var zone = Zone ?? UserTimeZone.Utc;
        var data = (_points ?? []).Select(p => (At: zone.ToLocal(p.RecordedAt), Value: (double)p.FollowerCount!.Value)).ToList();
        var narrow = data.Count > 1 && data.Max(d => d.Value) - data.Min(d => d.Value) < data.Max(d => d.Value) * 0.05;
        _options.YAxisToStringFunc = narrow ? v => DisplayFormat.Exact((long)v) : v => DisplayFormat.Compact((long)v);
        var sameDays = data.Count > 1 && data[^1].At - data[0].At < TimeSpan.FromDays(2);
        _options.TimeLabelFormat = sameDays ? "MM-dd HH:mm" : "MM-dd";
        // MudBlazor labels every 5 minutes by default: a month of points would print thousands of labels on top of each other.
        var span = data.Count > 1 ? data[^1].At - data[0].At : TimeSpan.Zero;
        _options.TimeLabelSpacing = sameDays ? TimeSpan.FromHours(6) : TimeSpan.FromDays(Math.Max(1, Math.Ceiling(span.TotalDays / 8)));
        _markers = ChartMarkers.Place(_changes, data, zone);
        _series = [new ChartSeries<double> { Name = "Followers", Data = data }, .. _markers.Select(ChartMarkers.Series)];
        _options.ChartPalette = [ChartSegments.LineColour, .. _markers.Select(m => m.Colour)];
        _daily = DailyChanges.Compute((_points ?? []).Select(p => (p.RecordedAt, p.FollowerCount)), ReportingZone);
    }
}
