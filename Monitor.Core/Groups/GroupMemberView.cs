namespace Monitor.Core.Groups;

public sealed record GroupMemberView(Guid ProfileId, string Handle, string? Nickname, string? AvatarUrl, bool IsOwn, DateTime AddedAt);
