namespace Monitor.Core.Notifications.Channels;

/// <summary>The channel as saved, or the problems (by field) that kept it from being saved.</summary>
public sealed record ChannelChange(ChannelView? Channel, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Saved => Channel is not null;
}
