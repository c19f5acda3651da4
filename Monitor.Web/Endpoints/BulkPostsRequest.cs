using Monitor.Core.Posts;
using Monitor.Core.Scraping;

namespace Monitor.Web.Endpoints;

internal sealed record BulkPostsRequest(Guid? ProfileId, IReadOnlyList<PostSnapshot?>? Posts);
