using MudBlazor;

namespace Monitor.Web.Components.Feedback;

public static class SnackbarExtensions
{
    /// <summary>
    /// Runs a user action; if it throws, the user sees "<paramref name="whatFailed"/>: reason" as an error toast and the
    /// circuit lives on (an exception escaping an event handler would end it).
    /// </summary>
    /// <returns>False when the action threw.</returns>
    public static async Task<bool> TryAsync(this ISnackbar snackbar, string whatFailed, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            return true;
        }
#pragma warning disable CA1031 // Shown to the user; the circuit lives on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            snackbar.Add($"{whatFailed}: {UserMessage.Of(ex)}", Severity.Error);
            return false;
        }
    }
}
