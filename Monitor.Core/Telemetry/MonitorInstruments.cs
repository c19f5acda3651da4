using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Monitor.Core.Telemetry;

/// <summary>
/// The app's one <see cref="Meter"/> ("Monitor") and every instrument on it. Labels take a few known values each
/// (outcome, reason, trigger, status class, endpoint, channel kind), never a profile, handle or post: per-post and
/// per-profile figures belong in the database, where their cardinality costs nothing.
/// </summary>
public sealed class MonitorInstruments
{
    public const string MeterName = "Monitor";

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _runDuration;
    private readonly Histogram<double> _pageDuration;
    private readonly Counter<long> _upstreamRequests;
    private readonly Histogram<double> _upstreamDuration;
    private readonly Counter<long> _creditsSpent;
    private readonly Counter<long> _notificationDeliveries;
    private readonly Counter<long> _eventBridgeReconnects;

    public MonitorInstruments(IMeterFactory meters, Lazy<ITelemetryStateSource> state)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(state);
        var meter = meters.Create(MeterName);
        _runs = meter.CreateCounter<long>("monitor.runs", "{run}", "Runs closed by this process, by outcome, failure reason and trigger");
        _runDuration = meter.CreateHistogram<double>("monitor.run.duration", "s", "Time from a run's claim to its close",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800] });
        _pageDuration = meter.CreateHistogram<double>("monitor.page.duration", "s", "Time to fetch one feed page and write its posts",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _upstreamRequests = meter.CreateCounter<long>("monitor.upstream.requests", "{request}", "ScrapeCreators requests (every attempt) by endpoint and status class");
        _upstreamDuration = meter.CreateHistogram<double>("monitor.upstream.duration", "s", "ScrapeCreators request latency (every attempt) by endpoint and status class",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _creditsSpent = meter.CreateCounter<long>("monitor.credits.spent", "{credit}", "Credits counted for upstream requests by this process");
        _notificationDeliveries = meter.CreateCounter<long>("monitor.notifications.deliveries", "{delivery}", "Notification delivery attempts by result");
        _eventBridgeReconnects = meter.CreateCounter<long>("monitor.events.reconnects", "{reconnect}", "Times the live-event listener lost its PostgreSQL connection and reconnected");

        meter.CreateObservableGauge("monitor.queue.depth", () => state.Value.Current().QueueDepth, "{run}",
            "Pending runs (state=due: may start now; state=scheduled: waiting for their time)");
        meter.CreateObservableGauge("monitor.queue.oldest_pending_age", () => state.Value.Current().OldestDueAge, "s",
            "How long the oldest due pending run has waited past its scheduled time (0 when none is due)");
        meter.CreateObservableGauge("monitor.credits.month", () => state.Value.Current().CreditsThisMonth, "{credit}",
            "Credits counted this month (in Monitoring:TimeZone), all processes");
        meter.CreateObservableGauge("monitor.credits.budget_used", () => state.Value.Current().BudgetUsed, "1",
            "This month's credits over the monthly budget (1 = budget reached); absent without a budget");
    }

    public void RunClosed(string outcome, string reason, string trigger, TimeSpan? duration)
    {
        var tags = new TagList { { "outcome", outcome }, { "reason", reason }, { "trigger", trigger } };
        _runs.Add(1, tags);
        if (duration is { } elapsed)
        {
            _runDuration.Record(elapsed.TotalSeconds, new TagList { { "outcome", outcome }, { "trigger", trigger } });
        }
    }

    public void PageDone(TimeSpan duration) => _pageDuration.Record(duration.TotalSeconds);

    public void UpstreamRequest(string endpoint, string statusClass, TimeSpan duration)
    {
        var tags = new TagList { { "endpoint", endpoint }, { "status_class", statusClass } };
        _upstreamRequests.Add(1, tags);
        _upstreamDuration.Record(duration.TotalSeconds, tags);
    }

    public void CreditsSpent(long credits) => _creditsSpent.Add(credits);

    /// <param name="result">sent, retry (failed, another attempt queued) or failed (given up).</param>
    public void NotificationDelivery(string result) => _notificationDeliveries.Add(1, new KeyValuePair<string, object?>("result", result));

    public void EventBridgeReconnect() => _eventBridgeReconnects.Add(1);
}
