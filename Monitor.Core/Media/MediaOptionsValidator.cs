using Microsoft.Extensions.Options;

namespace Monitor.Core.Media;

internal sealed class MediaOptionsValidator : IValidateOptions<MediaOptions>
{
    public ValidateOptionsResult Validate(string? name, MediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxBytes is < 1024 or > MediaOptions.MaxBytesLimit)
        {
            failures.Add($"Media:MaxBytes must be between 1024 and {MediaOptions.MaxBytesLimit} (was {options.MaxBytes}).");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Media:Timeout must be positive and at most 00:05:00 (was {options.Timeout}).");
        }

        if (options.Concurrency is < 1 or > MediaOptions.ConcurrencyLimit)
        {
            failures.Add($"Media:Concurrency must be between 1 and {MediaOptions.ConcurrencyLimit} (was {options.Concurrency}).");
        }

        if (options.Interval < TimeSpan.FromSeconds(1) || options.Interval > TimeSpan.FromDays(1))
        {
            failures.Add($"Media:Interval must be between 00:00:01 and 1.00:00:00 (was {options.Interval}).");
        }

        if (options.MaxAttempts is < 1 or > 20)
        {
            failures.Add($"Media:MaxAttempts must be between 1 and 20 (was {options.MaxAttempts}).");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromDays(1))
        {
            failures.Add($"Media:RetryDelay must be between 00:00:00 and 1.00:00:00 (was {options.RetryDelay}).");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"Media:BatchSize must be between 1 and 10000 (was {options.BatchSize}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
