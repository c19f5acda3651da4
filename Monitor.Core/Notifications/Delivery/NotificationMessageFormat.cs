using System.Globalization;

namespace Monitor.Core.Notifications.Delivery;

/// <summary>The wording of each message: one subject line and a plain text that Slack, Discord and mail show as it is.</summary>
internal static class NotificationMessageFormat
{
    public static NotificationMessage RunFailed(Guid profileId, string handle, int failures, string? error) => new(
        NotificationKind.RunFailed, profileId, handle, $"@{handle}: monitoring failed",
        $"Monitoring of @{handle} failed after its last retry{(failures > 1 ? $" ({failures} runs in a row)" : "")}: {Sentence(error ?? "no reason given")} "
        + "No further failure of this profile is announced until it recovers.",
        NotificationMessage.ProfileUrl(handle));

    public static NotificationMessage Recovered(Guid profileId, string handle, int failures) => new(
        NotificationKind.Recovered, profileId, handle, $"@{handle}: monitoring recovered",
        $"Monitoring of @{handle} works again: a run completed after {Count(failures)} failed {(failures == 1 ? "run" : "runs")}.",
        NotificationMessage.ProfileUrl(handle));

    public static NotificationMessage Growth(Guid profileId, string handle, string? postUrl, long before, long after, TimeSpan elapsed) => new(
        NotificationKind.Growth, profileId, handle, $"@{handle}: a post gained {Count(after - before)} views",
        $"A post of @{handle} rose from {Count(before)} to {Count(after)} views (+{Count(after - before)}"
        + (before > 0 ? $", +{(after - before) * 100.0 / before:0.#} %" : "") + $") in {elapsed.TotalHours:0.#} h: {postUrl ?? "(no link)"}",
        postUrl ?? NotificationMessage.ProfileUrl(handle));

    public static NotificationMessage Breakout(Guid profileId, string handle, string? postUrl, long views, TimeSpan age, double median, double multiple) => new(
        NotificationKind.Breakout, profileId, handle, $"@{handle}: a breakout post",
        $"A post of @{handle} has {Count(views)} views at {age.TotalDays:0.#} days old: {views / median:0.#}× the profile's median "
        + $"({Count((long)median)}) at that age (alert at {multiple:0.##}×): {postUrl ?? "(no link)"}",
        postUrl ?? NotificationMessage.ProfileUrl(handle));

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The error as a sentence: one closing full stop, whether or not it already had one.</summary>
    private static string Sentence(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";
}
