namespace Monitor.Web.Security;

/// <summary>The <c>Security</c> section: sign-in, proxies, HTTPS and the limits at the doors.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Requests from 127.0.0.1 / ::1 act as an admin without signing in. Off by default; never behind a local proxy without forwarded headers.</summary>
    public bool AllowLoopbackWithoutSignIn { get; set; }

    /// <summary>Redirects HTTP to HTTPS and sends HSTS (outside Development).</summary>
    public bool RequireHttps { get; set; }

    /// <summary>The HTTPS port to redirect to; unset, it is found from the server's addresses or ASPNETCORE_HTTPS_PORT.</summary>
    public int? HttpsPort { get; set; }

    /// <summary>Honour X-Forwarded-For / -Proto / -Host from the proxies listed below (loopback is always trusted).</summary>
    public bool ForwardedHeaders { get; set; }

    public List<string> KnownProxies { get; set; } = [];

    /// <summary>CIDR ranges of trusted proxies, e.g. <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Origins besides the app's own that may open a circuit or post a form, e.g. <c>https://monitor.example.com</c>.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    public int SignInPermitLimit { get; set; } = 10;
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    public int LockoutAttempts { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    public int ApiPermitLimit { get; set; } = 600;
    public TimeSpan ApiWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Wrong or missing keys one client IP may send per window before it is answered 429.</summary>
    public int ApiKeyFailureLimit { get; set; } = 20;
    public TimeSpan ApiKeyFailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest /api request body; the bulk endpoint's 5,000 posts fit with room to spare.</summary>
    public long MaxApiBodyBytes { get; set; } = 16 * 1024 * 1024;
}
