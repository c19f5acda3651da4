using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Identity;

namespace Monitor.Core.Appearance;

/// <summary>Each user's theme, kept on the user so it follows them to every browser and phone.</summary>
public sealed class ThemePreferenceStore(IDbContextFactory<MonitorDbContext> contextFactory)
{
    /// <returns>The user's choice, or null when they have not chosen (or do not exist).</returns>
    public async Task<ThemePreference?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Theme).SingleOrDefaultAsync(cancellationToken);
    }

    /// <returns>False when the user does not exist.</returns>
    public async Task<bool> SetAsync(string userId, ThemePreference theme, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(theme))
        {
            throw new ArgumentOutOfRangeException(nameof(theme), theme, "Theme is system, light or dark.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Theme, theme), cancellationToken) > 0;
    }
}
