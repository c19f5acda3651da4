using Monitor.Core.Audit;

namespace Monitor.Tests.Audit;

public sealed class AuditChangeTests
{
    [Fact]
    public void Between_KeepsOnlyTheChangedFields()
    {
        var change = AuditChange.Between(new { Name = "a", Port = 25, Enabled = true }, new { Name = "a", Port = 587, Enabled = false });

        Assert.Equal("{\"port\":25,\"enabled\":true}", change.OldValues);
        Assert.Equal("{\"port\":587,\"enabled\":false}", change.NewValues);
        Assert.False(change.Unchanged);
    }

    [Fact]
    public void Between_EqualValues_IsUnchanged()
    {
        Assert.True(AuditChange.Between(new { Name = "a" }, new { Name = "a" }).Unchanged);
        Assert.False(AuditChange.None.Unchanged);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("smtpPassword")]
    [InlineData("webhookUrl")]
    [InlineData("webhook_secret")]
    [InlineData("apiKey")]
    [InlineData("plainKey")]
    [InlineData("key")]
    [InlineData("scrapeCreatorsApiKey")]
    [InlineData("token")]
    public void SecretFields_AreMasked_OnBothSides(string field)
    {
        var change = AuditChange.Between(new Dictionary<string, string> { [field] = "old-s3cret" }, new Dictionary<string, string> { [field] = "new-s3cret" });

        Assert.DoesNotContain("s3cret", change.OldValues + change.NewValues, StringComparison.Ordinal);
        Assert.Contains(AuditRedaction.Mask, change.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public void Added_NestedSecret_IsMasked_AndLongTextShortened()
    {
        var change = AuditChange.Added(new { Smtp = new { Password = "hunter2-s3cret", Host = "mail" }, Text = new string('x', 1000) });

        Assert.Null(change.OldValues);
        Assert.DoesNotContain("s3cret", change.NewValues, StringComparison.Ordinal);
        Assert.Contains("\"host\":\"mail\"", change.NewValues, StringComparison.Ordinal);
        Assert.True(change.NewValues!.Length < 500);
    }
}
