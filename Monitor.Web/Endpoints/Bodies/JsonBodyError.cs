namespace Monitor.Web.Endpoints.Bodies;

/// <param name="Field">The field as the validators name it (<c>posts[0].views</c>); empty for the body as a whole.</param>
/// <param name="Message">What is wrong and what is expected, for a client to read.</param>
internal sealed record JsonBodyError(string Field, string Message);
