namespace Monitor.Web.Endpoints;

/// <param name="IsOwn">true marks the profile as the group's own ("us", moving the mark from another member); false clears it; omitted keeps it.</param>
internal sealed record GroupMemberRequest(bool? IsOwn);
