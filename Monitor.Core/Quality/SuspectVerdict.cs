namespace Monitor.Core.Quality;

/// <summary>A suspect run's reason and the two numbers behind it, as stored on its log.</summary>
public sealed record SuspectVerdict(SuspectReason Reason, int Observed, int Baseline);
