using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Monitor.Web.Components.Grids;

/// <summary>
/// A <see cref="MudDataGrid{T}"/> that asks its <see cref="MudDataGrid{T}.ServerData"/> for the first page while it
/// initialises. MudDataGrid itself asks only after its first interactive render, so a prerendered page showed no rows
/// and the first interactive render flashed the empty state; this way the first page is in the prerendered HTML and in
/// the first interactive render. (The grid still asks again after that render: the caller answers that from memory.)
/// </summary>
[CascadingTypeParameter(nameof(T))]
public sealed class PrerenderedDataGrid<T> : MudDataGrid<T>
{
    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        if (ServerData is not null)
        {
            await ReloadServerData();
        }
    }
}
