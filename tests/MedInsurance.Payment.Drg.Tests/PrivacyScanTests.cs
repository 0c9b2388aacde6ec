using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;
using static MedInsurance.Payment.Drg.Tests.MiniRuleText;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>
/// Privacy by default (issue 13): random case rows with distinctive diagnoses, procedures, ages, stays and costs go
/// through the case reader, the validator and the grouper; no issue message and no <c>ToString()</c> may contain any
/// of those values. The values stay available in <see cref="ValidationIssue.Value"/>.
/// </summary>
public sealed class PrivacyScanTests
{
    private static readonly DrgGrouper G = Grouper();

    private static Gen<string[]> RowGen() =>
        from dx in Gen.Elements("Q87.419x003", "G40.900", "E11.900", "ZZ-98/7", "K56.700x001", "M32.108+N08.5*")
        from dx2 in Gen.Elements("Q87.419x003", "G40.900", "E11.900", "Y99-1", "I10.x00")
        from px in Gen.Elements("47.0100x003", "01.2400", "99.9999Z", "88.7601")
        from age in Gen.Choose(101, 149)
        from los in Gen.Choose(1_234, 9_876)
        from fen in Gen.Choose(1_000_001, 99_999_999)
        from cat in Gen.Choose(1_000_001, 9_999_999)
        select new[] { dx + "|" + dx2 + "|" + dx2, px + "|" + px, age.ToString(CultureInfo.InvariantCulture), los.ToString(CultureInfo.InvariantCulture), Yuan(fen), Yuan(cat) };

    private static string Yuan(int fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    [Property(MaxTest = 200)]
    public Property No_message_or_ToString_carries_a_patients_values() =>
        Prop.ForAll(RowGen().ToArbitrary(), row =>
        {
            var (dx, px, age, los, total, drugs) = (row[0], row[1], row[2], row[3], row[4], row[5]);
            var csv = "id,sex,age,los,admission_date,discharge_date,discharge_type,diagnoses,procedures,total_cost,drug_cost\n"
                + "P1,1," + age + "," + los + ",2026-01-01,2026-01-09,1," + dx + "," + px + "," + total + "," + drugs + "\n";
            var record = CaseCsvReader.Read(new StringReader(csv)).Single();
            var issues = new List<ValidationIssue>(record.Issues);
            if (record.Value is { } c)
            {
                var prepared = G.Prepare(c);
                issues.AddRange(G.Explain(prepared).Issues);
            }

            var secrets = dx.Split('|').Concat(px.Split('|')).Concat(new[] { age, los, total, drugs }).Where(s => s.Length > 0).Distinct().ToArray();
            var texts = issues.SelectMany(i => new[] { i.MessageZh, i.MessageEn, i.ToString(), i.ToCompactString() }).ToArray();
            var leaks = texts.SelectMany(t => secrets.Where(s => t.Contains(s, StringComparison.Ordinal)).Select(s => s + " in: " + t)).ToArray();
            return (leaks.Length == 0).Label(string.Join(" / ", leaks)).And(issues.Count > 0);
        });

    [Fact]
    public void The_offending_value_is_kept_apart_from_the_message()
    {
        var record = CaseCsvReader.Read(new StringReader("id,sex,age,los,discharge_type,diagnoses\nP1,1,40,5,1,ZZ-98/7\n")).Single();
        var issue = Assert.Single(record.Issues, i => i.Code == IssueCodes.CodeMalformed);
        Assert.Equal("ZZ-98/7", issue.Value);
        Assert.DoesNotContain("ZZ-98/7", issue.ToString(), StringComparison.Ordinal);
    }
}
