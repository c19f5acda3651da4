namespace Monitor.Core.Share;

/// <summary>A current total on the shared page, with what it is and its change since the run before the latest.</summary>
public sealed record SharedFigure(string Key, string Label, string Explanation, long? Value, long? ChangeSincePreviousRun);
