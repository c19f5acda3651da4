namespace Monitor.Core.Posts;

/// <summary>
/// A run's page writes on one open connection with statements prepared once: each page's posts, their history rows and
/// the run's progress and heartbeat (conditional on the claim) commit together.
/// </summary>
public interface IPageWriteSession : IAsyncDisposable
{
    /// <returns>The posts written for the profile, or null when the run is no longer this claim's: nothing was written.</returns>
    /// <exception cref="Profiles.ProfileDeletedException">The profile no longer exists.</exception>
    Task<int?> WriteAsync(PageWrite page, CancellationToken cancellationToken);
}
