namespace Monitor.Core.Notifications;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpTlsMode
{
    /// <summary>STARTTLS when the server offers it (MailKit's choice from the port).</summary>
    Auto,

    /// <summary>Plain text, never upgraded.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS (port 587); refused when the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Ssl,
}
