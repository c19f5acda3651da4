using System.Net;
using System.Text.RegularExpressions;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Contract;

/// <summary>The published app started the way servers start it (a unit file, a script): from another working directory.</summary>
[Trait("Category", "Process")]
public sealed partial class ContentRootTests
{
    [Fact]
    public async Task PublishedApp_StartedFromTheRootFolder_ServesItsStylesAndScripts()
    {
        var data = Directory.CreateTempSubdirectory("monitor-contentroot-");
        try
        {
            await using var app = await AppProcess.StartInAsync("/", "from-root", new Dictionary<string, string?> { ["MONITOR_DATA_DIR"] = data.FullName });
            await app.WaitForHealthyAsync();
            using var http = new HttpClient { BaseAddress = app.BaseAddress };

            var page = await http.GetStringAsync(new Uri("account/login", UriKind.Relative));
            var assets = AssetLink().Matches(page).Select(m => m.Groups["href"].Value).ToList();

            Assert.Contains(assets, a => a.Contains("MudBlazor.min", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
            Assert.Contains(assets, a => a.Contains("blazor.web", StringComparison.Ordinal));
            foreach (var asset in assets)
            {
                using var response = await http.GetAsync(new Uri(asset.TrimStart('/'), UriKind.Relative));
                var body = await response.Content.ReadAsByteArrayAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK && body.Length > 100, $"{asset}: {(int)response.StatusCode}, {body.Length} bytes\n{app.Tail()}");
            }

            var folder = await PublishedApp.GetFolderAsync();
            await app.WaitForOutputAsync(line => line.Contains("Content root path: " + folder, StringComparison.Ordinal), "the publish folder as its content root");
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"(?:href|src)=""(?<href>[^""]*_(?:content|framework)/[^""]+\.(?:css|js))""")]
    private static partial Regex AssetLink();
}
