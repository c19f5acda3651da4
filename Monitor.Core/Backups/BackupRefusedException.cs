namespace Monitor.Core.Backups;

/// <summary>An archive that cannot be restored (damaged, tampered with, from a newer or different schema), or a target that refuses one.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
