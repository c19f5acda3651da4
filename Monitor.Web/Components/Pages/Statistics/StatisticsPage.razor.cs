using System.Globalization;
using Microsoft.AspNetCore.Components;
using Monitor.Core.Runs;
using Monitor.Core.Statistics;
using Monitor.Web.Components.Feedback;
using Monitor.Web.Components.Formatting;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Statistics;

/// <summary>The seed's "dashboard for monitoring statistics": the same figures as <c>GET /api/monitoring/statistics</c>.</summary>
public sealed partial class StatisticsPage
{
    private MonitoringStatistics? _stats;
    private int _days = 30;
    private List<ChartSeries<double>> _runSeries = [];
    private string[] _labels = [];

    [Inject] private MonitoringStatisticsQuery Statistics { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task OnPeriodChangedAsync(int days)
    {
        _days = days;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _stats = await Statistics.GetAsync(_days, CancellationToken.None);
            _labels = [.. _stats.PerDay.Select((d, i) => i % LabelEvery(_stats.PerDay.Count) == 0 ? d.Date.ToString("MM-dd", CultureInfo.InvariantCulture) : "")];
            _runSeries =
            [
                new() { Name = "Completed", Data = _stats.PerDay.Select(d => (double)d.Completed).ToArray() },
                new() { Name = "Failed", Data = _stats.PerDay.Select(d => (double)d.Failed).ToArray() },
                new() { Name = "Interrupted", Data = _stats.PerDay.Select(d => (double)d.Interrupted).ToArray() },
            ];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Snackbar.Add($"Could not load the statistics: {UserMessage.Of(ex)}", Severity.Error);
        }
    }

    // Enough labels to read the axis, few enough not to overlap on 90 days.
    private static int LabelEvery(int days) => Math.Max(1, days / 15);

    private IEnumerable<(string Key, string Label, string Value)> Cards()
    {
        var s = _stats!;
        yield return ("runs", "Runs", DisplayFormat.Exact(s.Runs));
        yield return ("success-rate", "Success rate", s.SuccessRate is { } rate ? rate.ToString("P1", CultureInfo.InvariantCulture) : "–");
        yield return ("median-duration", "Median run", Seconds(s.MedianDurationSeconds));
        yield return ("p95-duration", "95th percentile run", Seconds(s.P95DurationSeconds));
        yield return ("requests", "Requests (credits)", DisplayFormat.Exact(s.Requests));
        yield return ("requests-per-day", "Requests per day", DisplayFormat.Exact(s.Requests / Math.Max(1, s.Days)));
        yield return ("profiles-monitored", "Profiles monitored", $"{DisplayFormat.Exact(s.ProfilesMonitored)} of {DisplayFormat.Exact(s.ProfilesTotal)}");
        yield return ("posts", s.PostsTrackedEstimated ? "Posts tracked (estimate)" : "Posts tracked",
            (s.PostsTrackedEstimated ? "≈ " : "") + DisplayFormat.Exact(s.PostsTracked));
        yield return ("history-rows", s.HistoryRowsEstimated ? "History rows (estimate)" : "History rows",
            (s.HistoryRowsEstimated ? "≈ " : "") + DisplayFormat.Exact(s.HistoryRows));
        yield return ("failed", "Failed runs", DisplayFormat.Exact(s.Failed));
    }

    internal static string Seconds(double? seconds) => DisplayFormat.Duration(seconds is { } s ? TimeSpan.FromSeconds(s) : null);
}
