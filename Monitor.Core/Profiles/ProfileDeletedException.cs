namespace Monitor.Core.Profiles;

/// <summary>The profile was deleted while work on it was under way.</summary>
public sealed class ProfileDeletedException : Exception
{
    public ProfileDeletedException()
        : base("The profile was deleted.")
    {
    }

    public ProfileDeletedException(string message)
        : base(message)
    {
    }

    public ProfileDeletedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static ProfileDeletedException For(Guid profileId, Exception? inner = null) =>
        new($"Profile {profileId} was deleted during the run.", inner!);
}
