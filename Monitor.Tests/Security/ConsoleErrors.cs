using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Monitor.Tests.Security;

/// <summary>Everything a page reports as an error in the browser console (CSP refusals among them) or throws.</summary>
internal sealed class ConsoleErrors
{
    private readonly ConcurrentQueue<string> _errors = new();

    public static ConsoleErrors Watch(IPage page)
    {
        var watcher = new ConsoleErrors();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                watcher._errors.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => watcher._errors.Enqueue(error);
        return watcher;
    }

    public IReadOnlyCollection<string> All => _errors;
}
