namespace Monitor.Web.Components.Pages.Profiles;

/// <summary>How loud a run's toast is; the page maps it to the snackbar's severity.</summary>
public enum RunToastLevel
{
    Success,
    Warning,
    Error,
}
