using Microsoft.AspNetCore.Components.Server.Circuits;
using Monitor.Core.Audit;

namespace Monitor.Web.Audit;

public static class WebAuditServiceCollectionExtensions
{
    /// <summary>The web app tells the audit log who is acting: the request's key or user, or the circuit's user.</summary>
    public static IServiceCollection AddWebAuditActors(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<IAuditActorSource, WebAuditActorSource>();
        services.AddScoped<CircuitHandler, AuditCircuitHandler>();
        return services;
    }
}
