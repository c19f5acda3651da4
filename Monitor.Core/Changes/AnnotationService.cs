using Microsoft.EntityFrameworkCore;
using Monitor.Core.Audit;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Core.Changes;

/// <summary>Users' dated notes on a profile: added and deleted here (admins only, as the callers check), read in the feed.</summary>
public sealed class AnnotationService(IDbContextFactory<MonitorDbContext> contextFactory, ReportingTimeZone zone, AuditTrail audit, TimeProvider time)
{
    /// <summary>The problems with a note, by field; empty when it can be stored.</summary>
    public IReadOnlyDictionary<string, string[]> Validate(AnnotationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>();
        if (ChangeDates.Parse(input.Date, zone) is null)
        {
            errors["date"] = [$"date is {ChangeDates.Rule}."];
        }

        var text = Clean(input.Text);
        if (text.Length == 0)
        {
            errors["text"] = ["text is required."];
        }
        else if (text.Length > ChangeLimits.AnnotationTextLength)
        {
            errors["text"] = [$"text is at most {ChangeLimits.AnnotationTextLength:N0} characters (this one has {text.Length:N0})."];
        }

        return errors;
    }

    /// <param name="author">The user name or API key name adding the note.</param>
    public async Task<AnnotationResult> AddAsync(Guid profileId, AnnotationInput input, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            return new AnnotationResult(null, new Dictionary<string, string[]>());
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new AnnotationResult(null, errors);
        }

        var (at, day) = ChangeDates.Parse(input.Date, zone)!.Value;
        var annotation = new ProfileAnnotation
        {
            ProfileId = profileId,
            OccurredAt = at,
            AllDay = day is not null,
            Text = Clean(input.Text),
            CreatedBy = FieldLimits.Cut(author.Trim(), ChangeLimits.AuthorLength),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(annotation);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.NoteAdded, await audit.ProfileTargetAsync(profileId, cancellationToken),
            AuditChange.Added(new { annotation.Id, input.Date, annotation.Text }), cancellationToken);
        return new AnnotationResult(new ChangeEntry(ChangeKinds.Annotation, ChangeKinds.Label(ChangeKinds.Annotation), at, day,
            day is null ? null : zone.Id, null, null, null, null, null, annotation.Text, null, null, annotation.Id, annotation.CreatedBy), new Dictionary<string, string[]>());
    }

    /// <returns>Whether the profile had that note (it is gone now).</returns>
    public async Task<bool> DeleteAsync(Guid profileId, long annotationId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var text = await db.Set<ProfileAnnotation>().Where(a => a.Id == annotationId && a.ProfileId == profileId).Select(a => a.Text).SingleOrDefaultAsync(cancellationToken);
        if (await db.Set<ProfileAnnotation>().Where(a => a.Id == annotationId && a.ProfileId == profileId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }

        await audit.RecordAsync(AuditActions.NoteDeleted, await audit.ProfileTargetAsync(profileId, cancellationToken),
            AuditChange.Removed(new { Id = annotationId, Text = text }), cancellationToken);
        return true;
    }

    private static string Clean(string? text) => TextCleaner.Clean(text ?? string.Empty).Trim();
}
