namespace Monitor.Core.Share;

/// <summary>A new link with its token: shown once to whoever made it, and never again.</summary>
public sealed record CreatedShareLink(ShareLinkView Link, string Token)
{
    public string Path => ShareLinkPaths.Page(Token);
}
