using System.Net;
using System.Net.Http.Headers;

namespace Monitor.Core.Scraping.Simulation;

/// <summary>On the media cache's client when the simulator answers: serves <see cref="SimulatedMedia.Host"/>, passes every other host on.</summary>
public sealed class SimulatedMediaHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { } uri || !string.Equals(uri.Host, SimulatedMedia.Host, StringComparison.OrdinalIgnoreCase))
        {
            return base.SendAsync(request, cancellationToken);
        }

        var png = SimulatedMedia.Render(uri.AbsolutePath);
        var response = new HttpResponseMessage(png is null ? HttpStatusCode.NotFound : HttpStatusCode.OK) { RequestMessage = request };
        if (png is not null)
        {
            response.Content = new ByteArrayContent(png);
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        }

        return Task.FromResult(response);
    }
}
