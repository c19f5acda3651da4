using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Media;

/// <summary>This feature's tables on the shared context; declared here, not on the context, so the data layer knows no feature.</summary>
public static class MediaData
{
    extension(MonitorDbContext db)
    {
        public DbSet<MediaReference> MediaReferences => db.Set<MediaReference>();
        public DbSet<MediaBlob> MediaBlobs => db.Set<MediaBlob>();
    }
}
