using System.ComponentModel.DataAnnotations;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;

namespace Monitor.Tests.Posts.History;

public sealed class HistoryTierPolicyTests
{
    // A Sunday; 90 local days back is Monday 2026-09-07, 365 back is Saturday 2025-12-06.
    private static readonly DateTime Now = Utc(2026, 12, 6, 10, 0);
    private static readonly HistoryTierPolicy Policy = new(new HistoryOptions(), TimeZoneInfo.Utc);

    public static TheoryData<DateTime, HistoryResolution> Boundaries => new()
    {
        { Utc(2026, 12, 6, 9, 0), HistoryResolution.Raw },
        { Utc(2026, 9, 7, 0, 0), HistoryResolution.Raw },
        { Utc(2026, 9, 6, 23, 59), HistoryResolution.Daily },
        { Utc(2026, 9, 6, 0, 0), HistoryResolution.Daily },
        { Utc(2025, 12, 1, 0, 0), HistoryResolution.Daily },
        { Utc(2025, 11, 30, 23, 59), HistoryResolution.Weekly },
        { Utc(2021, 1, 1, 12, 0), HistoryResolution.Weekly },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void ResolutionOf_AroundEachTierBoundary_IsTheTiersResolution(DateTime observedAt, HistoryResolution expected) =>
        Assert.Equal(expected, Policy.ResolutionOf(observedAt, Now));

    [Fact]
    public void ResolutionOf_CompactionOff_KeepsEvenAFiveYearOldObservationRaw()
    {
        var policy = new HistoryTierPolicy(new HistoryOptions { Compaction = false }, TimeZoneInfo.Utc);

        Assert.Equal(HistoryResolution.Raw, policy.ResolutionOf(Now.AddYears(-5), Now));
    }

    [Fact]
    public void ResolutionOf_DaysOfTheMonitoringTimeZone_DecideTheBoundary()
    {
        var policy = new HistoryTierPolicy(new HistoryOptions(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        // 2026-09-06 22:30 UTC is already 2026-09-07 00:30 in Berlin: still within the 90 raw days there.
        Assert.Equal(HistoryResolution.Raw, policy.ResolutionOf(Utc(2026, 9, 6, 22, 30), Now));
        Assert.Equal(HistoryResolution.Daily, policy.ResolutionOf(Utc(2026, 9, 6, 21, 30), Now));
    }

    [Fact]
    public void Kept_ThreeObservationsADay_KeepsAllRawTheLastOfEachDayThenTheLastOfEachWeek()
    {
        var observations = EveryEightHours(Utc(2025, 10, 6, 1, 0), Now);

        var kept = Policy.Kept(observations, Now);

        Assert.Equal(observations.Where(at => at >= Utc(2026, 9, 7, 0, 0)), kept.Where(at => at >= Utc(2026, 9, 7, 0, 0)));
        var daily = kept.Where(at => at >= Utc(2025, 12, 1, 0, 0) && at < Utc(2026, 9, 7, 0, 0)).ToList();
        Assert.Equal((Utc(2026, 9, 7, 0, 0) - Utc(2025, 12, 1, 0, 0)).Days, daily.Count);
        Assert.All(daily, at => Assert.Equal(17, at.Hour));
        var weekly = kept.Where(at => at < Utc(2025, 12, 1, 0, 0)).ToList();
        Assert.Equal(8, weekly.Count);
        Assert.All(weekly, at => Assert.Equal((DayOfWeek.Sunday, 17), (at.DayOfWeek, at.Hour)));
    }

    [Fact]
    public void Kept_CompactedAgainLaterOrTwice_EndsAsOneCompactionAtTheLaterMoment()
    {
        var observations = EveryEightHours(Utc(2025, 10, 6, 1, 0), Now);

        foreach (var later in new[] { Now, Now.AddDays(1), Now.AddDays(6), Now.AddDays(30) })
        {
            var once = Policy.Kept(observations, later);
            Assert.Equal(once, Policy.Kept(Policy.Kept(observations, Now), later));
            Assert.Equal(once, Policy.Kept(once, later));
        }
    }

    [Fact]
    public void Validate_WeeklyTierNotAfterTheRawDays_NamesBothSettings()
    {
        var options = new HistoryOptions { RawDays = 90, WeeklyAfterDays = 90 };

        var errors = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("History:WeeklyAfterDays", StringComparison.Ordinal)
            && e.ErrorMessage.Contains("History:RawDays", StringComparison.Ordinal));
    }

    private static List<DateTime> EveryEightHours(DateTime from, DateTime until)
    {
        var times = new List<DateTime>();
        for (var at = from; at < until; at = at.AddHours(8))
        {
            times.Add(at);
        }

        return times;
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
