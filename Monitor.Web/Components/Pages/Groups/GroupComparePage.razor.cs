using Microsoft.AspNetCore.Components;
using Monitor.Core.Common;
using Monitor.Core.Groups;
using Monitor.Core.Groups.Compare;
using Monitor.Web.Components.Feedback;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Groups;

/// <summary>
/// A group side by side over the last 7, 30 or 90 days, or a period given as <c>?from=&amp;to=</c>: the members (an
/// admin changes them here), the leaderboard with its averages, and the indexed growth charts.
/// </summary>
public sealed partial class GroupComparePage
{
    private GroupDetail? _group;
    private GroupComparison? _comparison;
    private bool _notFound;
    private bool _canManage;
    private int _days = ComparePeriod.DefaultDays;

    [Parameter] public Guid Id { get; set; }

    /// <summary>A chosen period (<c>?from=2026-11-01&amp;to=2026-11-30</c>, days of Monitoring:TimeZone), as the API takes it.</summary>
    [SupplyParameterFromQuery] public string? From { get; set; }

    [SupplyParameterFromQuery] public string? To { get; set; }

    [Inject] private GroupService Groups { get; set; } = default!;
    [Inject] private GroupCompareService Compare { get; set; } = default!;
    [Inject] private Monitor.Core.Common.ReportingTimeZone ReportingZone { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Monitor.Web.Security.CircuitAccess Access { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _canManage = await Access.CanEditAsync();
        if (!string.IsNullOrEmpty(From) || !string.IsNullOrEmpty(To))
        {
            _days = 0;
        }

        await Snackbar.TryAsync("Could not load the group", async () =>
        {
            _group = await Groups.GetAsync(Id, CancellationToken.None);
            _notFound = _group is null;
            await CompareAsync();
        });
    }

    private async Task CompareAsync()
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var today = ReportingZone.DayOf(now);
        var (period, _, problem) = _days == 0
            ? ComparePeriod.Create(Day(From), Day(To), ReportingZone, now)
            : ComparePeriod.Create(today.AddDays(1 - _days), today, ReportingZone, now);
        if (_days == 0 && (Unreadable(From) || Unreadable(To)))
        {
            (period, problem) = (null, "from and to are days written yyyy-MM-dd.");
        }

        if (period is null)
        {
            Snackbar.Add($"{problem} Showing the last {ComparePeriod.DefaultDays} days instead.", Severity.Warning);
            (_days, period) = (ComparePeriod.DefaultDays, ComparePeriod.Create(null, today, ReportingZone, now).Period);
        }

        _comparison = await Compare.CompareAsync(Id, period!, CancellationToken.None);
    }

    private static bool Unreadable(string? text) => !string.IsNullOrEmpty(text) && Day(text) is null;

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;

    private async Task OnDaysChangedAsync(int days)
    {
        _days = days;
        await Snackbar.TryAsync("Could not compare the group", CompareAsync);
    }

    private async Task OnMembersChangedAsync(GroupDetail group)
    {
        _group = group;
        await Snackbar.TryAsync("Could not compare the group", CompareAsync);
    }

    private static string PeriodText(ComparePeriod period) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}: {period.Days} days of {period.TimeZone} (Monitoring:TimeZone), both included.");
}
