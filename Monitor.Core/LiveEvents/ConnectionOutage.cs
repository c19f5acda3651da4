using Microsoft.Extensions.Logging;

namespace Monitor.Core.LiveEvents;

/// <summary>
/// Logs a lost database connection once when it is lost and once when it is back, however many attempts fail in
/// between: an outage of a minute must not write a stack trace per second.
/// </summary>
internal sealed class ConnectionOutage(string what, ILogger logger, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _since;

    public bool IsOngoing
    {
        get
        {
            lock (_gate)
            {
                return _since is not null;
            }
        }
    }

    public void Failed(Exception ex)
    {
        lock (_gate)
        {
            if (_since is not null)
            {
                return;
            }

            _since = time.GetUtcNow();
        }

        logger.LogWarning("{What} paused: the database is unreachable ({Error}). Retrying in the background.", what, ex.GetBaseException().Message);
    }

    public void Succeeded()
    {
        DateTimeOffset since;
        lock (_gate)
        {
            if (_since is null)
            {
                return;
            }

            since = _since.Value;
            _since = null;
        }

        logger.LogInformation("{What} resumed after {Seconds:0.0} s", what, (time.GetUtcNow() - since).TotalSeconds);
    }
}
