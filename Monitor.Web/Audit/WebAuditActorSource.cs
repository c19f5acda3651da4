using System.Security.Claims;
using Monitor.Core.Audit;
using Monitor.Web.Security;

namespace Monitor.Web.Audit;

/// <summary>
/// Who is acting, for the audit log: inside a circuit's event the circuit's signed-in user (set by
/// <see cref="AuditCircuitHandler"/>), else the request's API key or signed-in user, else the system (jobs).
/// </summary>
internal sealed class WebAuditActorSource(IHttpContextAccessor http) : IAuditActorSource
{
    private static readonly AsyncLocal<AuditActor?> CircuitActor = new();

    public AuditActor Current => CircuitActor.Value ?? FromRequest(http.HttpContext) ?? AuditActor.System;

    /// <summary>Sets the circuit's actor for the inbound activity running on this async flow.</summary>
    internal static void SetCircuitActor(AuditActor? actor) => CircuitActor.Value = actor;

    internal static AuditActor? FromRequest(HttpContext? context)
    {
        if (context is null)
        {
            return null;
        }

        var source = SourceOf(context);
        if (context.GetApiKey() is { } key)
        {
            return AuditActor.ApiKey(key.Id, key.Name, source);
        }

        return FromUser(context.User, source);
    }

    internal static AuditActor FromUser(ClaimsPrincipal? user, string? source) =>
        user?.Identity is { IsAuthenticated: true } identity
            ? AuditActor.User(user.FindFirstValue(ClaimTypes.NameIdentifier), identity.Name ?? "(no name)", source)
            : AuditActor.User(null, "(not signed in)", source);

    /// <summary>The client's address; behind a proxy, after the forwarded-headers middleware has replaced it.</summary>
    internal static string? SourceOf(HttpContext context) => context.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : null;
}
