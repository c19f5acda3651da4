namespace Monitor.Tests.Cluster;

/// <summary>Measured figures of the process-level tests, appended to <c>artifacts/figures.txt</c> for the run's report.</summary>
public static class Figures
{
    private static readonly Lock Gate = new();

    public static void Append(string figure)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(Infrastructure.RepositoryPaths.Artifacts);
            File.AppendAllText(Path.Combine(Infrastructure.RepositoryPaths.Artifacts, "figures.txt"), $"{DateTime.UtcNow:u} {figure}\n");
        }
    }
}
