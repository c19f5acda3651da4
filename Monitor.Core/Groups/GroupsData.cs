using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Groups;

/// <summary>This feature's tables on the shared context; declared here, not on the context, so the data layer knows no feature.</summary>
public static class GroupsData
{
    extension(MonitorDbContext db)
    {
        public DbSet<ProfileGroup> ProfileGroups => db.Set<ProfileGroup>();
        public DbSet<ProfileGroupMember> ProfileGroupMembers => db.Set<ProfileGroupMember>();
    }
}
