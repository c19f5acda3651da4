using System.Globalization;
using System.Text.Json;

namespace Monitor.Core.Scraping;

/// <summary>
/// Reads the account routes' bodies. Their envelope is not documented: the usage list is read from <c>data</c> or a bare
/// array, numbers may come as strings, and rows without a usable date are skipped.
/// </summary>
internal static class AccountAnswers
{
    /// <returns>The balance, or null when the body has no <c>creditCount</c>.</returns>
    public static long? ParseBalance(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("creditCount", out var count) ? ReadLong(count) : null;
    }

    public static IReadOnlyList<ProviderUsageDay> ParseDailyUsage(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var rows = root.ValueKind == JsonValueKind.Array ? root
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array ? data
            : default;
        if (rows.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var days = new List<ProviderUsageDay>();
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind == JsonValueKind.Object
                && row.TryGetProperty("usage_date", out var date) && date.ValueKind == JsonValueKind.String
                && DateOnly.TryParse(date.GetString().AsSpan(0, Math.Min(10, date.GetString()!.Length)), CultureInfo.InvariantCulture, out var day))
            {
                var credits = row.TryGetProperty("total_credits", out var c) ? ReadLong(c) ?? 0 : 0;
                var requests = row.TryGetProperty("request_count", out var r) ? ReadLong(r) ?? 0 : 0;
                days.Add(new ProviderUsageDay(day, credits, requests));
            }
        }

        return days;
    }

    private static long? ReadLong(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.Number when value.TryGetDouble(out var d) => (long)d,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) => s,
        _ => null,
    };
}
