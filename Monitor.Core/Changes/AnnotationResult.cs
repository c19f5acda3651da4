namespace Monitor.Core.Changes;

/// <summary>The note added (as a feed entry), or what is wrong with the input, or neither when the profile is unknown.</summary>
public sealed record AnnotationResult(ChangeEntry? Annotation, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool ProfileFound => Annotation is not null || Errors.Count > 0;
}
