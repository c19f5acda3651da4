namespace Monitor.Core.Runs;

/// <summary>How far a run got: pages written, distinct posts seen, upstream requests (credits) spent.</summary>
public sealed record RunProgress(int Pages, int Posts, int Requests, string? Note = null)
{
    public static readonly RunProgress None = new(0, 0, 0);
}
