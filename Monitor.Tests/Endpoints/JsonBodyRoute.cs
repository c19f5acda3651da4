namespace Monitor.Tests.Endpoints;

/// <param name="Pattern">The route as mapped, parameters unfilled: <c>/api/tiktok/groups/{id:guid}</c>.</param>
/// <param name="RequestType">The type the route reads its JSON body into.</param>
public sealed record JsonBodyRoute(string Method, string Pattern, Type RequestType);
