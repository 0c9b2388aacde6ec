using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.TestSupport;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Outpatient.Tests;

/// <summary>Small builders for the hand-computed examples: the demo region's table and policy (files this project wrote).</summary>
internal static class Build
{
    public static string DemoFile(string name) => Path.Combine(SharedData.RepoRoot, "src", "MedInsurance.Payment.Demo", "Data", name);

    public static CombinationTable Table() => CombinationTableLoader.LoadFile(DemoFile("outpatient-combinations.json"));

    public static ChronicPolicy Policy() => ChronicPolicyLoader.LoadFile(DemoFile("chronic-policy.json"));

    /// <summary>The demo levels: H1 三级甲等, H2 三级乙等, H3 二级甲等, H4 二级乙等, H5 一级.</summary>
    public static readonly IReadOnlyDictionary<string, HospitalLevel> Levels = new Dictionary<string, HospitalLevel>
    {
        ["DEMO-H1"] = HospitalLevel.Parse("3A"),
        ["DEMO-H2"] = HospitalLevel.Parse("3B"),
        ["DEMO-H3"] = HospitalLevel.Parse("2A"),
        ["DEMO-H4"] = HospitalLevel.Parse("2B"),
        ["DEMO-H5"] = HospitalLevel.Parse("1"),
    };

    public static OutpatientItem Item(string claim, string person, string hospital, InsuranceFund fund, int date, string code, OutpatientItemKind kind, decimal yuan, string diagnosis = "") =>
        new(claim, person, hospital, fund, date, code, kind, 1m, Money.FromYuan(yuan), diagnosis);

    public static Money Y(decimal yuan) => Money.FromYuan(yuan);

    /// <summary>Groups items (already in contract order) and returns the days and the rejected rows.</summary>
    public static (List<CombinationDay> Days, List<(OutpatientItemRecord Record, IReadOnlyList<ValidationIssue> Issues)> Rejected, OutpatientGroupingSummary Summary) Group(IEnumerable<OutpatientItem> items, CombinationTable? table = null, int maxBuffered = 4_000_000)
    {
        var days = new List<CombinationDay>();
        var rejected = new List<(OutpatientItemRecord, IReadOnlyList<ValidationIssue>)>();
        var grouping = new OutpatientGrouping(new CombinationGrouper(table ?? Table(), Levels), days.Add, (r, i) => rejected.Add((r, i)), maxBuffered);
        var row = 0;
        var summary = grouping.Run(items.Select(i => new OutpatientItemRecord(++row, i, [])));
        return (days, rejected, summary);
    }

    public static List<ChronicClaim> Claims(IEnumerable<OutpatientItem> items) =>
        items.GroupBy(i => i.ClaimId).Select(g => new ChronicClaim(g.ToList())).ToList();
}
