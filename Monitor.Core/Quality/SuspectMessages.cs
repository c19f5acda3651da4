using System.Globalization;

namespace Monitor.Core.Quality;

/// <summary>The display text of a suspect run, derived from its typed columns (never stored, never parsed back).</summary>
public static class SuspectMessages
{
    public static string Describe(SuspectReason reason, int observed, int baseline) => reason switch
    {
        SuspectReason.PostCountDrop => string.Create(CultureInfo.InvariantCulture,
            $"{observed:N0} posts where the previous full scan saw {baseline:N0}"),
        SuspectReason.EmptyFirstPage => string.Create(CultureInfo.InvariantCulture,
            $"the first page was empty, {baseline:N0} posts stored"),
        SuspectReason.CountersDropped => string.Create(CultureInfo.InvariantCulture,
            $"views fell for {observed:N0} of {baseline:N0} posts"),
        _ => reason.ToString(),
    };

    /// <summary>The chip text: "Suspect: …".</summary>
    public static string Chip(SuspectReason reason, int observed, int baseline) => "Suspect: " + Describe(reason, observed, baseline);
}
