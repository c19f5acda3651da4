using Microsoft.Extensions.Logging;

namespace Monitor.Core.Credits;

internal sealed class LoggingCreditAlertSink(ILogger<LoggingCreditAlertSink> logger) : ICreditAlertSink
{
    public Task SendAsync(CreditAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        logger.LogWarning("Credit alert {Kind}: {Message}", alert.Kind, alert.Message);
        return Task.CompletedTask;
    }
}
