namespace Monitor.Tests.Infrastructure;

/// <summary>The fixture creator of Fixtures/ served by the fake upstream (the tests' own data, so not in the shared file).</summary>
internal static class FixtureCreator
{
    /// <summary>The fixture creator: a profile and a two-page feed (5 + 3 posts).</summary>
    public static FakeScrapeCreators ServeFixtureCreator(this FakeScrapeCreators upstream, string handle = FixtureFiles.FixtureHandle)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        upstream.ServeProfile(handle, 200, FixtureFiles.Read("profile.json"));
        upstream.ServeVideos(handle, FixtureFiles.PageTwoCursor, 200, FixtureFiles.Read("profile-videos-page2.json"));
        upstream.ServeVideos(handle, null, 200, FixtureFiles.Read("profile-videos-page1.json"));
        return upstream;
    }
}
