namespace Monitor.Core.Credits;

/// <summary>
/// Where credit alerts go. The default logs them (the banner shows the state anyway); the notification channels replace
/// it with a sink that sends them on (register yours before or instead of <see cref="LoggingCreditAlertSink"/>).
/// </summary>
public interface ICreditAlertSink
{
    Task SendAsync(CreditAlert alert, CancellationToken cancellationToken);
}
