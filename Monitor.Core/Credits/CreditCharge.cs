namespace Monitor.Core.Credits;

/// <summary>What one upstream attempt cost, on its way to the ledger.</summary>
public sealed record CreditCharge(
    DateTime At,
    DateOnly Day,
    CreditAttribution? Attribution,
    string Endpoint,
    int StatusCode,
    int Credits,
    long? CreditsRemaining);
