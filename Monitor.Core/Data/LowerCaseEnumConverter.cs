using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Monitor.Core.Data;

/// <summary>Stores an enum as its lower-case name ("pending", "manual"), readable in SQL and in filters.</summary>
internal sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => v.ToString().ToLowerInvariant(),
    v => Enum.Parse<TEnum>(v, true))
    where TEnum : struct, Enum;
