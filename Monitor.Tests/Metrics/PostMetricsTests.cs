using System.Text.Json;
using Monitor.Core.Common.Json;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;

namespace Monitor.Tests.Metrics;

public sealed class PostMetricsTests
{
    [Theory]
    [InlineData("Views", "views", "total_views", "viewCount", "totalViews")]
    [InlineData("Likes", "likes", "total_likes", "likeCount", "totalLikes")]
    [InlineData("Shares", "shares", "total_shares", "shareCount", "totalShares")]
    [InlineData("Comments", "comments", "total_comments", "commentCount", "totalComments")]
    [InlineData("Saves", "saves", "total_saves", "saveCount", "totalSaves")]
    public void Definition_DerivesEveryNameOfAMetric(string name, string column, string totalColumn, string countJson, string totalJson)
    {
        var metric = PostMetrics.All.Single(m => m.Name == name);

        Assert.Equal((column, totalColumn, countJson, totalJson), (metric.Column, metric.TotalColumn, metric.CountJsonName, metric.TotalJsonName));
        Assert.Same(metric, MetricDefinition.Find(countJson.ToUpperInvariant()));
        Assert.Same(metric, MetricDefinition.Find(totalJson));
    }

    [Fact]
    public void Definition_GetAndWith_RoundTripEveryMetric()
    {
        var metrics = PostMetrics.From(m => m.Name.Length);

        Assert.Equal(new PostMetrics(5, 5, 6, 8, 5), metrics);
        foreach (var metric in PostMetrics.All)
        {
            Assert.Equal(42, metric.With(metrics, 42)[metric]);
        }
    }

    [Fact]
    public void Json_PostSnapshot_ReadsAndWritesTheSeedNamesFlat()
    {
        var options = MonitorJson.CreateOptions();

        var snapshot = JsonSerializer.Deserialize<PostSnapshot>("""{"awemeId":"7","viewCount":10,"likeCount":2,"saveCount":null}""", options)!;
        var written = JsonSerializer.SerializeToElement(snapshot, options);

        Assert.Equal(new PostMetrics(10, 2, null, null, null), snapshot.Metrics);
        Assert.Equal(10, written.GetProperty("viewCount").GetInt64());
        Assert.Equal(JsonValueKind.Null, written.GetProperty("shareCount").ValueKind);
        Assert.False(written.TryGetProperty("metrics", out _));
    }
}
