namespace Monitor.Core.Changes;

/// <summary>The sizes of the change feed's columns and inputs, used by the configurations and the validators alike.</summary>
public static class ChangeLimits
{
    public const int KindLength = 32;

    /// <summary>A note is a line or two ("paid boost on the 14th"), not a document.</summary>
    public const int AnnotationTextLength = 500;

    public const int AuthorLength = 256;

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Plausible note dates: the same bounds as a post's posting time.</summary>
    public static readonly DateTime MinDate = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime MaxDate = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}
