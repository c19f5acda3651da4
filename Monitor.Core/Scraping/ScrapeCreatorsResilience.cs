using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Monitor.Core.Scraping;

/// <summary>Maps <see cref="ScrapeCreatorsOptions"/> onto the standard resilience pipeline.</summary>
internal static class ScrapeCreatorsResilience
{
    public static void Apply(HttpStandardResilienceOptions resilience, ScrapeCreatorsOptions options, TimeProvider timeProvider)
    {
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;

        var retry = resilience.Retry;
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.UseJitter = true;
        retry.Delay = options.RetryBaseDelay;
        retry.MaxDelay = options.MaxRetryAfter > options.RetryBaseDelay ? options.MaxRetryAfter : options.RetryBaseDelay;
        // Polly needs at least one attempt configured; zero retries is expressed by never handling an outcome.
        retry.MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts);
        retry.ShouldRetryAfterHeader = false;
        retry.ShouldHandle = args => ValueTask.FromResult(
            options.MaxRetryAttempts > 0
            && !IsRetryAfterBeyondCap(args.Outcome.Result, options.MaxRetryAfter, timeProvider)
            && HttpClientResiliencePredicates.IsTransient(args.Outcome));
        retry.DelayGenerator = args => ValueTask.FromResult(
            GetRetryAfter(args.Outcome.Result, timeProvider) is { } wait && wait <= options.MaxRetryAfter ? wait : (TimeSpan?)null);

        var breaker = resilience.CircuitBreaker;
        breaker.FailureRatio = 0.5;
        breaker.MinimumThroughput = 10;
        breaker.BreakDuration = TimeSpan.FromSeconds(15);
        // The standard pipeline insists on a sampling window of at least two attempt timeouts.
        var minimumSampling = (options.AttemptTimeout * 2) + TimeSpan.FromSeconds(1);
        breaker.SamplingDuration = minimumSampling > TimeSpan.FromSeconds(30) ? minimumSampling : TimeSpan.FromSeconds(30);
    }

    public static TimeSpan? GetRetryAfter(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    // Waiting longer than the cap would outlive the run's budget: fail fast and let the caller re-queue.
    private static bool IsRetryAfterBeyondCap(HttpResponseMessage? response, TimeSpan cap, TimeProvider timeProvider) =>
        response?.StatusCode == HttpStatusCode.TooManyRequests && GetRetryAfter(response, timeProvider) > cap;
}
