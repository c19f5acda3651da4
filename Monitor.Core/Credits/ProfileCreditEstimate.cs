namespace Monitor.Core.Credits;

/// <summary>What monitoring a profile costs: credits a run (pages), runs and credits a 30-day month, and in money.</summary>
public sealed record ProfileCreditEstimate(double CreditsPerRun, double RunsPerMonth, long CreditsPerMonth, decimal MoneyPerMonth, string Currency, string Basis);
