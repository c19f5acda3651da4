namespace Monitor.Core.Share;

/// <summary>The outcome of creating a link: the link, or the problems per field.</summary>
public sealed record ShareLinkResult(CreatedShareLink? Created, IReadOnlyDictionary<string, string[]>? Errors)
{
    public bool Succeeded => Created is not null;

    public static ShareLinkResult Invalid(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });
}
