using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Monitor.Core.Media;

namespace Monitor.Core.Backups;

/// <summary>
/// The tables an archive carries, read from the EF model (the app's own tables, Identity's and the data-protection
/// keys), parents before children. Quartz's <c>qrtz_*</c> tables are not in the model and not archived: the app
/// recreates its jobs and triggers at start. The media cache's tables are archived only with its images.
/// </summary>
public static class BackupTables
{
    /// <summary>Holds the images' bytes on PostgreSQL; the archive carries them as <c>media/</c> entries instead.</summary>
    public const string MediaDataColumn = "data";

    public static IReadOnlyList<BackupTable> From(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var byTable = model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetViewName() is null && e.GetTableName() != Posts.History.HistoryStorageSql.ObservationsView)
            .GroupBy(e => e.GetTableName()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var tables = byTable.Select(pair => Describe(pair.Key, pair.Value)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var parents = byTable.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.SelectMany(e => e.GetForeignKeys())
                .Select(fk => fk.PrincipalEntityType.GetTableName())
                .OfType<string>()
                .Where(parent => parent != pair.Key)
                .ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);

        var ordered = new List<BackupTable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (placed.Count < tables.Count)
        {
            var ready = tables.Keys.Where(name => !placed.Contains(name) && parents[name].All(placed.Contains))
                .Order(StringComparer.Ordinal).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The model's foreign keys form a cycle between tables; they cannot be loaded in order.");
            }

            foreach (var name in ready)
            {
                ordered.Add(tables[name]);
                placed.Add(name);
            }
        }

        return ordered;
    }

    private static BackupTable Describe(string tableName, List<IEntityType> entityTypes)
    {
        var store = StoreObjectIdentifier.Table(tableName, entityTypes[0].GetSchema());
        var isMedia = entityTypes.Any(e => e.ClrType == typeof(MediaBlob) || e.ClrType == typeof(MediaReference));
        var columns = entityTypes
            .SelectMany(e => e.GetFlattenedProperties())
            .Select(p => (Name: p.GetColumnName(store), Property: p))
            .Where(c => c.Name is not null)
            .Where(c => !(c.Property.DeclaringType.ClrType == typeof(MediaBlob) && c.Name == MediaDataColumn))
            .DistinctBy(c => c.Name)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new BackupColumn(c.Name!, c.Property))
            .ToList();
        var owner = entityTypes.FirstOrDefault(e => !e.IsOwned()) ?? entityTypes[0];
        var key = owner.FindPrimaryKey()?.Properties.Select(p => p.GetColumnName(store)!).ToList()
            ?? columns.Select(c => c.Name).ToList();
        return new BackupTable(tableName, columns, key, isMedia);
    }
}
