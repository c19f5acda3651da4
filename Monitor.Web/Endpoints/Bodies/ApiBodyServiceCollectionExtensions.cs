using System.Text.Json.Serialization;
using Monitor.Core.Common;
using Monitor.Core.Common.Json;

namespace Monitor.Web.Endpoints.Bodies;

/// <summary>
/// How every API route reads its body, present and future: the API's JSON conventions, and strict. An unknown field
/// is refused rather than ignored (a misspelt "views" would otherwise be data lost without a word), and a body the
/// route cannot read is thrown in every environment so <see cref="BadRequestHandler"/> can name the field.
/// </summary>
internal static class ApiBodyServiceCollectionExtensions
{
    public static IServiceCollection AddStrictApiBodies(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            MonitorJson.Configure(o.SerializerOptions);
            o.SerializerOptions.Converters.Add(new ApiDateTimeConverter());
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestHandler>();
        services.Configure<ProblemDetailsOptions>(o =>
        {
            var previous = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                SayWhatMediaTypeIsAccepted(context);
            };
        });
        return services;
    }

    // Routing refuses a body that is not JSON before any route runs, with a bare 415 that does not say what to send.
    private static void SayWhatMediaTypeIsAccepted(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && context.ProblemDetails.Detail is null
            && context.HttpContext.Request.Path.StartsWithSegments("/api"))
        {
            var sent = context.HttpContext.Request.ContentType is { Length: > 0 } type ? FieldLimits.Cut(type, 100, marked: true) : "none";
            context.ProblemDetails.Detail = $"The body must be JSON, sent with Content-Type: application/json (the request said {sent}).";
        }
    }
}
