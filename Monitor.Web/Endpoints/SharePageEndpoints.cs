using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Reports;
using Monitor.Core.Share;
using Monitor.Web.Components.Share;
using Monitor.Web.Share;

namespace Monitor.Web.Endpoints;

/// <summary>
/// The shared pages at /s/{token}: no sign-in, rendered once on the server as a static component (no circuit, no
/// script), never indexed or cached. An unknown, expired or revoked link gets one and the same 404, so the page tells
/// nobody which links exist.
/// </summary>
internal static class SharePageEndpoints
{
    private const int MaxFormBytes = 4096;

    public static IEndpointRouteBuilder MapSharedPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(ShareLinkPaths.Prefix).AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/{token}", ShowAsync);
        pages.MapPost("/{token}", UnlockAsync);
        pages.MapGet("/{token}/report.pdf", ReportPdfAsync);
        return app;
    }

    private static async Task<RazorComponentResult<SharedPage>> ShowAsync(
        string token, HttpContext context, ShareLinkService links, SharedDashboardBuilder dashboards, ShareThrottle throttle,
        ShareUnlockCookie unlock, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (Throttled(context, throttle, token) is { } throttled)
        {
            return throttled;
        }

        var link = await links.OpenAsync(token, cancellationToken);
        if (link is null)
        {
            return Refused(context);
        }

        if (link.PasswordProtected && !unlock.Opens(context, link))
        {
            return PasswordForm(context, antiforgery, token, null, StatusCodes.Status200OK);
        }

        var dashboard = await dashboards.BuildAsync(link, cancellationToken);
        if (dashboard is null)
        {
            return Refused(context);
        }

        await links.RecordUseAsync(link.Id, cancellationToken);
        return Page(context, new SharedPageModel(SharedPageKind.Dashboard, token, dashboard), StatusCodes.Status200OK, noReferrer: true);
    }

    /// <summary>The password form's post: a wrong password shows the form again (401), a right one sets the link's cookie and returns to the page.</summary>
    private static async Task<Results<RedirectHttpResult, RazorComponentResult<SharedPage>>> UnlockAsync(
        string token, HttpContext context, ShareLinkService links, ShareThrottle throttle, ShareUnlockCookie unlock, IAntiforgery antiforgery,
        CancellationToken cancellationToken)
    {
        if (Throttled(context, throttle, token) is { } throttled)
        {
            return throttled;
        }

        if (throttle.PasswordBlocked(token) is { } wait)
        {
            return TooMany(context, wait);
        }

        var link = await links.OpenAsync(token, cancellationToken);
        if (link is null)
        {
            return Refused(context);
        }

        if (context.Request.ContentLength is null or > MaxFormBytes || !context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return PasswordForm(context, antiforgery, token, "The form had expired. Enter the password again.", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (!ShareLinkService.CheckPassword(link, form["password"].ToString()))
        {
            throttle.RecordPasswordFailure(token);
            return PasswordForm(context, antiforgery, token, "That password is not right.", StatusCodes.Status401Unauthorized);
        }

        unlock.Grant(context, token, link);
        NotForRobots(context, noReferrer: false);
        return TypedResults.Redirect(ShareLinkPaths.Page(token));
    }

    private static async Task<Results<FileContentHttpResult, RedirectHttpResult, RazorComponentResult<SharedPage>>> ReportPdfAsync(
        string token, HttpContext context, ShareLinkService links, ReportService reports, ShareThrottle throttle, ShareUnlockCookie unlock,
        CancellationToken cancellationToken)
    {
        if (Throttled(context, throttle, token) is { } throttled)
        {
            return throttled;
        }

        var link = await links.OpenAsync(token, cancellationToken);
        if (link is null || link.TargetKind != ShareTargetKind.Report)
        {
            return Refused(context);
        }

        if (link.PasswordProtected && !unlock.Opens(context, link))
        {
            NotForRobots(context, noReferrer: true);
            return TypedResults.Redirect(ShareLinkPaths.Page(token));
        }

        if (await reports.SentPdfAsync(link.TargetId, cancellationToken) is not { } pdf)
        {
            return Refused(context);
        }

        await links.RecordUseAsync(link.Id, cancellationToken);
        NotForRobots(context, noReferrer: true);
        return TypedResults.File(pdf.Pdf, "application/pdf", pdf.FileName);
    }

    private static RazorComponentResult<SharedPage>? Throttled(HttpContext context, ShareThrottle throttle, string token) =>
        throttle.TryView(context.Connection.RemoteIpAddress, token) is { } wait ? TooMany(context, wait) : null;

    private static RazorComponentResult<SharedPage> TooMany(HttpContext context, TimeSpan wait)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page(context, new SharedPageModel(SharedPageKind.Throttled), StatusCodes.Status429TooManyRequests, noReferrer: true);
    }

    private static RazorComponentResult<SharedPage> Refused(HttpContext context) =>
        Page(context, new SharedPageModel(SharedPageKind.Refused), StatusCodes.Status404NotFound, noReferrer: true);

    /// <summary>
    /// The form page keeps the app's same-origin referrer policy: under no-referrer a browser posts the form with
    /// "Origin: null", which the origin check refuses. It holds nothing that loads from or links to another site.
    /// </summary>
    private static RazorComponentResult<SharedPage> PasswordForm(HttpContext context, IAntiforgery antiforgery, string token, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Page(context, new SharedPageModel(SharedPageKind.Password, token, PasswordError: error,
            AntiforgeryField: (tokens.FormFieldName, tokens.RequestToken!)), status, noReferrer: false);
    }

    private static RazorComponentResult<SharedPage> Page(HttpContext context, SharedPageModel model, int status, bool noReferrer)
    {
        NotForRobots(context, noReferrer);
        return new RazorComponentResult<SharedPage>(new { Model = model }) { StatusCode = status };
    }

    private static void NotForRobots(HttpContext context, bool noReferrer)
    {
        var headers = context.Response.Headers;
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers.CacheControl = "no-store";
        if (noReferrer)
        {
            headers["Referrer-Policy"] = "no-referrer";
        }

        // The page is the answer: the dashboard's not-found page (behind sign-in) must not replace it.
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
    }
}
