namespace Monitor.Tests.Infrastructure;

/// <summary>
/// The app served on a real 127.0.0.1 port over its own SQLite database, shared by one browser test class.
/// Subclass and override <see cref="Settings"/> for a class that needs other configuration.
/// </summary>
public class LiveAppFixture : IAsyncLifetime
{
    /// <summary>The admin MONITOR_ADMIN_USER / MONITOR_ADMIN_PASSWORD create at start; browser tests sign in as this user.</summary>
    public const string AdminUser = "test-admin";
    public const string AdminPassword = "test-admin-password-1";

    private MonitorAppFactory? _factory;

    public SqliteDatabase Database { get; } = new();

    public MonitorAppFactory Factory => _factory ?? throw new InvalidOperationException("The app is not started.");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    protected virtual Dictionary<string, string?> Settings => [];

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var settings = new Dictionary<string, string?> { ["MONITOR_ADMIN_USER"] = AdminUser, ["MONITOR_ADMIN_PASSWORD"] = AdminPassword };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _factory = new MonitorAppFactory(Database, settings);
        BaseAddress = _factory.StartKestrel();
    }

    /// <summary>A fresh browser page, signed in through the sign-in form (as the admin unless told otherwise).</summary>
    public async Task<Microsoft.Playwright.IPage> NewSignedInPageAsync(BrowserFixture browser, string userName = AdminUser, string password = AdminPassword)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var page = await browser.NewPageAsync(BaseAddress);
        await BrowserFixture.SignInAsync(page, userName, password);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
