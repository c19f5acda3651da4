using Monitor.Core.Common;
namespace Monitor.Web.Components.Feedback;

/// <summary>An exception as a toast can show it: its innermost message, kept short (EF's can run to a page).</summary>
public static class UserMessage
{
    private const int MaxLength = 200;

    public static string Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.GetBaseException().Message;
        return FieldLimits.Cut(message, MaxLength + FieldLimits.CutMark.Length, marked: true);
    }
}
