using Monitor.Core.ApiKeys;

namespace Monitor.Tests.Security;

public sealed class ApiKeyHasherTests
{
    [Theory]
    [InlineData("k")]
    [InlineData("tpm_short")]
    [InlineData("a-much-longer-key-than-the-one-it-is-compared-with-0123456789abcdef")]
    public void Hash_AnyLength_IsAlways32Bytes(string key)
    {
        // Comparisons are between equal-length hashes, so a key's length cannot end a comparison early.
        Assert.Equal(ApiKeyHasher.HashLength, ApiKeyHasher.Hash(key).Length);
    }

    [Fact]
    public void Matches_ExactKey_True_AnyOtherKey_False()
    {
        var key = ApiKeyHasher.Generate();
        var hash = ApiKeyHasher.Hash(key);

        Assert.True(ApiKeyHasher.Matches(key, hash));
        Assert.False(ApiKeyHasher.Matches(key[..^1], hash));
        Assert.False(ApiKeyHasher.Matches(key + "x", hash));
        Assert.False(ApiKeyHasher.Matches(key.ToUpperInvariant(), hash));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData("\n")]
    [InlineData("\u00a0")]
    public void Matches_KeyPaddedWithWhiteSpace_IsRefused(string pad)
    {
        var key = ApiKeyHasher.Generate();
        var hash = ApiKeyHasher.Hash(key);

        Assert.False(ApiKeyHasher.Matches(pad + key, hash));
        Assert.False(ApiKeyHasher.Matches(key + pad, hash));
        // Even when the padded value itself is what was hashed: a padded key is never well formed.
        Assert.False(ApiKeyHasher.Matches(pad + key, ApiKeyHasher.Hash(pad + key)));
    }

    [Fact]
    public void IsWellFormed_EmptyOrTooLong_False()
    {
        Assert.False(ApiKeyHasher.IsWellFormed(null));
        Assert.False(ApiKeyHasher.IsWellFormed(""));
        Assert.False(ApiKeyHasher.IsWellFormed(new string('k', ApiKeyHasher.MaxKeyLength + 1)));
        Assert.True(ApiKeyHasher.IsWellFormed(new string('k', ApiKeyHasher.MaxKeyLength)));
    }

    [Fact]
    public void Generate_IsRandomAndLong()
    {
        var a = ApiKeyHasher.Generate();
        var b = ApiKeyHasher.Generate();

        Assert.NotEqual(a, b);
        Assert.StartsWith("tpm_", a, StringComparison.Ordinal);
        Assert.True(a.Length >= 40, a.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
