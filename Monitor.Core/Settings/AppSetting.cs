namespace Monitor.Core.Settings;

/// <summary>A value the application generates and keeps, such as the API key made on first start.</summary>
public sealed class AppSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}
