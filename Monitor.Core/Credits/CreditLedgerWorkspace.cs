namespace Monitor.Core.Credits;

/// <summary>
/// A ledger entry charged to a workspace: one row for each workspace that watched the entry's profile when it was
/// written. Each workspace is charged the full credits of a shared profile's request; the instance total counts them once.
/// Unlinking the profile later leaves these rows, so a workspace's past spend stays what it was.
/// </summary>
public sealed class CreditLedgerWorkspace
{
    public long EntryId { get; set; }
    public Guid WorkspaceId { get; set; }
}
