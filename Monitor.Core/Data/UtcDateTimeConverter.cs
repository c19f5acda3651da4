using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Monitor.Core.Data;

/// <summary>Every stored time is UTC; SQLite hands values back without a kind, so it is restored on read.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
