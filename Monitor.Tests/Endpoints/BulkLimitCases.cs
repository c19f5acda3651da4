using Monitor.Core.Common;

namespace Monitor.Tests.Endpoints;

/// <summary>Each bulk field with a value at its limit and one just past it.</summary>
public static class BulkLimitCases
{
    public const string Id = "7000000000000000001";

    public static TheoryData<string, object, object> FieldsAtAndPastTheirLimit => new()
    {
        { "viewCount", FieldLimits.MaxCount, FieldLimits.MaxCount + 1 },
        { "likeCount", 0, -1 },
        { "saveCount", FieldLimits.MaxCount, long.MaxValue },
        { "awemeId", new string('7', FieldLimits.AwemeIdLength), new string('7', FieldLimits.AwemeIdLength + 1) },
        { "description", new string('d', FieldLimits.DescriptionLength), new string('d', FieldLimits.DescriptionLength + 1) },
        { "description", "tab\tand\nline breaks", "nul\0inside" },
        { "shareUrl", Url(FieldLimits.ShareUrlLength), Url(FieldLimits.ShareUrlLength + 1) },
        { "shareUrl", Url(100), Url(4096) },
        { "coverUrl", Url(FieldLimits.CoverUrlLength), Url(FieldLimits.CoverUrlLength + 1) },
        { "durationSeconds", FieldLimits.MaxDurationSeconds, FieldLimits.MaxDurationSeconds + 1 },
        { "durationSeconds", 0, -1 },
        { "postedAt", "2025-10-16T13:25:00Z", "2025-10-16T13:25:00" },
        { "postedAt", "2000-01-01T00:00:00Z", "1999-12-31T23:59:59Z" },
        { "postedAt", "2099-12-31T23:59:59+00:00", "2100-01-01T00:00:00Z" },
    };

    private static string Url(int length)
    {
        const string prefix = "https://www.tiktok.com/@limits.creator/video/";
        return prefix + new string('9', length - prefix.Length);
    }
}
