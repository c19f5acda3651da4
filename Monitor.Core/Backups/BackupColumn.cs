using Microsoft.EntityFrameworkCore.Metadata;

namespace Monitor.Core.Backups;

/// <summary>One column of an archived table and the model property it maps (its type and converter).</summary>
public sealed record BackupColumn(string Name, IProperty Property);
