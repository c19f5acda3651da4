namespace Monitor.Core.Catalog;

/// <summary>What adding a profile came to; <see cref="Message"/> is written for the person who typed the handle.</summary>
public sealed record AddProfileResult(AddProfileStatus Status, ProfileDto? Profile = null, Guid? ExistingId = null, string? Message = null);
