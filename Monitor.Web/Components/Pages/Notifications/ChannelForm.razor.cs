using Microsoft.AspNetCore.Components;
using Monitor.Core.Notifications.Channels;
using Monitor.Web.Components.Feedback;
using Monitor.Web.Security;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Notifications;

public sealed partial class ChannelForm
{
    private static readonly (string Name, string Label)[] EventLabels =
    [
        ("runFailed", "Monitoring failed"), ("recovered", "Recovered"), ("growth", "Growth alert"),
        ("breakout", "Breakout post"), ("digest", "Daily digest"), ("budget", "Budget alerts"),
    ];

    private ChannelFormModel _model = new();
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private bool _saving;

    [Inject] private ChannelService Channels { get; set; } = default!;
    [Inject] private CircuitAccess Access { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The channel to edit, or null for a new one.</summary>
    [Parameter] public ChannelView? Channel { get; set; }

    [Parameter] public IReadOnlyList<(Guid Id, string Handle)> Profiles { get; set; } = [];
    [Parameter] public EventCallback<ChannelView> OnSaved { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }

    protected override void OnParametersSet()
    {
        _model = Channel is null ? new ChannelFormModel() : ChannelFormModel.Of(Channel);
        _errors = new Dictionary<string, string[]>();
    }

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private string HandleOf(Guid id) => Profiles.FirstOrDefault(p => p.Id == id).Handle is { } handle ? "@" + handle : id.ToString();

    private void Toggle(string name, bool on)
    {
        if (on)
        {
            _model.Events.Add(name);
        }
        else
        {
            _model.Events.Remove(name);
        }
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            await Snackbar.TryAsync("Could not save the channel", async () =>
            {
                await Access.DemandWorkspaceAdminAsync();
                var input = _model.ToInput(creating: Channel is null);
                var change = Channel is null
                    ? await Channels.CreateAsync(input, CancellationToken.None)
                    : await Channels.UpdateAsync(Channel.Id, input, CancellationToken.None);
                if (change is null)
                {
                    Snackbar.Add("The channel was deleted meanwhile", Severity.Warning);
                    await OnCancel.InvokeAsync();
                    return;
                }

                _errors = change.Errors;
                if (change.Channel is { } saved)
                {
                    Snackbar.Add($"Saved “{saved.Name}”", Severity.Success);
                    await OnSaved.InvokeAsync(saved);
                }
            });
        }
        finally
        {
            _saving = false;
        }
    }
}
