using Monitor.Core.Workspaces;

namespace Monitor.Web.Workspaces;

/// <summary>
/// Which profiles this circuit's workspaces hold, kept between events: read again when the scope changes, when an event
/// names a profile not in the set (it may have just been linked; at most once a <see cref="MissRereadInterval"/>), and
/// once the set is older than <see cref="MaxAge"/> (a profile unlinked on another node stops reaching the circuit then).
/// </summary>
public sealed class CircuitProfileVisibility(WorkspaceScope scope, WorkspaceService workspaces, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MissRereadInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private Snapshot? _snapshot;

    public async ValueTask<bool> CanSeeAsync(Guid profileId, CancellationToken cancellationToken)
    {
        if (scope.IsUnrestricted)
        {
            return true;
        }

        var snapshot = _snapshot;
        if (snapshot is null || snapshot.Version != scope.Changed || Age(snapshot) >= MaxAge)
        {
            snapshot = await ReadAsync(snapshot, cancellationToken);
        }
        else if (!snapshot.Ids.Contains(profileId) && Age(snapshot) >= MissRereadInterval)
        {
            snapshot = await ReadAsync(snapshot, cancellationToken);
        }

        return snapshot.Ids.Contains(profileId);
    }

    /// <summary>Forget the set: the next event reads it again (a profile was just linked or unlinked in this circuit).</summary>
    public void Invalidate() => _snapshot = null;

    public void Dispose() => _reading.Dispose();

    private TimeSpan Age(Snapshot snapshot) => time.GetElapsedTime(snapshot.ReadAt);

    private async Task<Snapshot> ReadAsync(Snapshot? seen, CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            // Another subscriber of this circuit may have read it while this one waited.
            if (_snapshot is { } current && !ReferenceEquals(current, seen) && current.Version == scope.Changed)
            {
                return current;
            }

            var version = scope.Changed;
            var readAt = time.GetTimestamp();
            var ids = await workspaces.VisibleProfileIdsAsync(scope, cancellationToken);
            var snapshot = new Snapshot(ids, version, readAt);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _reading.Release();
        }
    }

    private sealed record Snapshot(IReadOnlySet<Guid> Ids, int Version, long ReadAt);
}
