using Microsoft.AspNetCore.Components;
using Monitor.Core.Audit;
using Monitor.Core.Common;
using Monitor.Web.Components.Feedback;
using Monitor.Web.Components.Time;
using Monitor.Web.Security;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Audit;

public sealed partial class AuditPage
{
    private const int PageSize = 50;

    private readonly HashSet<long> _expanded = [];
    private bool? _isAdmin;
    private AuditPeriod _period = AuditPeriod.All[2];
    private string? _actor;
    private string? _action;
    private string? _target;
    private int _pageNumber = 1;
    private int _total;
    private IReadOnlyList<string> _actions = [];
    private PagedResult<AuditEntryView>? _page;

    [Inject] private AuditLogQueries Queries { get; set; } = default!;
    [Inject] private CircuitAccess Access { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [CascadingParameter] public UserTimeZone? Zone { get; set; }

    private int PageCount => _page is null ? 0 : (int)Math.Ceiling(_total / (double)PageSize);

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = await Access.IsInstanceAdminAsync();
        if (_isAdmin is true)
        {
            await Snackbar.TryAsync("Could not load the audit log", async () =>
            {
                _actions = await Queries.ActionsAsync(CancellationToken.None);
                await LoadAsync();
            });
        }
    }

    private async Task LoadAsync()
    {
        // Asked again on every read: a hidden page is no protection against a crafted event.
        await Access.DemandInstanceAdminAsync();
        DateTime? from = _period.Days is { } days ? Time.GetUtcNow().UtcDateTime.AddDays(-days) : null;
        var query = new AuditLogQuery(from, null, _actor, _action, _target, _pageNumber, PageSize);
        _page = await Queries.ListAsync(query with { Actor = Bounded(_actor), Target = Bounded(_target) }, CancellationToken.None);
        _total = _page.TotalCount;
    }

    private Task<bool> ReloadAsync() => Snackbar.TryAsync("Could not load the audit log", LoadAsync);

    private Task OnPeriodChangedAsync(AuditPeriod period) => FilterAsync(() => _period = period);

    private Task OnActorChangedAsync(string? actor) => FilterAsync(() => _actor = actor);

    private Task OnActionChangedAsync(string? action) => FilterAsync(() => _action = action);

    private Task OnTargetChangedAsync(string? target) => FilterAsync(() => _target = target);

    private async Task FilterAsync(Action set)
    {
        set();
        _pageNumber = 1;
        _expanded.Clear();
        await ReloadAsync();
    }

    private async Task OnPageChangedAsync(int page)
    {
        _pageNumber = page;
        _expanded.Clear();
        await ReloadAsync();
    }

    private void Toggle(long id)
    {
        if (!_expanded.Remove(id))
        {
            _expanded.Add(id);
        }
    }

    private static string? Bounded(string? text) => text is null ? null : FieldLimits.Cut(text, FieldLimits.SearchLength);

    private static string ActorIcon(AuditActorKind kind) => kind switch
    {
        AuditActorKind.ApiKey => Icons.Material.Filled.Key,
        AuditActorKind.System => Icons.Material.Filled.Settings,
        _ => Icons.Material.Filled.Person,
    };

    private static string ActorTitle(AuditActorKind kind) => kind switch
    {
        AuditActorKind.ApiKey => "API key",
        AuditActorKind.System => "the system",
        _ => "user",
    };
}
