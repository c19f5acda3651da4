namespace Monitor.Web.Components.Pages.Profiles;

/// <summary>What the page must do after <see cref="ProfileRunState.Apply"/>: the state itself never reads.</summary>
/// <param name="Toast">The toast to show, if any.</param>
/// <param name="ReadActiveRun">An event named a run the page has not read yet: read the active run for its full view.</param>
/// <param name="RefreshAfterRun">A run ended: re-read the profile's totals and reload the grids.</param>
public sealed record RunEventOutcome(RunToast? Toast = null, bool ReadActiveRun = false, bool RefreshAfterRun = false)
{
    public static readonly RunEventOutcome Nothing = new();
}
