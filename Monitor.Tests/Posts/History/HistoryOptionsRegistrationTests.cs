using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Posts.History;

namespace Monitor.Tests.Posts.History;

public sealed class HistoryOptionsRegistrationTests
{
    [Fact]
    public void Bound_FromTheHistorySection_ReadsEverySetting()
    {
        var options = Resolve(("History:Compaction", "false"), ("History:RawDays", "30"), ("History:WeeklyAfterDays", "200"), ("History:PartitionMonthsAhead", "6"));

        Assert.False(options.Compaction);
        Assert.Equal((30, 200, 6), (options.RawDays, options.WeeklyAfterDays, options.PartitionMonthsAhead));
    }

    [Theory]
    [InlineData("History:WeeklyAfterDays", "90", "History:WeeklyAfterDays (90) must be greater than History:RawDays (90).")]
    [InlineData("History:RawDays", "0", "RawDays")]
    [InlineData("History:PartitionMonthsAhead", "25", "PartitionMonthsAhead")]
    public void Invalid_FailsNamingTheSetting(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve((key, value)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static HistoryOptions Resolve(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        using var services = new ServiceCollection().AddLogging().AddPostHistory(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<HistoryOptions>>().Value;
    }
}
