using Monitor.Core.Changes;
using Monitor.Core.Common;

namespace Monitor.Web.Components.Pages.Changes;

/// <summary>How a change-feed entry reads and looks, the same in the tab and on the charts.</summary>
public static class ChangeText
{
    /// <summary>One line: what changed, with its old and new values where they say something.</summary>
    public static string Summary(ChangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind switch
        {
            ChangeKinds.Annotation => entry.NewValue ?? string.Empty,
            ChangeKinds.CaptionEdited => $"“{entry.OldValue}” → “{entry.NewValue}”",
            ChangeKinds.HandleChanged => $"@{entry.OldValue} → @{entry.NewValue}",
            ChangeKinds.NicknameChanged or ChangeKinds.BioChanged or ChangeKinds.AccountStateChanged => $"{entry.OldValue} → {entry.NewValue}",
            ChangeKinds.AvatarChanged => "New profile picture",
            ChangeKinds.PostUnseen => "Missing from several full scans in a row",
            ChangeKinds.PostSeenAgain => "Back in the feed",
            _ => entry.Detail ?? string.Empty,
        };
    }

    /// <summary>The marker's tooltip on a chart: the kind and what it says, short.</summary>
    public static string MarkerTitle(ChangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var what = entry.Kind is ChangeKinds.CaptionEdited or ChangeKinds.Breakout ? entry.CaptionExcerpt ?? entry.PostAwemeId : Summary(entry);
        var text = string.IsNullOrEmpty(what) ? entry.Label : $"{entry.Label}: {what}";
        // The chart's tooltip treats {{...}} as its own tags.
        return Shorten(text.Replace("{{", "{ {", StringComparison.Ordinal), 90);
    }

    public static string Colour(string kind) => kind switch
    {
        ChangeKinds.Annotation => "#F57C00",
        ChangeKinds.CaptionEdited => "#00897B",
        ChangeKinds.Breakout => "#D81B60",
        ChangeKinds.FollowerMilestone => "#3949AB",
        ChangeKinds.RunFailed or ChangeKinds.RunSuspect or ChangeKinds.AccountStateChanged => "#E53935",
        _ => "#757575",
    };

    private static string Shorten(string text, int length) => FieldLimits.Cut(text, length, marked: true);
}
