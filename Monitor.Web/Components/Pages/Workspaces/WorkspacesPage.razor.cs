using Microsoft.AspNetCore.Components;
using Monitor.Core.Workspaces;
using Monitor.Web.Components.Feedback;
using Monitor.Web.Security;
using Monitor.Web.Workspaces;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Workspaces;

/// <summary>
/// Everyone's workspaces and role; an instance admin creates, renames and deletes them and sets any budget; the current
/// workspace's admin sets its budget and manages its members and keys. Every change is checked again on the server
/// (here through <see cref="CircuitAccess"/>, and by <see cref="WorkspaceService"/> against the circuit's scope).
/// </summary>
public sealed partial class WorkspacesPage
{
    private IReadOnlyList<WorkspaceView> _workspaces = [];
    private bool _canAdminister;
    private string? _newName;
    private Guid? _renaming;
    private string? _rename;
    private Guid? _budgeting;
    private int? _budget;

    [Inject] private CircuitWorkspace Workspace { get; set; } = default!;
    [Inject] private WorkspaceService Workspaces { get; set; } = default!;
    [Inject] private CircuitAccess Access { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private WorkspaceView? Current => _workspaces.FirstOrDefault(w => w.Id == Workspace.Scope.CurrentWorkspaceId);

    protected override Task OnInitializedAsync() => Snackbar.TryAsync("Could not load the workspaces", LoadAsync);

    private async Task LoadAsync()
    {
        _workspaces = await Workspace.ChoicesAsync(CancellationToken.None);
        _canAdminister = await Access.CanAdministerAsync();
    }

    private string RoleText(WorkspaceView workspace) => workspace.Role switch
    {
        WorkspaceRole.Admin => "admin",
        WorkspaceRole.Editor => "editor",
        WorkspaceRole.Viewer => "viewer",
        _ => Workspace.IsInstanceAdmin ? "instance admin" : "",
    };

    private bool CanSetBudget(WorkspaceView workspace) =>
        Workspace.IsInstanceAdmin || (workspace.Id == Workspace.Scope.CurrentWorkspaceId && workspace.Role == WorkspaceRole.Admin);

    private void StartRename(WorkspaceView workspace)
    {
        _budgeting = null;
        _renaming = workspace.Id;
        _rename = workspace.Name;
    }

    private void StartBudget(WorkspaceView workspace)
    {
        _renaming = null;
        _budgeting = workspace.Id;
        _budget = workspace.MonthlyCreditBudget;
    }

    private async Task CreateAsync() => await Snackbar.TryAsync("Could not create the workspace", async () =>
    {
        await Access.DemandInstanceAdminAsync();
        var result = await Workspaces.CreateAsync(Workspace.Scope, new WorkspaceInput(_newName, null), CancellationToken.None);
        if (Report(result, $"Created {result.Value?.Name}"))
        {
            _newName = null;
            await LoadAsync();
        }
    });

    private async Task RenameAsync(WorkspaceView workspace) => await Snackbar.TryAsync($"Could not rename {workspace.Name}", async () =>
    {
        await Access.DemandInstanceAdminAsync();
        var result = await Workspaces.UpdateAsync(Workspace.Scope, workspace.Id, new WorkspaceInput(_rename, null), CancellationToken.None);
        if (Report(result, $"Renamed to {result.Value?.Name}"))
        {
            _renaming = null;
            await LoadAsync();
        }
    });

    private async Task SaveBudgetAsync(WorkspaceView workspace) => await Snackbar.TryAsync($"Could not set the budget of {workspace.Name}", async () =>
    {
        if (!Workspace.IsInstanceAdmin)
        {
            await Access.DemandWorkspaceAdminAsync();
        }

        var input = new WorkspaceInput(null, _budget, ClearBudget: _budget is null);
        var result = await Workspaces.UpdateAsync(Workspace.Scope, workspace.Id, input, CancellationToken.None);
        if (Report(result, result.Value?.MonthlyCreditBudget is { } b ? $"Budget of {workspace.Name}: {b:N0} credits a month" : $"{workspace.Name} has no budget now"))
        {
            _budgeting = null;
            await LoadAsync();
        }
    });

    private async Task DeleteAsync(WorkspaceView workspace)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Delete {workspace.Name}?",
            "Its groups, channels, alert rules, reports, share links and API keys are deleted with it; its members lose access. This cannot be undone.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await Snackbar.TryAsync($"Could not delete {workspace.Name}", async () =>
        {
            await Access.DemandInstanceAdminAsync();
            var result = await Workspaces.DeleteAsync(Workspace.Scope, workspace.Id, CancellationToken.None);
            if (Report(result, $"Deleted {workspace.Name}"))
            {
                if (workspace.Id == Workspace.Scope.CurrentWorkspaceId)
                {
                    // The circuit worked in it: start over in another.
                    Navigation.Refresh(forceReload: true);
                    return;
                }

                await LoadAsync();
            }
        });
    }

    private bool Report<T>(WorkspaceResult<T> result, string success)
    {
        Snackbar.Add(result.Succeeded ? success : result.Message ?? result.Problem.ToString(), result.Succeeded ? Severity.Success : Severity.Warning);
        return result.Succeeded;
    }
}
