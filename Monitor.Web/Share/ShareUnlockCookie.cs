using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Monitor.Core.Share;

namespace Monitor.Web.Share;

/// <summary>
/// After the right password, a cookie that opens that one link for a while: its path is the link's own, and its value
/// is the link's id signed and dated with the app's data-protection keys (kept in the database, so every node reads it).
/// </summary>
public sealed class ShareUnlockCookie(IDataProtectionProvider protection, IOptions<ShareOptions> options, TimeProvider time)
{
    public const string Name = "monitor.share";

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Monitor.Share.Unlock").ToTimeLimitedDataProtector();

    public void Grant(HttpContext context, string token, OpenedShareLink link)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(link);
        var lifetime = options.Value.UnlockLifetime;
        context.Response.Cookies.Append(Name, _protector.Protect(link.Id.ToString("N"), time.GetUtcNow() + lifetime), new CookieOptions
        {
            Path = ShareLinkPaths.Page(token),
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = lifetime,
            IsEssential = true,
        });
    }

    public bool Opens(HttpContext context, OpenedShareLink link)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(link);
        if (context.Request.Cookies[Name] is not { Length: > 0 } value)
        {
            return false;
        }

        try
        {
            return _protector.Unprotect(value, out var expires) == link.Id.ToString("N") && expires > time.GetUtcNow();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
