using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Monitor.Web.Security;

/// <summary>
/// Behind a proxy, the client's address and scheme come from X-Forwarded-*; only the listed proxies (and loopback) are
/// believed, or any client could choose its own address and escape the per-IP limits.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static void Configure(ForwardedHeadersOptions forwarded, SecurityOptions options)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        foreach (var proxy in options.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in options.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
