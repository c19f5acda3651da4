namespace Monitor.Core.Credits;

/// <summary>Whom the upstream requests made in the current async flow are for.</summary>
public sealed record CreditAttribution(Guid? ProfileId, long? LogId);
