using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace Monitor.Core.Reports;

/// <summary>The report's email: the headline figures as HTML, the charts inline (CID), the PDF attached.</summary>
public static class ReportEmailComposer
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static MimeMessage Compose(ReportDefinition definition, ReportContent content, ReportImages images, byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(images);
        var mail = new MimeMessage { Subject = $"{content.ReportName}: {content.SubjectName}, {content.Period.Describe()}" };
        mail.To.AddRange(definition.ToAddresses.Select(MailboxAddress.Parse));
        mail.Bcc.AddRange(definition.BccAddresses.Select(MailboxAddress.Parse));

        var body = new BodyBuilder();
        var followers = body.LinkedResources.Add("followers.png", images.FollowersChart, new ContentType("image", "png"));
        followers.ContentId = MimeUtils.GenerateMessageId();
        var views = body.LinkedResources.Add("total-views.png", images.ViewsChart, new ContentType("image", "png"));
        views.ContentId = MimeUtils.GenerateMessageId();
        body.HtmlBody = Html(content, followers.ContentId, views.ContentId);
        body.TextBody = Text(content);
        body.Attachments.Add(FileName(content), pdf, new ContentType("application", "pdf"));
        mail.Body = body.ToMessageBody();
        return mail;
    }

    public static string FileName(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return ReportFormat.FileName(content.ReportName, content.Period.Start);
    }

    private static string Html(ReportContent content, string followersCid, string viewsCid)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;color:#222\">");
        html.Append(C, $"<h1 style=\"font-size:20px\">{E(content.ReportName)}</h1>");
        html.Append(C, $"<p>{(content.IsGroup ? "Group" : "Profile")}: <b>{E(content.SubjectName)}</b><br><b>{E(content.Period.Describe())}</b><br>");
        html.Append(C, $"<span style=\"color:#666\">Compared with {E(content.Previous.Describe())}</span></p>");
        html.Append("<table cellpadding=\"6\" style=\"border-collapse:collapse\"><tr><th align=\"left\">Figure</th><th align=\"right\">This period</th><th align=\"right\">Previous</th><th align=\"right\">Change</th></tr>");
        foreach (var f in content.Headline)
        {
            html.Append(C, $"<tr style=\"border-top:1px solid #ddd\"><td title=\"{E(f.Explanation)}\">{E(f.Label)}</td><td align=\"right\">{E(ReportFormat.Value(f.Current, f.Format))}</td>");
            html.Append(C, $"<td align=\"right\">{E(ReportFormat.Value(f.Previous, f.Format))}</td><td align=\"right\">{E(ReportFormat.Change(f))}</td></tr>");
        }

        html.Append("</table><ul style=\"color:#666;font-size:12px\">");
        foreach (var f in content.Headline)
        {
            html.Append(C, $"<li>{E(f.Label)}: {E(f.Explanation)}</li>");
        }

        html.Append("</ul>");
        html.Append(C, $"<p><img src=\"cid:{followersCid}\" alt=\"Followers chart\" width=\"600\"></p>");
        html.Append(C, $"<p><img src=\"cid:{viewsCid}\" alt=\"Total views chart\" width=\"600\"></p>");
        html.Append("<h2 style=\"font-size:16px\">Top posts by views gained</h2><ol>");
        foreach (var post in content.TopPosts)
        {
            html.Append(C, $"<li>@{E(post.Handle)}: +{post.ViewsGained:#,0} views · {E(ReportFormat.Excerpt(post.Description, 120))}</li>");
        }

        html.Append("</ol><p style=\"color:#666;font-size:12px\">The full report, with the top posts' covers, the notable changes");
        html.Append(content.IsGroup ? " and the group's comparison" : string.Empty);
        html.Append(", is attached as a PDF.</p></body></html>");
        return html.ToString();
    }

    private static string Text(ReportContent content)
    {
        var text = new StringBuilder();
        text.AppendLine(C, $"{content.ReportName} — {content.SubjectName}").AppendLine(content.Period.Describe()).AppendLine();
        foreach (var f in content.Headline)
        {
            text.AppendLine(C, $"{f.Label}: {ReportFormat.Value(f.Current, f.Format)} (previous {ReportFormat.Value(f.Previous, f.Format)}, change {ReportFormat.Change(f)})");
        }

        return text.AppendLine().AppendLine("The full report is attached as a PDF.").ToString();
    }
}
