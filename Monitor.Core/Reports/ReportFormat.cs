using System.Globalization;
using Monitor.Core.Common;

namespace Monitor.Core.Reports;

/// <summary>How the PDF and the email write figures (invariant culture: the same report for every reader).</summary>
public static class ReportFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Value(double? value, ReportFigureFormat format) => value switch
    {
        null => "—",
        { } v when format == ReportFigureFormat.Percent => (v * 100).ToString("0.00", Culture) + "%",
        { } v => Math.Round(v).ToString("#,0", Culture),
    };

    /// <summary>"+1,234 (+12.5%)", "−0.40 pp" for a rate, "—" when either period is unknown.</summary>
    public static string Change(ReportFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (figure.Change is not { } change)
        {
            return "—";
        }

        var sign = change > 0 ? "+" : change < 0 ? "−" : "±";
        if (figure.Format == ReportFigureFormat.Percent)
        {
            return sign + Math.Abs(change * 100).ToString("0.00", Culture) + " pp";
        }

        var text = sign + Math.Round(Math.Abs(change)).ToString("#,0", Culture);
        return figure.ChangeRatio is { } ratio ? text + " (" + (ratio >= 0 ? "+" : "−") + Math.Abs(ratio * 100).ToString("0.0", Culture) + "%)" : text;
    }

    public static string Time(DateTime utc, string timeZone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Monitor.Core.Common.ReportingTimeZone.FromId(timeZone).Zone)
            .ToString("ddd d MMM HH:mm", Culture);

    /// <summary>"Weekly-client-report-2026-11-23.pdf": the name's letters and digits, then the period's first day.</summary>
    public static string FileName(string? reportName, DateOnly periodStart)
    {
        var safe = new string([.. (reportName ?? string.Empty).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return string.Create(Culture, $"{(safe.Length == 0 ? "report" : safe)}-{periodStart:yyyy-MM-dd}.pdf");
    }

    public static string Excerpt(string? text, int length)
    {
        var flat = (text ?? string.Empty).ReplaceLineEndings(" ").Trim();
        return FieldLimits.Cut(flat, length, marked: true);
    }
}
