namespace Monitor.Core.Changes;

/// <summary>A note to add: <see cref="Date"/> as <see cref="ChangeDates"/> reads it, and its text.</summary>
public sealed record AnnotationInput(string? Date, string? Text);
