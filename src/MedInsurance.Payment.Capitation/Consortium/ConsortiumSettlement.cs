using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Consortium;

/// <summary>
/// 医共体年度清算 — per package: target = round_budget(base × (1 + negotiated growth)) + Σ cited adjustments
/// (payment-rules.md §4: "base = last year's actual fund spend of all members … × (1 + negotiated growth), ± volume and
/// quality adjustments"); spend = members' line payments + care outside (charged against the package); year end through
/// <see cref="RiskSharing"/>; result = fund pays − outside, split among members by largest remainder.
/// </summary>
internal static class ConsortiumSettlement
{
    public static ConsortiumResult Settle(ConsortiumCalculation calc)
    {
        var policy = calc.Policy;
        var issues = new List<ValidationIssue>();
        var statements = new List<ConsortiumStatement>();
        foreach (var (package, p) in policy.Packages.Select((x, i) => (x, i)).OrderBy(x => x.x.Id, StringComparer.Ordinal))
        {
            var lines = new List<StatementLine>();
            void Money(string code, string label, Money amount, string formula) => lines.Add(new StatementLine(code, label, amount, null, formula));
            var D = (Func<decimal, string>)ConsortiumCalculation.D;

            Money("base.inpatient", "上年住院基金支出", package.BaseInpatient, "给定（" + package.BaseSource + "）");
            Money("base.outpatient", "上年门诊基金支出", package.BaseOutpatient, "给定（" + package.BaseSource + "）");
            Money("base.outside", "上年医共体外就医基金支出", package.BaseOutside, "给定（" + package.BaseSource + "）");
            Money("base", "基数", package.Base, package.BaseInpatient + " + " + package.BaseOutpatient + " + " + package.BaseOutside + " = " + package.Base);
            var grown = package.Base.Multiply(1m + package.GrowthRate.Value).Round(policy.MoneyRule(RoundingStep.Budget));
            Money("target.growth", "按谈判增长率", grown, package.Base + " × (1 + " + D(package.GrowthRate.Value) + ") = " + grown + "（" + package.GrowthSource + "）");
            var target = grown;
            foreach (var a in package.Adjustments)
            {
                target += a.Amount;
                Money("target.adjust." + a.Code, a.Name.Length == 0 ? "调整" : a.Name, a.Amount, "给定（" + a.Source + "）");
            }

            Money("target", "年度总额控制指标", target, grown + string.Concat(package.Adjustments.Select(a => (a.Amount.IsNegative ? " − " + (-a.Amount) : " + " + a.Amount))) + " = " + target);

            var members = calc.Members.Select((m, i) => (m, i)).Where(x => x.m.ConsortiumId == package.Id).OrderBy(x => x.m.MemberId, StringComparer.Ordinal).ToList();
            var payments = new Money[members.Count];
            var points = new decimal[members.Count];
            var memberLines = new List<StatementLine>[members.Count];
            for (var k = 0; k < members.Count; k++)
            {
                var j = members[k].i;
                memberLines[k] = new List<StatementLine>();
                var money = Payment.Money.FromFen(calc.MemberMoneyFen[j]);
                var valued = Payment.Money.Zero;
                var terms = new List<string>();
                for (var s = 0; s < calc.Systems.Count; s++)
                {
                    if (calc.Points.TryGetValue((j, s), out var pts))
                    {
                        var value = policy.PointValues[calc.Systems[s]];
                        var amount = new UnroundedMoney(pts * value).Round(policy.MoneyRule(RoundingStep.AnnualPayable));
                        points[k] += pts;
                        valued += amount;
                        terms.Add(D(pts) + " 点(" + calc.Systems[s] + ") × " + D(value) + " = " + amount);
                    }
                }

                var patient = Payment.Money.FromFen(calc.PatientFen[j]);
                payments[k] = money + valued - patient;
                memberLines[k].Add(new StatementLine("member.lines", "按结算行支付", payments[k], null, "金额行 " + money + (terms.Count == 0 ? string.Empty : " + " + string.Join(" + ", terms)) + " − 点数行个人支付 " + patient + " = " + payments[k]));
            }

            var memberTotal = Payment.Money.Sum(payments);
            var outside = Payment.Money.FromFen(calc.OutsideFen[p]);
            var spend = memberTotal + outside;
            Money("spend.members", "成员结算行支付合计", memberTotal, string.Join(" + ", payments.Select(x => x.ToString())) + " = " + memberTotal);
            Money("spend.outside", "医共体外就医支出", outside, "Σ " + calc.OutsideCount[p] + " 条医共体外就医基金支付 = " + outside);
            Money("spend.total", "年度实际支出", spend, memberTotal + " + " + outside + " = " + spend);
            var risk = RiskSharing.Apply(policy.RiskSharing, target, spend, policy.MoneyRule(RoundingStep.RiskSharing));
            var bands = CapitationSettlement.Bands(policy.RiskSharing).Replace("预算", "总额控制指标");
            if (spend <= target)
            {
                Money("risk.surplus_kept", "结余留用", risk.SurplusKept, "指标 " + target + " − 支出 " + spend + " = 结余 " + (target - spend) + "；" + bands + " → 留用 " + risk.SurplusKept);
                Money("risk.surplus_reclaimed", "结余收回", risk.SurplusReclaimed, (target - spend) + " − " + risk.SurplusKept + " = " + risk.SurplusReclaimed);
                Money("fund.pays", "基金支付合计", risk.AfterRiskSharing, spend + " + " + risk.SurplusKept + " = " + risk.AfterRiskSharing);
            }
            else
            {
                Money("risk.overspend_shared", "超支分担（基金）", risk.OverspendShared, "支出 " + spend + " − 指标 " + target + " = 超支 " + (spend - target) + "；" + bands + " → 基金分担 " + risk.OverspendShared);
                Money("risk.overspend_borne", "超支自担（医共体）", risk.OverspendBorne, (spend - target) + " − " + risk.OverspendShared + " = " + risk.OverspendBorne);
                Money("fund.pays", "基金支付合计", risk.AfterRiskSharing, target + " + " + risk.OverspendShared + " = " + risk.AfterRiskSharing);
            }

            var result = risk.AfterRiskSharing - outside;
            Money("result", "医共体清算结果", result, risk.AfterRiskSharing + " − 医共体外就医 " + outside + " = " + result);

            var split = package.Split;
            decimal[] weights;
            string basis;
            if (split == ConsortiumSplitMethod.Supplied)
            {
                var supplied = Payment.Money.Sum(members.Select(x => x.m.SuppliedAmount ?? Payment.Money.Zero));
                if (supplied != result)
                {
                    issues.Add(ValidationIssue.Error(ConsortiumIssueCodes.SplitSuppliedMismatch, package.Id, "给定分配金额合计与清算结果不符，改按成员结算行分配", "The supplied amounts do not sum to the result; the split falls back to the members' lines."));
                    split = ConsortiumSplitMethod.Lines;
                }
            }

            switch (split)
            {
                case ConsortiumSplitMethod.Points:
                    weights = points;
                    basis = "按成员点数";
                    break;
                case ConsortiumSplitMethod.Shares:
                    weights = members.Select(x => x.m.Share ?? 0m).ToArray();
                    basis = "按固定比例";
                    break;
                case ConsortiumSplitMethod.Supplied:
                    weights = members.Select(x => (x.m.SuppliedAmount ?? Payment.Money.Zero).Yuan).ToArray();
                    basis = "按给定金额";
                    break;
                default:
                    weights = payments.Select(x => Math.Max(0m, x.Yuan)).ToArray();
                    basis = "按成员结算行支付";
                    break;
            }

            Money[] allocated;
            if (split == ConsortiumSplitMethod.Supplied)
            {
                allocated = members.Select(x => x.m.SuppliedAmount ?? Payment.Money.Zero).ToArray();
            }
            else if (weights.Any(w => w > 0m))
            {
                allocated = PoolAllocation.ByLargestRemainder(result, weights);
            }
            else
            {
                basis += "（权重均为0，改为均分）";
                allocated = members.Count == 0 ? [] : PoolAllocation.ByLargestRemainder(result, members.Select(_ => 1m).ToArray());
            }

            if (members.Count == 0 && !result.IsZero)
            {
                issues.Add(ValidationIssue.Error(ConsortiumIssueCodes.SplitValueMissing, package.Id, "医共体没有已受理的成员，结果无法分配", "The consortium has no accepted member to split the result among."));
            }

            var memberStatements = new List<ConsortiumMemberStatement>();
            var weightTotal = weights.Sum();
            for (var k = 0; k < members.Count; k++)
            {
                memberLines[k].Add(new StatementLine("member.allocated", "医共体内部分配", allocated[k], null, basis + "：" + result + " × " + D(weights[k]) + " ÷ " + D(weightTotal) + "（最大余数法）= " + allocated[k]));
                memberLines[k].Add(new StatementLine("member.adjustment", "年终调整", allocated[k] - payments[k], null, allocated[k] + " − " + payments[k] + " = " + (allocated[k] - payments[k])));
                memberStatements.Add(new ConsortiumMemberStatement(members[k].m, calc.MemberLines[members[k].i], points[k], payments[k], allocated[k], memberLines[k]));
            }

            Money("split.total", "成员分配合计", Payment.Money.Sum(allocated), basis + "，Σ 成员分配 = " + Payment.Money.Sum(allocated));
            statements.Add(new ConsortiumStatement(package, target, memberTotal, outside, calc.OutsideCount[p], risk, result, split, memberStatements, lines));
        }

        return new ConsortiumResult(policy, statements, calc.MemberOutcomes, issues, calc.RejectedLines, calc.RejectedOutside);
    }
}
