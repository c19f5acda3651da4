namespace Monitor.Web.Security.Accounts;

public sealed class SetupForm
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}
