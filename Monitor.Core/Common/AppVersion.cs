using System.Reflection;

namespace Monitor.Core.Common;

/// <summary>
/// The app's version as the build stamped it: <c>Version</c> from Directory.Build.props, plus the git commit when the
/// build had one (the SDK appends it as <c>+sha</c> to the informational version).
/// </summary>
public static class AppVersion
{
    /// <summary>The full informational version, e.g. <c>1.0.0+3f2c1a9…</c>, or <c>1.0.0</c> built without git.</summary>
    public static string Informational { get; } =
        typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The release, without the commit: <c>1.0.0</c>.</summary>
    public static string Release { get; } = Informational.Split('+')[0];

    /// <summary>The commit's first 7 characters, or null.</summary>
    public static string? Commit { get; } = Informational.Split('+') is [_, var sha, ..] && sha.Length > 0 ? sha[..Math.Min(7, sha.Length)] : null;

    /// <summary>For the UI: <c>v1.0.0 (3f2c1a9)</c>.</summary>
    public static string Display { get; } = Commit is null ? $"v{Release}" : $"v{Release} ({Commit})";
}
