using Monitor.Core.Catalog;
using Monitor.Core.Profiles;

namespace Monitor.Web.Components.Pages.Profiles;

/// <summary>What the profile page read while prerendering, handed to the circuit so its first render shows the same.</summary>
public sealed record ProfilePageState(ProfileDto Profile, ProfileTotalsSnapshot? PreviousTotals);
