using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Share;

namespace Monitor.Web.Endpoints;

internal static class ShareLinkEndpoints
{
    public static RouteGroupBuilder MapShareLinkEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tiktok/share-links").WithTags("Share links");
        group.MapGet("/", ListAsync).WithSummary("Share links, active first, with their last use; optionally those of one target")
            .ProducesValidationProblem();
        group.MapPost("/", CreateAsync).WithSummary("Create a read-only link to a profile's or a group's dashboard or to a sent report")
            .WithDescription("The answer holds the link's URL, once: only its hash is stored. The link expires after expiresInDays (default 30, at most 365) and may carry a password.")
            .ProducesValidationProblem();
        group.MapDelete("/{id:guid}", RevokeAsync).WithSummary("Revoke a share link: it stops working at once")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <param name="targetKind">profile, group or report.</param>
    /// <param name="targetId">Only the links of this profile, group or sent report.</param>
    private static async Task<Results<Ok<IReadOnlyList<ShareLinkView>>, ValidationProblem>> ListAsync(
        ShareLinkService links, CancellationToken cancellationToken, string? targetKind = null, Guid? targetId = null)
    {
        ShareTargetKind? kind = null;
        if (targetKind is not null)
        {
            if (!Enum.TryParse<ShareTargetKind>(targetKind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(targetKind, out _))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["targetKind"] = ["targetKind is profile, group or report."] });
            }

            kind = parsed;
        }

        return TypedResults.Ok(await links.ListAsync(kind, targetId, cancellationToken));
    }

    private static async Task<Results<Created<CreatedShareLinkResponse>, ValidationProblem>> CreateAsync(
        ShareLinkRequest? body, ShareLinkService links, HttpRequest request, CancellationToken cancellationToken)
    {
        var result = await links.CreateAsync((body ?? new ShareLinkRequest(null, null, null, null)).ToInput(), cancellationToken);
        if (result.Created is not { } created)
        {
            return TypedResults.ValidationProblem(result.Errors!);
        }

        return TypedResults.Created($"/api/tiktok/share-links/{created.Link.Id}",
            new CreatedShareLinkResponse(created.Link, $"{request.Scheme}://{request.Host}{request.PathBase}{created.Path}"));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, ShareLinkService links, CancellationToken cancellationToken) =>
        await links.RevokeAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Share link not found", detail: $"No active share link has id {id}.");
}
