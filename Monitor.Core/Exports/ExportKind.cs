namespace Monitor.Core.Exports;

public enum ExportKind
{
    Posts,
    History,
    Logs,
    AccountHistory,
}
