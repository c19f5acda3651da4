using Microsoft.EntityFrameworkCore;

namespace Monitor.Tests.Infrastructure.Oidc;

/// <summary>OpenIddict's applications, authorizations and tokens, in a throwaway SQLite file of the test provider.</summary>
public sealed class TestOidcDbContext(DbContextOptions<TestOidcDbContext> options) : DbContext(options);
