namespace Monitor.Core.Telemetry;

/// <summary>The figures the gauges show; read by a feature above this one (the run queue, the credits), so an interface.</summary>
public interface ITelemetryStateSource
{
    TelemetryState Current();
}
