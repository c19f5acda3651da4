using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Posts.History;

/// <summary>
/// The tiers of the post history (issue 20 item 1, docs/history-storage.md): every observation is kept for
/// <see cref="RawDays"/>, then one a post a day, and from <see cref="WeeklyAfterDays"/> on one a post a week.
/// </summary>
public sealed class HistoryOptions : IValidatableObject
{
    public const string SectionName = "History";

    /// <summary>False keeps every observation forever.</summary>
    public bool Compaction { get; set; } = true;

    [Range(1, 36_500)]
    public int RawDays { get; set; } = 90;

    [Range(1, 36_500)]
    public int WeeklyAfterDays { get; set; } = 365;

    /// <summary>PostgreSQL: monthly partitions created ahead of the current month (at start and daily).</summary>
    [Range(0, 24)]
    public int PartitionMonthsAhead { get; set; } = HistoryPartitions.MonthsAhead;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WeeklyAfterDays <= RawDays)
        {
            yield return new ValidationResult(
                $"History:WeeklyAfterDays ({WeeklyAfterDays}) must be greater than History:RawDays ({RawDays}).",
                [nameof(WeeklyAfterDays), nameof(RawDays)]);
        }
    }
}
