using Monitor.Core.Insights.Engagement;
using Monitor.Core.Metrics;

namespace Monitor.Tests.Insights;

/// <summary>The one definition of the engagement rate: its table of cases is its specification.</summary>
public sealed class EngagementRateDefinitionTests
{
    public static TheoryData<string, long?, long?, long?, long?, long?, long?, double?> Cases => new()
    {
        // variant, views, likes, comments, shares, saves, followers at posting, expected
        { "views", 1_000, 50, 10, 40, 20, null, 0.1 },
        { "viewsWithSaves", 1_000, 50, 10, 40, 20, null, 0.12 },
        { "followers", 1_000, 50, 10, 40, 20, 2_000, 0.05 },
        { "views", 0, 50, 10, 40, 20, null, null },
        { "views", null, 50, 10, 40, 20, null, null },
        { "views", 1_000, null, 10, 40, 20, null, null },
        { "views", 1_000, 50, null, 40, 20, null, null },
        { "views", 1_000, 50, 10, null, 20, null, null },
        { "views", 1_000, 0, 0, 0, null, null, 0.0 },
        { "viewsWithSaves", 1_000, 50, 10, 40, null, null, null },
        { "followers", 1_000, 50, 10, 40, 20, null, null },
        { "followers", 1_000, 50, 10, 40, 20, 0, null },
        { "followers", null, 50, 10, 40, null, 400, 0.25 },
        { "views", -5, 1, 1, 1, 1, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_Table_GivesTheRateOrUnknown(string variant, long? views, long? likes, long? comments, long? shares, long? saves, long? followers, double? expected)
    {
        var definition = EngagementRateDefinition.Find(variant)!;

        var rate = definition.Compute(new PostMetrics(views, likes, shares, comments, saves), followers);

        if (expected is null)
        {
            Assert.Null(rate);
        }
        else
        {
            Assert.Equal(expected.Value, rate!.Value, 12);
        }
    }

    [Fact]
    public void Definitions_NameTheirFormulaInLabelsApiFieldsAndCsvHeaders()
    {
        Assert.Equal(["views", "viewsWithSaves", "followers"], EngagementRateDefinition.All.Select(d => d.Name));
        Assert.Equal(["engagementRateByViews", "engagementRateByViewsWithSaves", "engagementRateByFollowers"], EngagementRateDefinition.All.Select(d => d.JsonName));
        Assert.Equal("(likes + comments + shares) / views", EngagementRateDefinition.ByViews.Formula);
        Assert.Equal("(likes + comments + shares + saves) / views", EngagementRateDefinition.ByViewsWithSaves.Formula);
        Assert.Equal("(likes + comments + shares) / followers at posting", EngagementRateDefinition.ByFollowers.Formula);
        Assert.Equal("engagementRateByViews = (likes + comments + shares) / views", EngagementRateDefinition.ByViews.CsvHeader);
        Assert.Same(EngagementRateDefinition.ByViews, EngagementRateDefinition.Default);
        Assert.Same(EngagementRateDefinition.ByViewsWithSaves, EngagementRateDefinition.Find("ENGAGEMENTRATEBYVIEWSWITHSAVES"));
        Assert.Null(EngagementRateDefinition.Find("likes"));
    }

    [Fact]
    public void Rates_ForAPost_OnePerDefinition()
    {
        var rates = EngagementRates.For(new PostMetrics(200, 10, 5, 5, 20), followersAtPosting: null);

        Assert.Equal(0.1, rates.ByViews!.Value, 12);
        Assert.Equal(0.2, rates.ByViewsWithSaves!.Value, 12);
        Assert.Null(rates.ByFollowers);
        Assert.Equal(rates.ByViews, rates[EngagementRateDefinition.ByViews]);
    }
}
