using Monitor.Core.Common;

namespace Monitor.Tests.Common;

/// <summary>The one truncation of the app: never past the limit, never half a surrogate pair, marked when asked.</summary>
public sealed class FieldLimitsCutTests
{
    [Theory]
    [InlineData("abcdef", 6, false, "abcdef")]
    [InlineData("abcdef", 6, true, "abcdef")]
    [InlineData("abcdef", 4, false, "abcd")]
    [InlineData("abcdef", 4, true, "abc…")]
    [InlineData("abcdef", 1, true, "…")]
    [InlineData("abcdef", 0, false, "")]
    [InlineData("ab\ud83d\ude00cd", 3, false, "ab")]
    [InlineData("ab\ud83d\ude00cd", 4, true, "ab…")]
    [InlineData("ab\ud83d\ude00cd", 5, true, "ab\ud83d\ude00…")]
    public void Cut_Table(string text, int maxLength, bool marked, string expected)
    {
        var cut = FieldLimits.Cut(text, maxLength, marked);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= maxLength);
    }

    [Fact]
    public void Cut_MarkedBelowTheMarksLength_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FieldLimits.Cut("abc", 0, marked: true));
}
