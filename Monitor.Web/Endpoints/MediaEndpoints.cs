using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Monitor.Core.Media;

namespace Monitor.Web.Endpoints;

/// <summary>
/// Cached covers and avatars at <c>/media/{hash}</c>. A hash names its bytes for ever, so a browser may keep the image a year
/// and revalidate with the hash alone (304 without touching the store). The bytes go only to a caller who sees a profile or
/// post the image belongs to: a hash of another workspace's cover answers 404, as an unknown one does.
/// </summary>
public static class MediaEndpoints
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{MediaLinks.RoutePrefix}/{{hash}}", GetAsync).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, NotFound, BadRequest<string>>> GetAsync(
        string hash, HttpContext context, IMediaBlobStore store, MediaVisibility visibility, CancellationToken cancellationToken)
    {
        if (!MediaHash.IsValid(hash))
        {
            return TypedResults.BadRequest("A media hash is 64 lower-case hex digits.");
        }

        var etag = new EntityTagHeaderValue($"\"{hash}\"");
        var headers = context.Response.Headers;
        if (context.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch
            && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            headers.CacheControl = CacheControl;
            headers.ETag = etag.ToString();
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (!await visibility.IsVisibleAsync(hash, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var media = await store.ReadAsync(hash, cancellationToken);
        if (media is null)
        {
            return TypedResults.NotFound();
        }

        headers.CacheControl = CacheControl;
        headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(media.Bytes, media.ContentType, entityTag: etag);
    }
}
