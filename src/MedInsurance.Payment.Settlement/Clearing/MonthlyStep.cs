using System.Collections.Generic;
using System.Globalization;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Settlement;

/// <summary>月度预结算合计 — one hospital's year of monthly pre-settlements and the deposit held back.</summary>
internal readonly record struct MonthlyTotals(Money PreSettlements, Money DepositWithheld);

/// <summary>
/// 按月预付、月预结算 — every hospital's monthly pre-settlement at the preset values with the policy's deposit form
/// (<see cref="MonthlyPreSettlement"/>; payment-rules.md §2, §5), or the payment the agency actually made when one is
/// given. Writes the month lines, the year's total and the deposit withheld.
/// </summary>
internal static class MonthlyStep
{
    private const int Months = ClearingYear.Months;

    public static MonthlyTotals[] Apply(ClearingYear year, Dictionary<string, int> index, IReadOnlyList<MonthlyPayment> payments)
    {
        var policy = year.Policy;
        var ledger = year.Ledger;
        var recorder = year.Recorder;
        var overrides = Overrides(index, payments, year.Issues);
        var terms = policy.AdvanceTerms;
        var totals = new MonthlyTotals[year.Count];
        for (var h = 0; h < year.Count; h++)
        {
            var preTotal = Money.Zero;
            var depositTotal = Money.Zero;
            for (var m = 1; m <= Months; m++)
            {
                MonthAmounts month;
                if (overrides.TryGetValue((h, m), out var actual))
                {
                    month = new MonthAmounts(actual.PreSettlement, actual.DepositWithheld, actual.PreSettlement - actual.DepositWithheld, "实际拨付记录");
                }
                else if (ledger.MonthCount[(h * Months) + m - 1] == 0)
                {
                    continue;
                }
                else
                {
                    var (basis, text) = Basis(year, h, m - 1);
                    month = MonthlyPreSettlement.Compute(basis, Money.FromFen(ledger.MonthAudit[(h * Months) + m - 1]), terms);
                    month = month with { Formula = "(" + text + " = " + ClearingYear.N(basis) + ")；" + month.Formula };
                }

                preTotal += month.PreSettlement;
                depositTotal += month.DepositWithheld;
                recorder.Money(h, "month." + m.ToString("00", CultureInfo.InvariantCulture), m.ToString(CultureInfo.InvariantCulture) + "月预结算", month.PreSettlement, month.Formula);
            }

            recorder.Money(h, "monthly.total", "月度预结算合计", preTotal, "Σ月度预结算");
            recorder.Money(h, "deposit.withheld", "预留质量保证金", depositTotal, policy.DepositForm == DepositForm.UnpaidRemainder ? "Σ月度未拨部分（预拨比例 " + ClearingYear.N(policy.AdvanceRatio.Value) + "）" : "Σ月度预留保证金（比例 " + ClearingYear.N(policy.QualityDepositRate.Value) + "）");
            totals[h] = new MonthlyTotals(preTotal, depositTotal);
        }

        return totals;
    }

    /// <summary>
    /// The month's amount before the advance ratio: Σ pools (points × preset value − patients' share, or × fund ratio)
    /// + the month's money lines (payment-rules.md §2 monthly pre-settlement).
    /// </summary>
    private static (decimal Basis, string Formula) Basis(ClearingYear year, int h, int m)
    {
        var policy = year.Policy;
        var ledger = year.Ledger;
        decimal basis = 0m;
        var parts = new List<string>();
        long monthPatient = 0;
        for (var p = 0; p < policy.Pools.Count; p++)
        {
            var cell = ledger.PointCell(h, p, m);
            if (ledger.PointsCount[cell] == 0)
            {
                continue;
            }

            var pool = policy.Pools[p];
            var u = (decimal)ledger.Points[cell] / year.Scale;
            var grossMonth = u * pool.PresetValue.Yuan;
            if (policy.PayableForm == PayableForm.FundPaymentRatio)
            {
                basis += grossMonth * pool.FundPaymentRatio.Value;
                parts.Add(ClearingYear.N(u) + " × " + ClearingYear.N(pool.PresetValue.Yuan) + " × " + ClearingYear.N(pool.FundPaymentRatio.Value));
            }
            else
            {
                basis += grossMonth - Money.FromFen(ledger.PointsPatient[cell]).Yuan;
                parts.Add(ClearingYear.N(u) + " × " + ClearingYear.N(pool.PresetValue.Yuan));
                monthPatient += ledger.PointsPatient[cell];
            }
        }

        long moneyMonth = 0;
        for (var s = 0; s <= policy.Pools.Count; s++)
        {
            moneyMonth += ledger.MoneyAmount[ledger.MoneyCell(h, s, m)];
        }

        basis += Money.FromFen(moneyMonth).Yuan;
        var text = (parts.Count == 0 ? "0" : string.Join(" + ", parts))
            + (monthPatient == 0 ? string.Empty : " − 个人支付 " + Money.FromFen(monthPatient))
            + (moneyMonth == 0 ? string.Empty : " + 金额行 " + Money.FromFen(moneyMonth));
        return (basis, text);
    }

    /// <summary>The payments the agency made, by hospital and month; unknown hospitals, bad months, negative deposits and repeats are rejected with a code.</summary>
    private static Dictionary<(int, int), MonthlyPayment> Overrides(Dictionary<string, int> index, IReadOnlyList<MonthlyPayment> payments, List<LineIssue> issues)
    {
        var result = new Dictionary<(int, int), MonthlyPayment>();
        foreach (var mp in payments)
        {
            if (mp is null)
            {
                continue;
            }

            var id = mp.HospitalId ?? string.Empty;
            void Reject(string code, string field, string zh, string en) =>
                issues.Add(new LineIssue(-1, id, ValidationIssue.Error(code, field, zh, en)));
            if (!index.TryGetValue(id, out var h))
            {
                Reject(SettlementIssueCodes.MonthlyPaymentHospitalUnknown, "monthly.hospital_id", "月度拨付记录的医疗机构不在机构清单中，未采用", "A monthly payment names a hospital not in the list; not used.");
            }
            else if (mp.Month is < 1 or > Months)
            {
                Reject(SettlementIssueCodes.MonthOutOfRange, "monthly.month", "月度拨付记录月份须在1–12，未采用", "A monthly payment's month must be 1–12; not used.");
            }
            else if (mp.DepositWithheld.IsNegative)
            {
                Reject(SettlementIssueCodes.AmountNegative, "monthly.deposit_withheld", "预留保证金不能为负，未采用", "A monthly payment's deposit must not be negative; not used.");
            }
            else if (result.ContainsKey((h, mp.Month)))
            {
                Reject(SettlementIssueCodes.MonthlyPaymentDuplicated, "monthly.month", "同一机构同一月份的拨付记录重复，采用第一条", "A hospital and month occur twice in the monthly payments; the first is used.");
            }
            else
            {
                result[(h, mp.Month)] = mp;
            }
        }

        return result;
    }
}
