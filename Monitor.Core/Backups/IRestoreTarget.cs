namespace Monitor.Core.Backups;

/// <summary>One restore's writes into one provider, all in one transaction: nothing is changed unless <see cref="CommitAsync"/> is reached.</summary>
internal interface IRestoreTarget : IAsyncDisposable
{
    /// <summary>Deletes every row of <paramref name="tables"/> (given parents first).</summary>
    Task WipeAsync(IReadOnlyList<BackupTable> tables, CancellationToken cancellationToken);

    /// <returns>The rows written.</returns>
    Task<long> LoadAsync(BackupTable table, IReadOnlyList<BackupColumn> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken);

    Task LoadMediaAsync(string hash, byte[] bytes, CancellationToken cancellationToken);

    Task CommitAsync(IReadOnlyList<BackupTable> tables, CancellationToken cancellationToken);
}
