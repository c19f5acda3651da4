using Monitor.Core.Share;

namespace Monitor.Web.Endpoints;

/// <summary>A new link and its full URL: the URL is shown in this answer only, never again (only its hash is kept).</summary>
internal sealed record CreatedShareLinkResponse(ShareLinkView Link, string Url);
