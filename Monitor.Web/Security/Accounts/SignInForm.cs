namespace Monitor.Web.Security.Accounts;

public sealed class SignInForm
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}
