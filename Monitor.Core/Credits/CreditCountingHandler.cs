using Monitor.Core.Common;
namespace Monitor.Core.Credits;

/// <summary>
/// Counts every attempt of an upstream request (it sits inside the resilience pipeline, so each retry passes through)
/// and queues what it cost for the ledger: the envelope's <c>credits_charged</c> when the answer has one, else one credit.
/// The provider's account routes (balance, usage) are not counted.
/// </summary>
internal sealed class CreditCountingHandler(CreditLedgerQueue queue, ReportingTimeZone zone, TimeProvider time, Telemetry.MonitorInstruments instruments) : DelegatingHandler
{
    public const string AccountPathPrefix = "/v1/account/";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var endpoint = request.RequestUri?.AbsolutePath ?? "";
        if (endpoint.StartsWith(AccountPathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var attribution = CreditRunContext.Attribution;
        var at = time.GetUtcNow().UtcDateTime;
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch
        {
            // No answer (timeout, network): whether it was charged is unknown; count the one credit a request costs.
            Add(at, attribution, endpoint, 0, null, null);
            throw;
        }

        var status = (int)response.StatusCode;
        response.Content = new CountingContent(response.Content, scanner => Add(at, attribution, endpoint, status, scanner.Charged, scanner.Remaining));
        return response;
    }

    private void Add(DateTime at, CreditAttribution? attribution, string endpoint, int status, long? charged, long? remaining)
    {
        var credits = charged is { } value ? (int)Math.Min(value, int.MaxValue) : 1;
        var name = FieldLimits.Cut(endpoint, CreditLedgerEntryConfiguration.EndpointLength);
        instruments.CreditsSpent(credits);
        queue.Add(new CreditCharge(at, zone.DayOf(at), attribution, name, status, credits, remaining));
    }
}
