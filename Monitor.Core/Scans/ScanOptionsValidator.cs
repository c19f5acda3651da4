using Microsoft.Extensions.Options;

namespace Monitor.Core.Scans;

/// <summary>Refuses at start a ladder that could not keep its promises: rungs need an age and a period of an hour or more.</summary>
internal sealed class ScanOptionsValidator : IValidateOptions<ScanOptions>
{
    public ValidateOptionsResult Validate(string? name, ScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var step in options.Steps)
        {
            if (step.MaxAge <= TimeSpan.Zero)
            {
                failures.Add($"{ScanOptions.SectionName}:Steps: every step needs a MaxAge above zero (got {step.MaxAge}).");
            }

            if (step.Every < TimeSpan.FromHours(1))
            {
                failures.Add($"{ScanOptions.SectionName}:Steps: a step's Every must be at least one hour (got {step.Every}).");
            }
        }

        if (options.FullScanEvery < TimeSpan.FromHours(1))
        {
            failures.Add($"{ScanOptions.SectionName}:FullScanEvery must be at least one hour (got {options.FullScanEvery}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
