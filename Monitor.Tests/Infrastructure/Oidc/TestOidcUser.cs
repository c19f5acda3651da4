namespace Monitor.Tests.Infrastructure.Oidc;

/// <summary>A person the test identity provider knows: what its ID tokens say about them.</summary>
public sealed record TestOidcUser(string UserName, string Subject, string Email, IReadOnlyList<string> Groups);
