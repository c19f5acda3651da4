using Monitor.Core.Profiles;
using Monitor.Core.Scheduling;

namespace Monitor.Tests.Scheduling;

/// <summary>The settings changes <see cref="ProfileScheduleTests{TDatabase}"/> runs on each database, by name.</summary>
public static class ProfileScheduleCases
{
    /// <summary>How the next run is expected to come out.</summary>
    public enum Expect
    {
        Kept,
        None,
        AtOnce,
        BySlot,
        NextSweep,
    }

    /// <param name="LastRunHoursAgo">Null: the profile never ran.</param>
    /// <param name="Pending">A scheduled run is waiting (queued for half an hour from now).</param>
    /// <param name="Logs">Pending runs of the profile afterwards.</param>
    public sealed record SettingsCase(bool Enabled, int Hours, ScanMode Mode, double? LastRunHoursAgo, bool Pending, MonitoringSettingsChange Change,
        Expect Next, int Logs);

    public static readonly IReadOnlyDictionary<string, SettingsCase> All = new Dictionary<string, SettingsCase>
    {
        ["interval shorter, ran long ago: due at the next sweep"] = new(true, 24, ScanMode.Full, 10, false, new(IntervalHours: 6), Expect.NextSweep, 0),
        ["interval shorter, ran lately: its slot"] = new(true, 24, ScanMode.Full, 2, false, new(IntervalHours: 6), Expect.BySlot, 0),
        ["interval longer, ran lately: its slot"] = new(true, 6, ScanMode.Full, 2, false, new(IntervalHours: 168), Expect.BySlot, 0),
        ["interval, never ran: first run keeps its time"] = new(true, 24, ScanMode.Full, null, false, new(IntervalHours: 1), Expect.Kept, 0),
        ["interval, off: stored, no next run"] = new(false, 24, ScanMode.Full, 3, false, new(IntervalHours: 12), Expect.None, 0),
        ["interval, a run pending: kept queued"] = new(true, 24, ScanMode.Full, 1, true, new(IntervalHours: 12), Expect.BySlot, 1),
        ["switch on, never ran: first run at once"] = new(false, 24, ScanMode.Full, null, false, new(Enabled: true), Expect.AtOnce, 1),
        ["switch on, ran before: a run at once"] = new(false, 6, ScanMode.Full, 1, false, new(Enabled: true), Expect.AtOnce, 1),
        ["switch on, already on: unchanged"] = new(true, 24, ScanMode.Full, 2, false, new(Enabled: true), Expect.Kept, 0),
        ["switch off, a run pending: withdrawn"] = new(true, 24, ScanMode.Full, 2, true, new(Enabled: false), Expect.None, 0),
        ["switch off, already off"] = new(false, 24, ScanMode.Full, 2, false, new(Enabled: false), Expect.None, 0),
        ["by age, no scan yet: due at the next sweep"] = new(true, 24, ScanMode.Full, 3, false, new(ScanMode: ScanMode.ByAge), Expect.NextSweep, 0),
        ["back to full: its slot"] = new(true, 24, ScanMode.ByAge, 2, false, new(ScanMode: ScanMode.Full), Expect.BySlot, 0),
        ["mode, off: stored, no next run"] = new(false, 24, ScanMode.Full, 2, false, new(ScanMode: ScanMode.ByAge), Expect.None, 0),
        ["unseen posts alone: schedule unchanged"] = new(true, 24, ScanMode.Full, 2, false, new(ExcludeUnseenPosts: true), Expect.Kept, 0),
        ["all at once, switching on: a run at once"] = new(false, 24, ScanMode.Full, 5, false,
            new(Enabled: true, IntervalHours: 6, ScanMode: ScanMode.ByAge, ExcludeUnseenPosts: true), Expect.AtOnce, 1),
        ["interval and mode, a run pending: its slot, run kept"] = new(true, 6, ScanMode.ByAge, 1, true,
            new(IntervalHours: 12, ScanMode: ScanMode.Full, ExcludeUnseenPosts: false), Expect.BySlot, 1),
    };

    public static TheoryData<string> Names() => [.. All.Keys];
}
