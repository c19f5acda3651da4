using Microsoft.AspNetCore.Components;
using Monitor.Core.Catalog;
using Monitor.Core.Changes;
using Monitor.Core.Common;
using Monitor.Core.Profiles;
using Monitor.Core.Statistics;
using Monitor.Web.Components.Charts;
using Monitor.Web.Components.Feedback;
using Monitor.Web.Components.Formatting;
using Monitor.Web.Components.Pages.Changes;
using Monitor.Web.Components.Time;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Profiles;

/// <summary>
/// The profile's totals over time, one point per completed run (ProfileMetricsHistory, via ProfileHistoryQueries), or
/// their growth per day of the reporting zone (<see cref="DailyChanges"/>). The line breaks where runs failed or were
/// suspect (<see cref="ChartSegments"/>) instead of joining the points around them.
/// </summary>
public sealed partial class ProfileChart
{
    private readonly TimeSeriesChartOptions _options = new()
    {
        TimeLabelFormat = "MM-dd",
        TooltipTimeLabelFormat = "yyyy-MM-dd HH:mm",
        ShowDataMarkers = true,
        YAxisToStringFunc = v => DisplayFormat.Compact((long)v),
        ShowLegend = false,
    };

    private IReadOnlyList<ProfileTotalsSnapshot>? _points;
    private IReadOnlyList<DateTime> _gaps = [];
    private List<ChartSeries<double>> _series = [];
    private IReadOnlyList<DailyChange> _daily = [];
    private IReadOnlyList<ChangeEntry> _changes = [];
    private IReadOnlyList<ChartMarker> _markers = [];
    private ChartMode _mode = ChartMode.RunningTotal;
    private ChartMetric _metric = ChartMetric.ForProfile[0];
    private int _days = 30;

    [Parameter, EditorRequired] public Guid ProfileId { get; set; }

    [CascadingParameter] public UserTimeZone? Zone { get; set; }

    [Inject] private ProfileHistoryQueries History { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ChangeFeedService Changes { get; set; } = default!;
    [Inject] private ReportingTimeZone ReportingZone { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnParametersSetAsync() => ReloadAsync();

    public async Task ReloadAsync()
    {
        try
        {
            // A day more for daily changes: the first day of the range counts from the day before.
            DateTime? since = _days == 0 ? null : Time.GetUtcNow().UtcDateTime.AddDays(-_days - (_mode == ChartMode.DailyChange ? 1 : 0));
            _points = await History.TotalsSinceAsync(ProfileId, since, CancellationToken.None) ?? [];
            _gaps = await History.GapsSinceAsync(ProfileId, since, CancellationToken.None);
            _changes = await Changes.MarkersAsync(ProfileId, since, CancellationToken.None);
            BuildSeries();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _points ??= [];
            Snackbar.Add($"Could not load the chart: {UserMessage.Of(ex)}", Severity.Error);
        }

        StateHasChanged();
    }

    private Task OnMetricChangedAsync(ChartMetric metric)
    {
        _metric = metric;
        BuildSeries();
        return Task.CompletedTask;
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
        var data = (_points ?? []).Select(h => (RecordedAt: zone.ToLocal(h.RecordedAt), Value: (double)_metric.Value(h))).ToList();

        // Totals move little between runs: on a narrow range, shortened labels (28.9M, 28.9M, ...) would all read alike.
        var narrow = data.Count > 1 && data.Max(d => d.Item2) - data.Min(d => d.Item2) < data.Max(d => d.Item2) * 0.05;
        _options.YAxisToStringFunc = narrow ? v => DisplayFormat.Exact((long)v) : v => DisplayFormat.Compact((long)v);
        var sameDays = data.Count > 1 && data[^1].RecordedAt - data[0].RecordedAt < TimeSpan.FromDays(2);
        _options.TimeLabelFormat = sameDays ? "MM-dd HH:mm" : "MM-dd";
        _options.TimeLabelSpacing = TimeLabelSpacing.For(data.Count > 1 ? data[^1].RecordedAt - data[0].RecordedAt : TimeSpan.Zero);
        var name = $"Total {_metric.Name.ToLowerInvariant()}";
        var segments = ChartSegments.Split(data, [.. _gaps.Select(zone.ToLocal)]);
        _markers = ChartMarkers.Place(_changes, data, zone);
        _series = [.. segments.Select(segment => new ChartSeries<double> { Name = name, Data = segment }), .. _markers.Select(ChartMarkers.Series)];
        // One colour for every segment: they are one line with breaks. Each marker in its kind's colour.
        _options.ChartPalette = [.. segments.Select(_ => ChartSegments.LineColour), .. _markers.Select(m => m.Colour)];
        _daily = DailyChanges.Compute((_points ?? []).Select(h => (h.RecordedAt, (long?)_metric.Value(h))), ReportingZone);
    }
}
