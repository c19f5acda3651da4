using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Monitor.Tests.Scraping;

/// <summary>Keeps every formatted log line (and exception text) so tests can assert on what would reach a log sink.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public string AllText => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _lines);

    public void Dispose()
    {
    }
}
