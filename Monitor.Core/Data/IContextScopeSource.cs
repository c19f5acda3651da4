namespace Monitor.Core.Data;

/// <summary>The workspaces the code running now may see; null when it may see everything (background work, instance admin).</summary>
public interface IContextScopeSource
{
    IReadOnlyCollection<Guid>? CurrentRestriction { get; }
}
