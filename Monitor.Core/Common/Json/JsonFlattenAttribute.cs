namespace Monitor.Core.Common.Json;

/// <summary>Writes the members of this property's value at the level of its owner, as if they were its own.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class JsonFlattenAttribute : Attribute;
