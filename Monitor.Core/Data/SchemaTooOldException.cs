namespace Monitor.Core.Data;

/// <summary>The database's schema is older than this version of the app can upgrade; the message says what to do.</summary>
public sealed class SchemaTooOldException(string message) : Exception(message);
