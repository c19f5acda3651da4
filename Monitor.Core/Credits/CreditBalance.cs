namespace Monitor.Core.Credits;

/// <summary>The account's balance: asked of the provider (cached), else the last <c>credits_remaining</c> an answer carried.</summary>
public sealed record CreditBalance(long? Credits, DateTime? AsOf, bool FromProvider, string? Problem);
