using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Monitor.Core.Catalog;
using Monitor.Core.Dispatch;
using Monitor.Core.Profiles;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Profiles;

/// <summary>Adds one profile, or a pasted list of them, and says inline how each went. Returns how many were added.</summary>
public sealed partial class AddProfileDialog
{
    private readonly List<AddResult> _results = [];
    private string? _input;
    private string? _error;
    private bool _monitor = true;
    private int _intervalHours;
    private bool _busy;
    private int _added;
    private Guid? _lastAdded;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private ProfileService Profiles { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Monitor.Web.Security.CircuitAccess Access { get; set; } = default!;
    [Inject] private IOptions<MonitoringOptions> MonitoringOptions { get; set; } = default!;

    protected override void OnInitialized() => _intervalHours = MonitoringOptions.Value.DefaultIntervalHours;

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        // Enter adds a single handle; Shift+Enter (or a paste) makes a list.
        if (e.Key == "Enter" && !e.ShiftKey && HandleList.Split(_input).Count == 1)
        {
            await AddAsync();
        }
    }

    private async Task AddAsync()
    {
        var inputs = HandleList.Split(_input);
        if (inputs.Count == 0 || _busy)
        {
            return;
        }

        _busy = true;
        _error = null;
        _results.Clear();
        var failed = new List<string>();
        try
        {
            await Access.DemandEditorAsync();
            foreach (var input in inputs)
            {
                var result = await Profiles.AddAsync(input, _monitor, _intervalHours, CancellationToken.None);
                var ok = result.Status == AddProfileStatus.Created;
                if (ok)
                {
                    _added++;
                    _lastAdded = result.Profile!.Id;
                }
                else
                {
                    failed.Add(input);
                }

                _results.Add(new AddResult(input, ok, ok ? $"added @{result.Profile!.Handle}" : result.Message ?? result.Status.ToString(), result.Profile?.Handle));
                StateHasChanged();
            }
        }
#pragma warning disable CA1031 // Shown to the user; the dialog stays usable.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _results.Add(new AddResult("error", false, ex.Message, null));
        }
        finally
        {
            _busy = false;
        }

        if (inputs.Count == 1 && _results.Count == 1)
        {
            if (_results[0].Ok)
            {
                Snackbar.Add($"Added @{_results[0].Handle}", Severity.Success);
                Dialog.Close(DialogResult.Ok(_lastAdded));
                return;
            }

            // One handle: the message belongs under the field, not in a list.
            _error = _results[0].Message;
            _results.Clear();
            return;
        }

        if (_added > 0)
        {
            Snackbar.Add($"Added {_added} of {inputs.Count} profiles", failed.Count == 0 ? Severity.Success : Severity.Warning);
        }

        // Leave the ones that failed in the box, to fix and retry.
        _input = string.Join('\n', failed);
    }

    private void Close()
    {
        if (_added > 0)
        {
            Dialog.Close(DialogResult.Ok(_lastAdded));
        }
        else
        {
            Dialog.Cancel();
        }
    }

    private sealed record AddResult(string Input, bool Ok, string Message, string? Handle);
}
