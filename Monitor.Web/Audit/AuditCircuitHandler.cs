using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Monitor.Core.Audit;

namespace Monitor.Web.Audit;

/// <summary>
/// A circuit's changes are made by its signed-in user, from the address that opened its connection: the address is
/// taken when the connection comes up (the only moment the connection's request is at hand), and every inbound
/// activity (an event, a dialog's submit) runs with that actor set for the audit log.
/// </summary>
internal sealed class AuditCircuitHandler(AuthenticationStateProvider authentication, IHttpContextAccessor http) : CircuitHandler
{
    private string? _source;

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (http.HttpContext is { } context)
        {
            _source = WebAuditActorSource.SourceOf(context);
        }

        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var state = await authentication.GetAuthenticationStateAsync();
            WebAuditActorSource.SetCircuitActor(WebAuditActorSource.FromUser(state.User, _source));
            await next(context);
        };
}
