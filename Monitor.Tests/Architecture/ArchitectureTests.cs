using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Monitor.Core.Data;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Monitor.Tests.Architecture;

/// <summary>
/// The dependency rules of docs/architecture.md. Each top-level namespace of Core (<c>Monitor.Core.Posts</c> with
/// everything under it) is a slice, and the slices form no cycle: a feature may use a lower one, never the other way
/// round. The migrations are left out: they are generated, and each calls the SQL its feature owns (trigger bodies).
/// </summary>
public sealed class ArchitectureTests
{
    private const string CoreRoot = "Monitor.Core.";
    private const string Migrations = "Monitor.Core.Data.Migrations";

    /// <summary>The run's slices, once one Monitoring folder: the rule must see each of them on its own.</summary>
    private static readonly string[] RunSlices = ["Runs", "Scans", "LiveEvents", "Dispatch", "RunQueries", "Scheduling", "Statistics"];

    private static readonly System.Reflection.Assembly WebAssembly = typeof(Web.Security.CircuitAccess).Assembly;

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() => new ArchLoader()
        .LoadAssemblies(typeof(MonitorDbContext).Assembly, WebAssembly)
        .Build());

    [Fact]
    public void CoreSlices_DependOnEachOtherOneWay_NoCycle()
    {
        var creator = new SliceRuleCreator();
        creator.SetSliceAssignment(new SliceAssignment(TopLevelSlice, "by top-level namespace of Monitor.Core, migrations left out"));
        IArchRule rule = new GivenSlices(creator).Should().BeFreeOfCycles();

        rule.Check(Loaded.Value);
    }

    [Fact]
    public void CoreSlices_AreFound_TheRuleSeesTheFeatures()
    {
        var slices = Loaded.Value.Types.Select(TopLevelSlice).Where(s => !s.Ignored).Select(s => s.Description).Distinct().ToList();

        Assert.Contains("Data", slices);
        Assert.Contains("Posts", slices);
        foreach (var runSlice in RunSlices)
        {
            Assert.Contains(runSlice, slices);
        }

        Assert.DoesNotContain("Monitoring", slices);
        Assert.True(slices.Count >= 20, $"Only {slices.Count} slices: {string.Join(", ", slices)}");
    }

    /// <summary>
    /// Web reads and writes through Core's services, never the context itself. The one exception is the security
    /// plumbing that hands the context to ASP.NET Core (data-protection keys stored in the database).
    /// </summary>
    [Fact]
    public void Web_ExceptSecurityPlumbing_DoesNotUseTheDbContext()
    {
        IArchRule rule = Types().That().ResideInAssembly(WebAssembly)
            .And().DoNotResideInNamespace("Monitor.Web.Security")
            .Should().NotDependOnAny(Types().That().AreAssignableTo(typeof(MonitorDbContext)));

        rule.Check(Loaded.Value);
    }

    /// <summary>Web's folders say what their parts are for (Charts, Time, Feedback …): no grab-bag namespace.</summary>
    [Fact]
    public void Web_Folders_HaveNamedHomes_NoGrabBag()
    {
        string[] grabBags = ["Common", "Shared", "Misc", "Helpers", "Utils"];

        var offenders = WebAssembly.GetTypes()
            .Select(t => t.Namespace ?? "")
            .Where(ns => ns.Split('.').Any(grabBags.Contains))
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    private static SliceIdentifier TopLevelSlice(IType type)
    {
        var name = type.Namespace.FullName;
        if (!name.StartsWith(CoreRoot, StringComparison.Ordinal) || name.StartsWith(Migrations, StringComparison.Ordinal))
        {
            return SliceIdentifier.Ignore();
        }

        var rest = name[CoreRoot.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return SliceIdentifier.Of(dot < 0 ? rest : rest[..dot]);
    }
}
