using Microsoft.AspNetCore.Authentication;

namespace Monitor.Web.Security.SingleSignOn;

internal sealed record SignOutHttpResultArguments(AuthenticationProperties Properties, string Scheme);
