using Monitor.Core.Monitoring;

namespace Monitor.Core.Posts;

public sealed record BulkUpsertResult(int Written, ProfileTotals Totals);
