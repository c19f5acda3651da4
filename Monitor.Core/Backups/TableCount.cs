namespace Monitor.Core.Backups;

/// <summary>One table's rows in the source and in the target of a move.</summary>
public sealed record TableCount(string Table, long Source, long Target)
{
    public bool Matches => Source == Target;
}
