using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Capitation;

/// <summary>
/// 按人头付费年度清算 — prices an accumulated year. Each formula is one step: the budget (payment-rules.md §4
/// "budget = Σ(persons × standard)", counted by months enrolled), the referral charge, the year-end comparison through
/// <see cref="RiskSharing"/> (budget as payable, spend as the item-based amount), <see cref="AssessmentAdjustment"/>,
/// <see cref="MonthlyPreSettlement"/> and <see cref="DepositRelease"/> of the settlement core.
/// </summary>
internal static class CapitationSettlement
{
    private const int Funds = CapitationCalculation.Funds;

    public static CapitationResult Settle(CapitationCalculation calc, IEnumerable<SettlementHospital>? institutions)
    {
        calc.TakeColumns();
        var roster = calc.Roster;
        var policy = roster.Policy;
        var n = roster.Institutions.Count;
        var classes = policy.Classes.Count;
        var hospitals = new Dictionary<string, SettlementHospital>(StringComparer.Ordinal);
        var issues = new List<ValidationIssue>();
        foreach (var h in institutions ?? [])
        {
            if (!hospitals.ContainsKey(h.Id))
            {
                hospitals[h.Id] = h;
            }
        }

        foreach (var id in hospitals.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (Array.BinarySearch(roster.Institutions.ToArray(), id, StringComparer.Ordinal) < 0)
            {
                issues.Add(ValidationIssue.Warning(CapitationIssueCodes.InstitutionWithoutRoster, id, "机构不在名册中，无按人头清算单", "The institution has no roster row and no capitation statement."));
            }
        }

        // 1. Budget: the region's total rounded once, distributed by largest remainder over Σ standard × person-months.
        var weights = new decimal[n];
        var fundWeights = new decimal[n * Funds];
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < classes; c++)
            {
                var w = policy.Classes[c].StandardPerYear.Yuan * roster.PersonMonths(i, c);
                weights[i] += w;
                fundWeights[(i * Funds) + (int)policy.Classes[c].Fund] += w;
            }
        }

        var budgetRule = policy.MoneyRule(RoundingStep.AnnualPayable);
        var regionBudget = new UnroundedMoney(weights.Sum() / 12m).Round(budgetRule);
        var budgets = Allocate(regionBudget, weights);
        var schedule = policy.MonthlySchedule.Select(r => r.Value).ToArray();

        var risk = new RiskSharingOutcome[n];
        for (var i = 0; i < n; i++)
        {
            var spend = Money.FromFen(Sum(calc.InsideFen, i) + Sum(calc.ElsewhereFen, i) + Sum(calc.ChargeFen, i));
            risk[i] = RiskSharing.Apply(policy.RiskSharing, budgets[i], spend, policy.MoneyRule(RoundingStep.RiskSharing));
        }

        var capped = policy.RiskSharing.OverspendPool is { } pool ? RiskSharing.CapOverspend(risk, pool) : risk;
        var statements = new CapitationStatement[n];
        var lines = new List<SettlementLine>();
        for (var i = 0; i < n; i++)
        {
            var id = roster.Institutions[i];
            hospitals.TryGetValue(id, out var hospital);
            statements[i] = Statement(calc, i, id, hospital, budgets[i], regionBudget, weights, capped[i], capped != risk, schedule);
            lines.AddRange(Lines(calc, i, id, budgets[i], fundWeights, schedule, issues));
        }

        var s = statements;
        var summary = new CapitationSummary(
            n,
            roster.Persons,
            roster.AcceptedRows + roster.RejectedRows,
            roster.RejectedRows,
            calc.Claims,
            calc.RejectedClaims,
            calc.UncountedClaims,
            regionBudget,
            Money.Sum(s.Select(x => x.ReferralCharges)),
            Money.Sum(s.Select(x => x.Spend)),
            Money.Sum(s.Select(x => x.FundPays)),
            Money.Sum(s.Select(x => x.RiskSharing.SurplusKept)),
            Money.Sum(s.Select(x => x.RiskSharing.SurplusReclaimed)),
            Money.Sum(s.Select(x => x.RiskSharing.OverspendShared)),
            Money.Sum(s.Select(x => x.RiskSharing.OverspendBorne)),
            Money.Sum(s.Select(x => x.Assessment.Settled)),
            Money.Sum(s.Select(x => x.Transfer.Transfer)));
        return new CapitationResult(policy, statements, summary, lines, roster.Outcomes, issues);
    }

    private static CapitationStatement Statement(CapitationCalculation calc, int i, string id, SettlementHospital? hospital, Money budget, Money regionBudget, decimal[] weights, RiskSharingOutcome risk, bool poolCapped, decimal[] schedule)
    {
        var roster = calc.Roster;
        var policy = roster.Policy;
        var lines = new List<StatementLine>();
        void Money(string code, string label, Money amount, string formula) => lines.Add(new StatementLine(code, label, amount, null, formula));
        void Quantity(string code, string label, decimal quantity, string formula) => lines.Add(new StatementLine(code, label, null, quantity, formula));

        var persons = roster.PersonsPerInstitution[i];
        var months = new long[policy.Classes.Count];
        var terms = new List<string>();
        for (var c = 0; c < policy.Classes.Count; c++)
        {
            months[c] = roster.PersonMonths(i, c);
            if (months[c] > 0)
            {
                var k = policy.Classes[c];
                Quantity("persons." + k.Code, k.Name + "人月数", months[c], k.Name + "（" + k.Code + "）登记人月 " + N(months[c]) + "，人头标准 " + k.StandardPerYear + " 元/年");
                terms.Add(k.StandardPerYear + " × " + N(months[c]));
            }
        }

        Quantity("persons", "服务人数", persons, (policy.Basis == CapitationBasis.Signed ? "签约人数" : "服务人数") + "：名册中计入的人数 " + N(persons));
        var exact = weights[i] / 12m;
        Money("capitation.budget", "人头预算", budget, "Σ 人头标准 × 人月 ÷ 12 = (" + (terms.Count == 0 ? "0" : string.Join(" + ", terms)) + ") ÷ 12 = " + D(exact)
            + "；全区预算 " + regionBudget + " 按最大余数法分配 = " + budget);

        var referrals = Sum(calc.ReferralCount, i);
        var charges = Payment.Money.FromFen(Sum(calc.ChargeFen, i));
        var referred = Payment.Money.FromFen(Sum(calc.ReferredFen, i));
        Quantity("referral.count", "转诊人次", referrals, "转诊记录 " + N(referrals) + " 次，转诊基金支付 " + referred);
        Money("referral.charges", "转诊费用", charges, policy.Referral.Mode switch
        {
            ReferralChargeMode.Fee => N(referrals) + " 次 × 每次 " + policy.Referral.FeePerReferral + " = " + charges,
            ReferralChargeMode.Cost => "Σ min(转诊基金支付, 封顶 " + policy.Referral.CapPerReferral + ") over " + N(referrals) + " 次 = " + charges,
            _ => "政策不收取转诊费用 = 0.00",
        });
        var inside = Payment.Money.FromFen(Sum(calc.InsideFen, i));
        var elsewhere = Payment.Money.FromFen(Sum(calc.ElsewhereFen, i));
        var spend = inside + elsewhere + charges;
        Money("spend.inside", "机构内门诊统筹支出", inside, "Σ 本机构门诊统筹基金支付 = " + inside);
        Money("spend.elsewhere", "未经转诊在外就诊支出", elsewhere, "Σ 未经转诊在其他机构就诊的统筹基金支付 = " + elsewhere);
        Money("spend.total", "年度实际支出", spend, inside + " + " + elsewhere + " + 转诊费用 " + charges + " = " + spend);

        var bands = Bands(policy.RiskSharing);
        if (risk.SurplusKept + risk.SurplusReclaimed > Payment.Money.Zero || (risk.OverspendShared + risk.OverspendBorne).IsZero)
        {
            var surplus = budget - spend;
            Money("risk.surplus_kept", "结余留用", risk.SurplusKept, "预算 " + budget + " − 支出 " + spend + " = 结余 " + surplus + "；" + bands + " → 留用 " + risk.SurplusKept);
            Money("risk.surplus_reclaimed", "结余收回", risk.SurplusReclaimed, surplus + " − " + risk.SurplusKept + " = " + risk.SurplusReclaimed);
        }
        else
        {
            var over = spend - budget;
            Money("risk.overspend_shared", "超支分担（基金）", risk.OverspendShared, "支出 " + spend + " − 预算 " + budget + " = 超支 " + over + "；" + bands + " → 基金分担 " + risk.OverspendShared + (poolCapped ? "（超支分担资金池按最大余数法封顶）" : string.Empty));
            Money("risk.overspend_borne", "超支自担（机构）", risk.OverspendBorne, over + " − " + risk.OverspendShared + " = " + risk.OverspendBorne);
        }

        Money("fund.pays", "基金支付合计", risk.AfterRiskSharing, risk.ItemBasedFundAmount is { } fee && fee <= budget
            ? "支出 " + fee + " + 结余留用 " + risk.SurplusKept + " = " + risk.AfterRiskSharing
            : "预算 " + budget + " + 超支分担 " + risk.OverspendShared + " = " + risk.AfterRiskSharing);
        var own = risk.AfterRiskSharing - charges;
        Money("institution.amount", "机构应得", own, risk.AfterRiskSharing + " − 转诊费用 " + charges + " = " + own);

        var score = hospital?.AssessmentScore ?? policy.DefaultAssessmentScore;
        var coefficient = policy.AssessmentCoefficientFor(score);
        var annualDeduction = hospital?.AnnualDeduction ?? Payment.Money.Zero;
        var assessment = AssessmentAdjustment.Apply(own, coefficient, Payment.Money.Zero, annualDeduction, policy.MoneyRule(RoundingStep.Assessment));
        Quantity("assessment.coefficient", "考核系数", coefficient.Value, "考核得分 " + D(score) + (hospital is null ? "（未列出，按政策默认）" : string.Empty) + " → 系数 " + D(coefficient.Value));
        Money("assessment.after", "考核后应付", assessment.AfterAssessment, own + " × " + D(coefficient.Value) + " = " + assessment.AfterAssessment);
        Money("annual.settled", "年度清算应付", assessment.Settled, assessment.AfterAssessment + " − 年度扣款 " + annualDeduction + " = " + assessment.Settled);

        var monthBudgets = Allocate(budget, schedule);
        var monthAmounts = new MonthAmounts[12];
        for (var m = 0; m < 12; m++)
        {
            var charge = Payment.Money.FromFen(SumMonth(calc.ChargeFen, i, m));
            var basis = monthBudgets[m] - charge;
            monthAmounts[m] = MonthlyPreSettlement.Compute(basis.Yuan, Payment.Money.Zero, policy.Advance);
            Money("month." + (m + 1).ToString("00", CultureInfo.InvariantCulture), (m + 1).ToString(CultureInfo.InvariantCulture) + "月预付", monthAmounts[m].PreSettlement,
                "预算 " + budget + " × " + D(schedule[m]) + "（最大余数法）= " + monthBudgets[m] + " − 当月转诊费用 " + charge + " = " + basis + "；" + monthAmounts[m].Formula);
        }

        var pre = Payment.Money.Sum(monthAmounts.Select(a => a.PreSettlement));
        var deposit = Payment.Money.Sum(monthAmounts.Select(a => a.DepositWithheld));
        var advance = hospital?.WorkingAdvance ?? Payment.Money.Zero;
        var release = policy.DepositReleaseFor(score);
        var transfer = DepositRelease.Apply(assessment.Settled, pre, advance, deposit, release, policy.MoneyRule(RoundingStep.DepositRelease));
        Money("monthly.total", "月度预付合计", pre, "Σ 12 个月预付 = " + pre);
        Money("deposit.withheld", "预留质量保证金", deposit, "Σ 每月预留 = " + deposit);
        Money("advance.working", "预付周转金", advance, hospital?.WorkingAdvance is null ? "未给定 = 0.00" : "给定 " + advance);
        Money("clearing.due", "清算应拨", transfer.AmountDue, assessment.Settled + " − " + pre + " − " + advance + " = " + transfer.AmountDue);
        Money("deposit.released", "返还质量保证金", transfer.Released, deposit + " × " + D(release.Value) + " = " + transfer.Released);
        Money("deposit.forfeited", "扣留质量保证金", transfer.Forfeited, deposit + " − " + transfer.Released + " = " + transfer.Forfeited);
        Money("clearing.transfer", "清算拨付", transfer.Transfer, transfer.AmountDue + " + " + transfer.Released + " = " + transfer.Transfer);

        return new CapitationStatement(id, hospital?.Hospital.Name ?? string.Empty, persons, months, budget, referrals, charges, referred, inside, elsewhere, risk, assessment, monthAmounts, advance, transfer, lines);
    }

    private static List<SettlementLine> Lines(CapitationCalculation calc, int i, string id, Money budget, decimal[] fundWeights, decimal[] schedule, List<ValidationIssue> issues)
    {
        var policy = calc.Roster.Policy;
        var weights = new decimal[Funds];
        Array.Copy(fundWeights, i * Funds, weights, 0, Funds);
        var byFund = Allocate(budget, weights);
        var result = new List<SettlementLine>();
        var pointsRule = new RoundingRule(RoundingMode.HalfAwayFromZero, 4);
        for (var f = 0; f < Funds; f++)
        {
            long charge = 0;
            for (var m = 0; m < 12; m++)
            {
                charge += calc.ChargeFen[Cell(i, f, m)];
            }

            var net = byFund[f] - Money.FromFen(charge);
            if (net.IsNegative)
            {
                issues.Add(ValidationIssue.Warning(CapitationIssueCodes.ReferralExceedsBudget, id, "转诊费用超过人头预算，结算行金额记为0", "The referral charges exceed the budget; the settlement lines carry 0."));
                net = Money.Zero;
            }

            var months = Allocate(net, schedule);
            for (var m = 0; m < 12; m++)
            {
                var c = Cell(i, f, m);
                var spent = Money.FromFen(calc.InsideFen[c] + calc.ElsewhereFen[c]);
                if (months[m].IsZero && spent.IsZero && calc.ClaimCount[c] == 0)
                {
                    continue;
                }

                var basis = policy.LineConversionValue is { } value
                    ? SettlementBasis.OfPoints(policy.LinePointSystem, pointsRule.Round(months[m].Yuan / value))
                    : SettlementBasis.OfMoney(months[m], policy.LinePointSystem);
                var fund = (InsuranceFund)f;
                var lineId = "CAP-" + id + "-" + FundCode(fund) + "-" + (m + 1).ToString("00", CultureInfo.InvariantCulture);
                result.Add(new SettlementLine(lineId, id, fund, m + 1, SettlementMethods.Capitation, basis, spent, Money.Zero, spent));
            }
        }

        return result;
    }

    internal static Money[] Allocate(Money pool, IReadOnlyList<decimal> weights)
    {
        var any = false;
        foreach (var w in weights)
        {
            any |= w > 0m;
        }

        return any ? PoolAllocation.ByLargestRemainder(pool, weights) : new Money[weights.Count];
    }

    private static int Cell(int i, int fund, int month) => (((i * Funds) + fund) * 12) + month;

    private static long Sum(long[] cells, int i)
    {
        long total = 0;
        for (var k = i * Funds * 12; k < (i + 1) * Funds * 12; k++)
        {
            total += cells[k];
        }

        return total;
    }

    private static long SumMonth(long[] cells, int i, int month)
    {
        long total = 0;
        for (var f = 0; f < Funds; f++)
        {
            total += cells[Cell(i, f, month)];
        }

        return total;
    }

    internal static string Bands(RiskSharingRule rule)
    {
        var sb = new StringBuilder();
        sb.Append("结余区间 ");
        sb.Append(rule.Surplus.Count == 0 ? "未设（结余全额留用）" : Describe(rule.Surplus));
        sb.Append("；超支区间 ");
        sb.Append(rule.Overspend.Count == 0 ? "未设（超支机构自担）" : Describe(rule.Overspend));
        return sb.ToString();

        static string Describe(IReadOnlyList<RiskSharingBand> bands)
        {
            var parts = new List<string>();
            var lower = 0m;
            foreach (var b in bands)
            {
                parts.Add(b.UpTo is { } u
                    ? D(lower * 100m) + "–" + D(u.Value * 100m) + "% 按 " + D(b.Share.Value * 100m) + "%"
                    : ">" + D(lower * 100m) + "% 按 " + D(b.Share.Value * 100m) + "%");
                lower = b.UpTo?.Value ?? lower;
            }

            return string.Join("，", parts) + "（区间上限为预算的比例）";
        }
    }

    internal static string FundCode(InsuranceFund fund) => fund switch
    {
        InsuranceFund.Employee => "employee",
        InsuranceFund.Resident => "resident",
        _ => "other",
    };

    internal static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string D(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
