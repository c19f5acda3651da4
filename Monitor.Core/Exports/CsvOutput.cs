using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Monitor.Core.Insights.Engagement;
using Monitor.Core.Metrics;

namespace Monitor.Core.Exports;

/// <summary>
/// A CSV file being streamed: UTF-8 with a byte-order mark (so spreadsheets read non-ASCII captions right), RFC 4180
/// quoting, invariant numbers and ISO 8601 UTC times. Rows are flushed as they come, so no export sits in memory.
/// </summary>
internal sealed class CsvOutput : IAsyncDisposable
{
    private const int RowsPerFlush = 1_000;
    private readonly StreamWriter _text;
    private readonly CsvWriter _csv;
    private int _pending;

    public CsvOutput(Stream output)
    {
        _text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        _csv = new CsvWriter(_text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" });
    }

    public async Task HeaderAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            _csv.WriteField(name);
        }

        await RowEndAsync(cancellationToken);
    }

    public CsvOutput Field(string? value)
    {
        _csv.WriteField(value ?? "");
        return this;
    }

    public CsvOutput Field(long? value) => Field(value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>A ratio in full precision (0.0534…); empty when it is not known.</summary>
    public CsvOutput Field(double? value) => Field(value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>true or false; empty when the value is not known.</summary>
    public CsvOutput Field(bool? value) => Field(value switch { true => "true", false => "false", null => null });

    public CsvOutput Field(DateTime? value) =>
        Field(value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    public CsvOutput Fields(PostMetrics metrics)
    {
        foreach (var metric in PostMetrics.All)
        {
            Field(metric.Get(metrics));
        }

        return this;
    }

    /// <summary>A post's rates in the order of <see cref="EngagementRateDefinition.All"/> (the headers' <see cref="EngagementRateDefinition.CsvHeader"/>).</summary>
    public CsvOutput Fields(EngagementRates rates)
    {
        foreach (var definition in EngagementRateDefinition.All)
        {
            Field(rates[definition]);
        }

        return this;
    }

    public async Task RowEndAsync(CancellationToken cancellationToken)
    {
        await _csv.NextRecordAsync();
        if (++_pending >= RowsPerFlush)
        {
            _pending = 0;
            await _csv.FlushAsync();
            await _text.BaseStream.FlushAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.FlushAsync();
        await _csv.DisposeAsync();
        await _text.DisposeAsync();
    }
}
