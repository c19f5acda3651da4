using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Monitor.Core.Backups;

/// <summary>
/// A column's value between a database and the archive. The archive holds the model's value (an enum by name, a
/// timestamp in UTC, a guid, a decimal, bytes as base64), so the same line loads into SQLite or PostgreSQL; each
/// provider's own type mapping turns it into that database's stored form.
/// </summary>
public static class ArchiveValues
{
    public static object? Read(DbDataReader reader, int ordinal, IProperty property)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(property);
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var mapping = property.GetRelationalTypeMapping();
        var providerType = Underlying(mapping.Converter?.ProviderClrType ?? property.ClrType);
        object stored = providerType switch
        {
            _ when providerType == typeof(string) => reader.GetFieldValue<string>(ordinal),
            _ when providerType == typeof(bool) => reader.GetFieldValue<bool>(ordinal),
            _ when providerType == typeof(short) => reader.GetFieldValue<short>(ordinal),
            _ when providerType == typeof(int) => reader.GetFieldValue<int>(ordinal),
            _ when providerType == typeof(long) => reader.GetFieldValue<long>(ordinal),
            _ when providerType == typeof(double) => reader.GetFieldValue<double>(ordinal),
            _ when providerType == typeof(float) => reader.GetFieldValue<float>(ordinal),
            _ when providerType == typeof(decimal) => reader.GetFieldValue<decimal>(ordinal),
            _ when providerType == typeof(DateTime) => reader.GetFieldValue<DateTime>(ordinal),
            _ when providerType == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal),
            _ when providerType == typeof(DateOnly) => reader.GetFieldValue<DateOnly>(ordinal),
            _ when providerType == typeof(TimeSpan) => reader.GetFieldValue<TimeSpan>(ordinal),
            _ when providerType == typeof(Guid) => reader.GetFieldValue<Guid>(ordinal),
            _ when providerType == typeof(byte[]) => reader.GetFieldValue<byte[]>(ordinal),
            _ when providerType == typeof(int[]) => reader.GetFieldValue<int[]>(ordinal),
            _ => throw Unsupported(property, providerType),
        };
        return mapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
    }

    /// <summary>The value in the database's stored form (the provider's converter applied).</summary>
    public static object ToProvider(object? value, IProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (value is null)
        {
            return DBNull.Value;
        }

        return property.GetRelationalTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) ?? DBNull.Value : value;
    }

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case short number: writer.WriteNumberValue(number); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            case float number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case DateTime time: writer.WriteStringValue(DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset time: writer.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateOnly day: writer.WriteStringValue(day.ToString("O", CultureInfo.InvariantCulture)); break;
            case TimeSpan span: writer.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture)); break;
            case Guid id: writer.WriteStringValue(id); break;
            case byte[] bytes: writer.WriteBase64StringValue(bytes); break;
            case int[] numbers: JsonSerializer.Serialize(writer, numbers); break;
            case Enum member: writer.WriteStringValue(member.ToString()); break;
            default: throw new NotSupportedException($"The archive cannot hold a value of type {value.GetType().Name}.");
        }
    }

    public static object? Parse(JsonElement element, IProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var type = Underlying(property.ClrType);
        return type switch
        {
            _ when type.IsEnum => Enum.Parse(type, element.GetString()!),
            _ when type == typeof(string) => element.GetString(),
            _ when type == typeof(bool) => element.GetBoolean(),
            _ when type == typeof(short) => element.GetInt16(),
            _ when type == typeof(int) => element.GetInt32(),
            _ when type == typeof(long) => element.GetInt64(),
            _ when type == typeof(double) => element.GetDouble(),
            _ when type == typeof(float) => element.GetSingle(),
            _ when type == typeof(decimal) => element.GetDecimal(),
            _ when type == typeof(DateTime) => DateTime.Parse(element.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.Parse(element.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            _ when type == typeof(DateOnly) => DateOnly.ParseExact(element.GetString()!, "O", CultureInfo.InvariantCulture),
            _ when type == typeof(TimeSpan) => TimeSpan.ParseExact(element.GetString()!, "c", CultureInfo.InvariantCulture),
            _ when type == typeof(Guid) => element.GetGuid(),
            _ when type == typeof(byte[]) => element.GetBytesFromBase64(),
            _ when type == typeof(int[]) => element.EnumerateArray().Select(n => n.GetInt32()).ToArray(),
            _ => throw Unsupported(property, type),
        };
    }

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static NotSupportedException Unsupported(IProperty property, Type type) =>
        new($"The archive cannot hold {property.DeclaringType.DisplayName()}.{property.Name} ({type.Name}).");
}
