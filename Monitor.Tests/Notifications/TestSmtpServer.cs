using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using Monitor.Tests.Infrastructure;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Monitor.Tests.Notifications;

/// <summary>
/// A real SMTP server (the SmtpServer library) on 127.0.0.1 at a free port, keeping what it receives. With
/// <see cref="Refuse"/> it answers every message with a 554, as a broken mail server would; with a user and password
/// it requires that login (over plain text, as a test allows).
/// </summary>
public sealed class TestSmtpServer : IMessageStore, IUserAuthenticator, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly string? _user;
    private readonly string? _password;
    private Task _running = Task.CompletedTask;

    private TestSmtpServer(int port, string? user, string? password)
    {
        Port = port;
        _user = user;
        _password = password;
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>The envelope's recipients (RCPT TO) of each received message: BCC addresses appear only here.</summary>
    public ConcurrentDictionary<MimeMessage, IReadOnlyList<string>> EnvelopeRecipients { get; } = new();

    public bool Refuse { get; set; }

    public static async Task<TestSmtpServer> StartAsync(string? user = null, string? password = null)
    {
        var server = new TestSmtpServer(FreePort.Next(), user, password);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, server.Port)).AllowUnsecureAuthentication(true).AuthenticationRequired(user is not null))
            .Build();
        var services = new ServiceProvider();
        services.Add((IMessageStore)server);
        services.Add((IUserAuthenticator)server);
        server._running = new SmtpServer.SmtpServer(options, services).StartAsync(server._stop.Token);
        await server.WaitUntilListeningAsync();
        return server;
    }

    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool>? match = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Messages.FirstOrDefault(m => match?.Invoke(m) ?? true) is { } message)
            {
                return message;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No matching message reached the SMTP server in 30 s ({Messages.Count} received).");
    }

    public Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        if (Refuse)
        {
            return Task.FromResult(new SmtpResponse(SmtpReplyCode.TransactionFailed, "mailbox store is broken"));
        }

        using var stream = new MemoryStream(buffer.ToArray());
        var message = MimeMessage.Load(stream, cancellationToken);
        EnvelopeRecipients[message] = [.. transaction.To.Select(m => $"{m.User}@{m.Host}")];
        Messages.Enqueue(message);
        return Task.FromResult(SmtpResponse.Ok);
    }

    public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
        Task.FromResult(user == _user && password == _password);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }
}
