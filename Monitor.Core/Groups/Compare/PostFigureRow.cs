namespace Monitor.Core.Groups.Compare;

/// <summary>A row of <see cref="CompareSql.PostFigures"/>.</summary>
internal sealed class PostFigureRow
{
    public Guid ProfileId { get; set; }
    public long Posts { get; set; }
    public double? MedianViews { get; set; }
    public long? BestPostId { get; set; }
}
