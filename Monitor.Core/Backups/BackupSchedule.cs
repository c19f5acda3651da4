using Quartz;

namespace Monitor.Core.Backups;

/// <summary>Checks <c>Backup:Schedule</c>: empty (off) or a Quartz cron expression.</summary>
public static class BackupSchedule
{
    public static bool IsValid(string? schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule))
        {
            return true;
        }

        try
        {
            _ = new CronExpression(schedule);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
