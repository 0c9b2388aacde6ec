using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Rules;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>
/// Golden test against ../shared/golden/chs-drg-1.1/cases.csv and cases-50k.csv (expected values from the OpenDRG peer
/// grouper, QY off). Every disagreement must fall into a class of <c>peer-differences.json</c> (documented in
/// docs/drg/peer-differences.md), and each class must have exactly the count the data file states for the golden file.
/// </summary>
public sealed class GoldenTests
{
    [Theory]
    [InlineData("cases.csv")]
    [InlineData("cases-50k.csv")]
    public void Every_disagreement_with_the_peer_is_a_documented_class_with_its_documented_count(string file)
    {
        var path = SharedData.Require("golden/chs-drg-1.1/" + file);
        var grouper = SharedPack.Grouper(ambiguousCheck: false);
        var catalog = PeerDifferenceCatalog.LoadDefault(grouper, SharedData.Require("data/chs-drg/1.1"));
        var expected = File.ReadLines(path).Skip(1).Select(l => l.Split(',')).ToList();
        var records = CaseCsvReader.ReadFile(path);
        Assert.Equal(expected.Count, records.Count);

        var agree = 0;
        var unexplained = new List<string>();
        var counts = catalog.Classes.ToDictionary(k => k.Id, _ => 0, StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var row = expected[i];
            var result = grouper.Group(records[i].Value!);
            if (result.Drg == row[12])
            {
                agree++;
                continue;
            }

            var kind = catalog.Classify(records[i].Value!, result, row[10], row[11]);
            if (kind is null)
            {
                unexplained.Add(row[0] + ": peer " + row[12] + ", ours " + result.Drg);
            }
            else
            {
                counts[kind.Id]++;
            }
        }

        Assert.Empty(unexplained);
        Assert.True(agree * 1000 >= records.Count * 995, "agreement " + agree + "/" + records.Count);
        var documented = catalog.Classes.ToDictionary(k => k.Id, k => k.Counts.TryGetValue(file, out var n) ? n : 0, StringComparer.Ordinal);
        Assert.Equal(documented, counts);
    }

    [Fact]
    public void Every_recogniser_named_by_the_data_exists_and_every_class_has_a_reason()
    {
        var catalog = PeerDifferenceCatalog.LoadDefault(SharedPack.Grouper(ambiguousCheck: false), SharedData.Require("data/chs-drg/1.1"));
        Assert.NotEmpty(catalog.Classes);
        Assert.All(catalog.Classes, k => Assert.False(string.IsNullOrWhiteSpace(k.Reason), k.Id));
        Assert.Equal(catalog.Classes.Count, catalog.Classes.Select(k => k.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Throws<InvalidDataException>(() => PeerDifferenceCatalog.Load(
            "{\"classes\":[{\"id\":\"X\",\"reason\":\"r\",\"recogniser\":\"no-such-rule\",\"counts\":{}}]}",
            SharedPack.Grouper(ambiguousCheck: false),
            new Dictionary<string, (string, string)>()));
    }

    [Theory]
    [InlineData("cases.csv", 4996)]
    [InlineData("cases-50k.csv", 49974)]
    public void Agreement_under_the_national_procedure_classification_is_recorded(string file, int agreeing)
    {
        // docs/drg/peer-differences.md, “Agreement by operating-room definition”: 手术 + 介入治疗 of SS_GL30_CLASS.dat
        // (its 42 lines without a code skipped) instead of the surgical ADRG lists.
        var table = ProcedureClassification.ReadFile(SharedData.Require("data/codes-2.0/SS_GL30_CLASS.dat"), skipLinesWithoutCode: true);
        var grouper = new DrgGrouper(SharedPack.Chs11().Pack, new DrgPolicy { Name = "test", Version = "1", AmbiguousGroupCheck = false }, OperatingRoomDefinition.FromClassification(table));
        var path = SharedData.Require("golden/chs-drg-1.1/" + file);
        var expected = File.ReadLines(path).Skip(1).Select(l => l.Split(',')[12]).ToList();
        var records = CaseCsvReader.ReadFile(path);
        Assert.Equal(agreeing, records.Where((r, i) => grouper.Group(r.Value!).Drg == expected[i]).Count());
    }
}
