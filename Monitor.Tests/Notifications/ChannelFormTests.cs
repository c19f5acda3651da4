using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Notifications;
using Monitor.Core.Notifications.Channels;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Pages.Notifications;

namespace Monitor.Tests.Notifications;

/// <summary>The channel form with real MudBlazor and the real services over SQLite.</summary>
public sealed class ChannelFormTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task NewEmailChannel_Filled_IsSavedWithItsPasswordProtected()
    {
        ChannelView? saved = null;
        var form = _context.Bunit.Render<ChannelForm>(p => p.Add(f => f.OnSaved, (ChannelView c) => saved = c));

        Type(form, "channel-name", "Ops mail");
        Type(form, "smtp-host", "smtp.example.com");
        Type(form, "smtp-port", "2525");
        Type(form, "smtp-user", "mailer");
        Type(form, "smtp-password", "form-secret-pass");
        Type(form, "smtp-from", "monitor@example.com");
        Type(form, "smtp-to", "ops@example.com, lead@example.com");
        form.Find("[data-testid=save-channel]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved), Deadline);
        Assert.Equal(["runFailed", "recovered"], saved!.Events);
        Assert.Equal(2525, saved.SmtpPort);
        Assert.True(saved.HasPassword);
        await using var db = await _context.ContextFactory.CreateDbContextAsync();
        var stored = await db.NotificationChannels.SingleAsync();
        Assert.Equal(["ops@example.com", "lead@example.com"], stored.ToAddresses);
        Assert.Equal("form-secret-pass", _context.Bunit.Services.GetRequiredService<NotificationSecrets>().Unprotect(stored.ProtectedSecret!));
    }

    [Fact]
    public async Task NewEmailChannel_WithoutHost_ShowsTheErrorAndSavesNothing()
    {
        var saved = false;
        var form = _context.Bunit.Render<ChannelForm>(p => p.Add(f => f.OnSaved, (ChannelView _) => saved = true));

        Type(form, "channel-name", "Ops mail");
        Type(form, "smtp-from", "monitor@example.com");
        Type(form, "smtp-to", "ops@example.com");
        form.Find("[data-testid=save-channel]").Click();

        form.WaitForAssertion(() => Assert.Contains(form.FindAll(".mud-input-error"), e => e.TextContent.Contains("smtpHost is required", StringComparison.Ordinal)), Deadline);
        Assert.False(saved);
        await using var db = await _context.ContextFactory.CreateDbContextAsync();
        Assert.False(await db.NotificationChannels.AnyAsync());
    }

    [Fact]
    public async Task EditChannel_PasswordLeftEmpty_KeepsTheStoredOne()
    {
        var channels = _context.Bunit.Services.GetRequiredService<ChannelService>();
        var created = (await channels.CreateAsync(new ChannelInput
        {
            Name = "Ops mail",
            Kind = "email",
            SmtpHost = "smtp.example.com",
            SmtpPassword = "kept-secret",
            From = "a@example.com",
            To = ["b@example.com"],
        }, CancellationToken.None)).Channel!;
        ChannelView? saved = null;
        var form = _context.Bunit.Render<ChannelForm>(p => p.Add(f => f.Channel, created).Add(f => f.OnSaved, (ChannelView c) => saved = c));

        Assert.Empty(form.Find("input[data-testid=smtp-password]").GetAttribute("value") ?? "");
        Assert.Contains("leave empty to keep it", form.Markup, StringComparison.Ordinal);
        Type(form, "channel-name", "Renamed");
        form.Find("[data-testid=save-channel]").Click();

        form.WaitForAssertion(() => Assert.Equal("Renamed", saved?.Name), Deadline);
        await using var db = await _context.ContextFactory.CreateDbContextAsync();
        var stored = await db.NotificationChannels.SingleAsync();
        Assert.Equal("kept-secret", _context.Bunit.Services.GetRequiredService<NotificationSecrets>().Unprotect(stored.ProtectedSecret!));
    }

    private static void Type(IRenderedComponent<ChannelForm> form, string testId, string value)
    {
        var input = form.Find($"input[data-testid={testId}]");
        try
        {
            input.Change(value);
        }
        catch (Bunit.MissingEventHandlerException)
        {
            input.Input(value);
        }
    }
}
