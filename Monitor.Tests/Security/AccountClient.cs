using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Security;

/// <summary>An in-memory HTTP client that keeps cookies and does not follow redirects, and fills the account forms as a browser would.</summary>
internal sealed partial class AccountClient : IDisposable
{
    private AccountClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public static AccountClient For(MonitorAppFactory app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>The antiforgery token of the form on <paramref name="page"/> (its cookie is kept by the client).</summary>
    public async Task<string> TokenAsync(string page)
    {
        var html = await Http.GetStringAsync(new Uri(page, UriKind.Relative));
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"{page} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form with the page's antiforgery token, from the app's own origin.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields, string? origin = null)
    {
        var token = await TokenAsync(formPage);
        return await PostFormWithTokenAsync(action, new(fields) { ["__RequestVerificationToken"] = token }, origin);
    }

    public async Task<HttpResponseMessage> PostFormWithTokenAsync(string action, Dictionary<string, string> fields, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(action, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", origin ?? "http://localhost");
        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SignInAsync(string userName, string password) =>
        PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = userName, ["Password"] = password });

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(path, UriKind.Relative));

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
