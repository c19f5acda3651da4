namespace Monitor.Core.Groups.Compare;

/// <summary>The rows being filled, one a member; each <see cref="ICompareFigures"/> updates the ones it has figures for.</summary>
public sealed class CompareRows(IEnumerable<GroupCompareRow> rows)
{
    private readonly Dictionary<Guid, GroupCompareRow> _rows = rows.ToDictionary(r => r.ProfileId);

    public IReadOnlyCollection<GroupCompareRow> All => _rows.Values;

    /// <summary>Applies <paramref name="change"/> to the profile's row; a profile not in the group is ignored.</summary>
    public void Update(Guid profileId, Func<GroupCompareRow, GroupCompareRow> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (_rows.TryGetValue(profileId, out var row))
        {
            _rows[profileId] = change(row);
        }
    }
}
