using System.Text.Json.Serialization;
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
        return services;
    }
}
