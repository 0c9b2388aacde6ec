using System.Globalization;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 金额折算点数 — the whole-region point method (全区域点数法, payment-rules.md §4): the money of every converted line,
/// summed per hospital × rule × pool × month in fen, becomes points of the pool once per cell
/// (<see cref="PointConversionFormulas.ToPoints"/>, the units rounding rule), joins the month's and the year's points
/// with its patients' share, and is written on the statement with the conversion value and its source.
/// </summary>
/// <remarks>Runs before special review and valuation, so converted points are valued at the pool's point value and
/// pre-settled monthly like every other point. Integer cells: the result is the same for any line order.</remarks>
internal static class PointConversionStep
{
    public static void Apply(ClearingYear year)
    {
        var policy = year.Policy;
        var ledger = year.Ledger;
        if (ledger.Conversions == 0)
        {
            return;
        }

        var unitsRule = policy.Rounding.TryGetValue(RoundingStep.Units, out var r) ? r : new RoundingRule(RoundingMode.HalfAwayFromZero, policy.UnitDecimals);
        for (var h = 0; h < year.Count; h++)
        {
            for (var k = 0; k < ledger.Conversions; k++)
            {
                var rule = policy.PointConversions[k];
                for (var p = 0; p < ledger.Pools; p++)
                {
                    long fen = 0, scaled = 0;
                    var lines = 0;
                    for (var m = 0; m < ClearingYear.Months; m++)
                    {
                        var cell = ledger.ConvertedCell(h, k, p, m);
                        if (ledger.ConvertedCount[cell] == 0)
                        {
                            continue;
                        }

                        var amount = Money.FromFen(ledger.ConvertedFen[cell]);
                        var points = decimal.ToInt64(PointConversionFormulas.ToPoints(amount, rule.ConversionValue, unitsRule) * year.Scale);
                        var target = ledger.PointCell(h, p, m);
                        ledger.Points[target] = checked(ledger.Points[target] + points);
                        ledger.PointsPatient[target] = checked(ledger.PointsPatient[target] + ledger.ConvertedPatient[cell]);
                        ledger.PointsCount[target] += ledger.ConvertedCount[cell];
                        year.Points[h, p] = checked(year.Points[h, p] + points);
                        year.PointsPatient[h, p] = checked(year.PointsPatient[h, p] + ledger.ConvertedPatient[cell]);
                        fen += ledger.ConvertedFen[cell];
                        scaled += points;
                        lines += ledger.ConvertedCount[cell];
                    }

                    if (lines == 0)
                    {
                        continue;
                    }

                    var label = "（" + rule.Method + "→" + policy.Pools[p].Key + "）";
                    var tag = "." + rule.Method + "." + policy.Pools[p].Key;
                    var total = Money.FromFen(fen);
                    var value = ClearingYear.N(rule.ConversionValue.Yuan);
                    year.Recorder.Money(h, "converted" + tag, "折算金额" + label, total, "Σ金额行 " + lines.ToString(CultureInfo.InvariantCulture) + " 条");
                    year.Recorder.Quantity(
                        h,
                        "converted_points" + tag,
                        "折算点数" + label,
                        (decimal)scaled / year.Scale,
                        "Σ各月(金额 ÷ 折算点值 " + value + ")，每月按支付单元规则舍入" + (rule.Source.Length == 0 ? string.Empty : "；折算点值依据：" + rule.Source));
                }
            }
        }
    }
}
