namespace Monitor.Core.LiveEvents;

/// <summary>A run event as it travels between nodes: the node that published it, so that node can skip its own.</summary>
internal sealed record EventEnvelope(Guid Node, MonitoringEvent Event);
