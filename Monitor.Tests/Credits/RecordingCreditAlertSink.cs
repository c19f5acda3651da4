using System.Collections.Concurrent;
using Monitor.Core.Credits;

namespace Monitor.Tests.Credits;

internal sealed class RecordingCreditAlertSink : ICreditAlertSink
{
    public ConcurrentQueue<CreditAlert> Alerts { get; } = new();

    public Task SendAsync(CreditAlert alert, CancellationToken cancellationToken)
    {
        Alerts.Enqueue(alert);
        return Task.CompletedTask;
    }
}
