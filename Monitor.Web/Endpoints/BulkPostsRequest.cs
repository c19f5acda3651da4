using Monitor.Core.Posts;

namespace Monitor.Web.Endpoints;

internal sealed record BulkPostsRequest(Guid? ProfileId, IReadOnlyList<PostSnapshot?>? Posts);
