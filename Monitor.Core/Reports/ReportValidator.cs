using Microsoft.EntityFrameworkCore;
using MimeKit;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Groups;
using Monitor.Core.Notifications;
using Monitor.Core.Profiles;

namespace Monitor.Core.Reports;

/// <summary>Checks a <see cref="ReportInput"/> and, when it is valid, writes it onto the definition; every problem names its field.</summary>
internal static class ReportValidator
{
    public static async Task<Dictionary<string, string[]>> ApplyAsync(MonitorDbContext db, ReportInput input, ReportDefinition definition, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ReportLimits.NameLength)
        {
            errors["name"] = [$"name is required, 1–{ReportLimits.NameLength} characters."];
        }

        if ((input.ProfileId is null) == (input.GroupId is null))
        {
            errors["profileId"] = ["Give exactly one of profileId and groupId: a report is about one profile or one group."];
        }
        else if (input.ProfileId is { } profileId && !await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            errors["profileId"] = [$"No profile has id {profileId}."];
        }
        else if (input.GroupId is { } groupId && !await db.ProfileGroups.AnyAsync(g => g.Id == groupId, cancellationToken))
        {
            errors["groupId"] = [$"No group has id {groupId}."];
        }

        var cadence = ParseEnum<ReportCadence>(input.Cadence, ReportCadence.Weekly, "cadence", "weekly or monthly", errors);
        var weekStart = ParseEnum<DayOfWeek>(input.WeekStart, DayOfWeek.Monday, "weekStart", "a day of the week, monday to sunday", errors);
        var zone = string.IsNullOrWhiteSpace(input.TimeZone) ? "UTC" : input.TimeZone.Trim();
        if (zone.Length > ReportLimits.TimeZoneLength || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors["timeZone"] = [$"\"{input.TimeZone}\" is not a time zone this machine knows (use an IANA id such as Europe/Berlin)."];
        }

        var sendHour = input.SendHour ?? ReportLimits.DefaultSendHour;
        if (sendHour is < 0 or > 23)
        {
            errors["sendHour"] = [$"sendHour is a local hour from 0 to 23; {sendHour} is not."];
        }

        var to = Addresses(input.To, "to", minimum: 1, errors);
        var bcc = Addresses(input.Bcc, "bcc", minimum: 0, errors);
        if (input.ChannelId is not { } channelId)
        {
            errors["channelId"] = ["channelId is required: the email channel whose SMTP settings send the report."];
        }
        else if (!await db.NotificationChannels.AnyAsync(c => c.Id == channelId && c.Kind == NotificationChannelKind.Email, cancellationToken))
        {
            errors["channelId"] = [$"No email channel has id {channelId}."];
        }

        if (errors.Count == 0)
        {
            definition.Name = name!;
            definition.ProfileId = input.ProfileId;
            definition.GroupId = input.GroupId;
            definition.Cadence = cadence;
            definition.WeekStart = weekStart;
            definition.TimeZone = ReportingTimeZone.FromId(zone).Id;
            definition.SendHour = sendHour;
            definition.ToAddresses = to;
            definition.BccAddresses = bcc;
            definition.ChannelId = input.ChannelId;
            definition.Enabled = input.Enabled ?? true;
        }

        return errors;
    }

    private static TEnum ParseEnum<TEnum>(string? text, TEnum fallback, string field, string expected, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, out _) && Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value))
        {
            return value;
        }

        errors[field] = [$"{field} is {expected}; \"{text}\" is not."];
        return fallback;
    }

    private static List<string> Addresses(IReadOnlyList<string>? given, string field, int minimum, Dictionary<string, string[]> errors)
    {
        var list = (given ?? []).Select(a => a?.Trim() ?? string.Empty).ToList();
        var bad = list.Where(a => a.Length is 0 or > ReportLimits.AddressLength
            || !MailboxAddress.TryParse(a, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal)).ToList();
        if (bad.Count > 0)
        {
            errors[field] = [$"Not an email address: {string.Join(", ", bad.Select(b => $"\"{b}\""))}."];
        }
        else if (list.Count < minimum || list.Count > ReportLimits.MaxRecipients)
        {
            errors[field] = [$"{field} holds {minimum}–{ReportLimits.MaxRecipients} addresses; {list.Count} given."];
        }

        return list;
    }
}
