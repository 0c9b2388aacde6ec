using System;
using System.Collections.Generic;
using System.Globalization;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Outpatient;

namespace MedInsurance.Payment.Demo;

/// <summary>
/// 示例门诊费用明细生成 — outpatient item lines of secondary and tertiary hospitals in the order an agency exports them
/// (claims in service-date order, the lines of a claim together): synthetic and deterministic for a seed.
/// </summary>
/// <remarks>
/// Each claim is one visit of a kind: a surgical procedure (体表肿物切除/清创缝合), diabetes follow-up, an upper
/// respiratory infection, a dressing change, rehabilitation, or other items that match no combination; one visit in
/// twenty is at the township health centre DEMO-H5 (level 1, no combination price: fee-for-service).
/// </remarks>
internal static class DemoOutpatientItemGenerator
{
    public static IEnumerable<OutpatientItem> Items(IReadOnlyList<string> hospitals, string primary, long lines, int year, int persons, int seed)
    {
        var random = new Random(seed);
        var perDay = Math.Max(1, lines / 365);
        long produced = 0;
        var start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var items = new List<(string Code, OutpatientItemKind Kind)>(8);
        for (var d = 0; produced < lines; d++)
        {
            var date = start.AddDays(Math.Min(d, 364));
            var key = (date.Year * 10_000) + (date.Month * 100) + date.Day;
            var dayText = key.ToString(CultureInfo.InvariantCulture);
            var target = d >= 364 ? lines : Math.Min(lines, produced + perDay);
            var claim = 0;
            while (produced < target)
            {
                var person = random.Next(persons);
                var personId = "P" + person.ToString("D7", CultureInfo.InvariantCulture);
                var fund = person % 100 < 45 ? InsuranceFund.Employee : InsuranceFund.Resident;
                var hospital = random.Next(20) == 0 ? primary : hospitals[person % hospitals.Count];
                var claimId = "C" + dayText + "-" + (claim++).ToString("D6", CultureInfo.InvariantCulture);
                items.Clear();
                Visit(random, items);
                foreach (var (code, kind) in items)
                {
                    if (produced >= lines)
                    {
                        break;
                    }

                    var fen = 500 + random.Next(30_000);
                    yield return new OutpatientItem(claimId, personId, hospital, fund, key, code, kind, 1m, Money.FromFen(fen), string.Empty);
                    produced++;
                }
            }
        }
    }

    private static void Visit(Random random, List<(string, OutpatientItemKind)> items)
    {
        var kind = random.Next(100);
        if (kind < 5)
        {
            items.Add((random.Next(2) == 0 ? "86.3x00" : "86.5900", OutpatientItemKind.Procedure));
            items.Add(("C0312001", OutpatientItemKind.Consumable));
            items.Add(("XD08AXA001", OutpatientItemKind.Drug));
        }
        else if (kind < 20)
        {
            items.Add(("250301001", OutpatientItemKind.Test));
            items.Add(("XA10BAA001", OutpatientItemKind.Drug));
        }
        else if (kind < 50)
        {
            items.Add(("XJ01CRA001", OutpatientItemKind.Drug));
            items.Add(("250101015", OutpatientItemKind.Test));
        }
        else if (kind < 60)
        {
            items.Add(("120400001", OutpatientItemKind.Procedure));
            items.Add(("C0301001", OutpatientItemKind.Consumable));
        }
        else if (kind < 70)
        {
            items.Add(("340200003", OutpatientItemKind.Procedure));
        }
        else
        {
            items.Add(("XN02BEA001", OutpatientItemKind.Drug));
            items.Add(("250102001", OutpatientItemKind.Test));
        }

        if (random.Next(3) == 0)
        {
            items.Add(("110200001", OutpatientItemKind.Procedure));
        }
    }
}
