using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Notifications;
using Monitor.Core.Notifications.Channels;
using Monitor.Core.Notifications.Delivery;

namespace Monitor.Web.Endpoints;

internal static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        var channels = group.MapGroup("/channels");
        channels.MapGet("/", ListAsync).WithSummary("Notification channels (email, webhook); secrets are never returned");
        channels.MapPost("/", CreateAsync).WithSummary("Create a channel; without events it gets runFailed and recovered")
            .ProducesValidationProblem();
        channels.MapGet("/{id:guid}", GetAsync).WithSummary("One channel").ProducesProblem(StatusCodes.Status404NotFound);
        channels.MapPut("/{id:guid}", UpdateAsync).WithSummary("Update a channel; fields left out, and an empty password or webhook URL, keep their value")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        channels.MapPatch("/{id:guid}", UpdateAsync).WithSummary("Update some fields of a channel (same as PUT: fields left out keep their value)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        channels.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete a channel; its deliveries stay in the log")
            .ProducesProblem(StatusCodes.Status404NotFound);
        channels.MapPost("/{id:guid}/test", TestAsync).WithSummary("Send a test message now and answer whether it was delivered (it is logged, never retried)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/deliveries", ListDeliveriesAsync).WithSummary("The delivery log, newest first: status, attempts, last error")
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Ok<IReadOnlyList<ChannelView>>> ListAsync(ChannelService channels, CancellationToken cancellationToken) =>
        TypedResults.Ok(await channels.ListAsync(cancellationToken));

    private static async Task<Results<Ok<ChannelView>, ProblemHttpResult>> GetAsync(Guid id, ChannelService channels, CancellationToken cancellationToken) =>
        await channels.GetAsync(id, cancellationToken) is { } channel ? TypedResults.Ok(channel) : ChannelNotFound(id);

    private static async Task<Results<Created<ChannelView>, ValidationProblem>> CreateAsync(
        ChannelInput? body, ChannelService channels, CancellationToken cancellationToken)
    {
        var change = await channels.CreateAsync(body ?? new ChannelInput(), cancellationToken);
        return change.Channel is { } channel
            ? TypedResults.Created($"/api/notifications/channels/{channel.Id}", channel)
            : TypedResults.ValidationProblem(change.Errors, title: "The channel is not valid");
    }

    private static async Task<Results<Ok<ChannelView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ChannelInput? body, ChannelService channels, CancellationToken cancellationToken)
    {
        var change = await channels.UpdateAsync(id, body ?? new ChannelInput(), cancellationToken);
        return change switch
        {
            null => ChannelNotFound(id),
            { Channel: { } channel } => TypedResults.Ok(channel),
            _ => TypedResults.ValidationProblem(change.Errors, title: "The channel is not valid"),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ChannelService channels, CancellationToken cancellationToken) =>
        await channels.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : ChannelNotFound(id);

    private static async Task<Results<Ok<ChannelTestResult>, ProblemHttpResult>> TestAsync(Guid id, ChannelTester tester, CancellationToken cancellationToken) =>
        await tester.SendTestAsync(id, cancellationToken) is { } result ? TypedResults.Ok(result) : ChannelNotFound(id);

    /// <param name="status">Only deliveries in this state: pending, sending, sent or failed.</param>
    /// <param name="channelId">Only deliveries to this channel.</param>
    /// <param name="limit">At most this many (1–500, default 100).</param>
    private static async Task<Results<Ok<IReadOnlyList<DeliveryView>>, ValidationProblem>> ListDeliveriesAsync(
        NotificationQueries queries, CancellationToken cancellationToken, string? status = null, Guid? channelId = null, int limit = 100)
    {
        var errors = new Dictionary<string, string[]>();
        DeliveryStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                wanted = parsed;
            }
            else
            {
                errors["status"] = ["status is pending, sending, sent or failed."];
            }
        }

        if (limit is < 1 or > NotificationQueries.MaxLimit)
        {
            errors["limit"] = [$"limit is 1–{NotificationQueries.MaxLimit}."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await queries.ListDeliveriesAsync(limit, wanted, channelId, cancellationToken));
    }

    // A problem body, not a bare 404: the status-code pages would otherwise re-execute it into the Blazor not-found page.
    private static ProblemHttpResult ChannelNotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Channel not found", detail: $"No notification channel with id {id}.");
}
