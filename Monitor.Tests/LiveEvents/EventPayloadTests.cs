using System.Text;
using Monitor.Core.LiveEvents;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;

namespace Monitor.Tests.LiveEvents;

public sealed class EventPayloadTests
{
    private static readonly MonitoringEvent Completed = new(
        MonitoringEventKind.Completed, Guid.NewGuid(), 42, MonitoringTrigger.Manual, 2, 3, 61, new DateTime(2026, 11, 27, 14, 0, 0, DateTimeKind.Utc),
        Totals: new ProfileTotals(61, new PostMetrics(1_000_000_000_000, 2, 3, 4, null)));

    [Fact]
    public void Serialize_SmallEvent_RoundTripsWithItsNode()
    {
        var node = Guid.NewGuid();

        var envelope = EventPayload.Deserialize(EventPayload.Serialize(node, Completed)!);

        Assert.NotNull(envelope);
        Assert.Equal(node, envelope.Node);
        Assert.Equal(Completed, envelope.Event);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("\"")]
    [InlineData("é")]
    [InlineData("😀")]
    public void Serialize_HugeError_CutToFitPostgresNotifyLimit(string unit)
    {
        var failed = Completed with { Kind = MonitoringEventKind.Failed, Error = string.Concat(Enumerable.Repeat(unit, 20_000)) };

        var payload = EventPayload.Serialize(Guid.NewGuid(), failed);

        Assert.NotNull(payload);
        Assert.InRange(Encoding.UTF8.GetByteCount(payload), 1000, EventPayload.MaxBytes);
        var error = EventPayload.Deserialize(payload)!.Event.Error!;
        Assert.StartsWith(unit + unit, error, StringComparison.Ordinal);
        Assert.EndsWith("…", error, StringComparison.Ordinal);
    }

    [Fact]
    public void IsFrom_TellsTheSendingNodeWithoutParsing()
    {
        var node = Guid.NewGuid();
        var payload = EventPayload.Serialize(node, Completed)!;

        Assert.True(EventPayload.IsFrom(node, payload));
        Assert.False(EventPayload.IsFrom(Guid.NewGuid(), payload));
        Assert.False(EventPayload.IsFrom(node, "{not json"));
    }

    [Fact]
    public void Deserialize_Garbage_IsIgnored() => Assert.Null(EventPayload.Deserialize("{not json"));
}
