namespace Monitor.Tests.Infrastructure;

/// <summary>The ScrapeCreators sample responses in Fixtures/ (copied next to the test assembly).</summary>
internal static class FixtureFiles
{
    public const string FixtureHandle = "fixture.creator";
    public const string FixtureUserId = "7296276699038890826";
    public const string PageTwoCursor = "1760140800000";

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
