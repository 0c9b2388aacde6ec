using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 年度清算 — clears a year of settlement lines of every method in one regional budget (总额控制、按月预付、月预结算、
/// 年度清算, 结余留用、合理超支分担; payment-rules.md §2–§5; DIP 3.0 draft ch. 7; 2025 handling rules).
/// </summary>
/// <remarks>
/// <para>The clearing is a sequence of named steps, each in its own type and each writing its statement lines through one
/// recorder: line intake (<see cref="LineIntake"/>), special review (<see cref="SpecialReviewStep"/>), pool valuation
/// (<see cref="PoolValuation"/>), payable, risk sharing (<see cref="RiskSharing"/>), assessment and deductions
/// (<see cref="AssessmentAdjustment"/>), monthly pre-settlement and deposit (<see cref="MonthlyPreSettlement"/>), advance
/// and deposit release (<see cref="DepositRelease"/>), summary.</para>
/// <para>The engine knows no payment method: a line is points in a named point system or a money amount. A pure
/// function: lines are summed into integer cells, so the result is identical for any line order and thread count.
/// Pools are distributed by <see cref="PoolAllocation.ByLargestRemainder"/> in hospital-id order (ordinal).</para>
/// </remarks>
public static class ClearingEngine
{
    private const int Months = ClearingLedger.Months;

    /// <summary>Runs the clearing.</summary>
    /// <param name="policy">The policy profile.</param>
    /// <param name="hospitals">The hospitals or consortia (ids unique).</param>
    /// <param name="lines">The settlement lines of the year, of any method.</param>
    /// <param name="monthlyPayments">Monthly pre-settlements already made, replacing the computed ones for their hospital and month; may be empty.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the intake (−1: all cores; otherwise ≥ 1). The result does not depend on it.</param>
    /// <returns>The statements, pools, summary and issues; bad lines are rejected with coded issues, never thrown.</returns>
    /// <exception cref="ArgumentException">When hospital ids repeat or the policy has errors (configuration, not data).</exception>
    public static ClearingResult Run(
        SettlementPolicy policy,
        IReadOnlyList<SettlementHospital> hospitals,
        IReadOnlyList<SettlementLine> lines,
        IReadOnlyList<MonthlyPayment> monthlyPayments,
        int maxDegreeOfParallelism)
    {
        if (policy is null || hospitals is null || lines is null || monthlyPayments is null)
        {
            throw new ArgumentNullException(policy is null ? nameof(policy) : hospitals is null ? nameof(hospitals) : lines is null ? nameof(lines) : nameof(monthlyPayments));
        }

        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use −1 for all cores or a number of threads ≥ 1.");
        }

        var policyErrors = policy.Validate().Where(i => i.IsError).ToList();
        if (policyErrors.Count > 0)
        {
            throw new ArgumentException("The policy has errors: " + string.Join("; ", policyErrors.Select(e => e.Code + " " + e.Field)), nameof(policy));
        }

        var ordered = hospitals.OrderBy(h => h.Id, StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(ordered.Length, StringComparer.Ordinal);
        for (var i = 0; i < ordered.Length; i++)
        {
            if (index.ContainsKey(ordered[i].Id))
            {
                throw new ArgumentException("A hospital id occurs more than once in the hospital list.", nameof(hospitals));
            }

            index.Add(ordered[i].Id, i);
        }

        var ledger = LineIntake.Take(policy, index, lines, maxDegreeOfParallelism);
        return Settle(policy, ordered, index, ledger, monthlyPayments);
    }

    private static ClearingResult Settle(SettlementPolicy policy, SettlementHospital[] hospitals, Dictionary<string, int> index, ClearingLedger ledger, IReadOnlyList<MonthlyPayment> monthlyPayments)
    {
        var n = hospitals.Length;
        var pools = policy.Pools.Count;
        var slots = pools + 1;
        var scale = LineIntake.Scale(policy.UnitDecimals);
        var payRule = policy.MoneyRule(RoundingStep.AnnualPayable);
        var issues = new List<LineIssue>(ledger.Issues);
        var recorder = new StatementRecorder(n);

        // Annual sums per hospital × pool (points, patients' share of point lines) and × slot (money lines).
        var points = new long[n, pools];
        var patient = new long[n, pools];
        var money = new long[n, slots];
        var lineCount = new int[n];
        var audit = new long[n];
        for (var h = 0; h < n; h++)
        {
            for (var m = 0; m < Months; m++)
            {
                lineCount[h] += ledger.MonthCount[(h * Months) + m];
                audit[h] += ledger.MonthAudit[(h * Months) + m];
                for (var p = 0; p < pools; p++)
                {
                    var cell = ledger.PointCell(h, p, m);
                    points[h, p] += ledger.Points[cell];
                    patient[h, p] += ledger.PointsPatient[cell];
                }

                for (var s = 0; s < slots; s++)
                {
                    money[h, s] += ledger.MoneyAmount[ledger.MoneyCell(h, s, m)];
                }
            }
        }

        // Step: special review (regional cap, agency decisions applied).
        var specialPay = new decimal[n, slots];
        var specialCount = new int[n];
        var review = SpecialReviewStep.Apply(policy, ledger, points, patient, money, specialPay, specialCount, issues);
        var special = new Money[n, slots];
        for (var h = 0; h < n; h++)
        {
            for (var s = 0; s < slots; s++)
            {
                special[h, s] = new UnroundedMoney(specialPay[h, s]).Round(payRule);
            }
        }

        // Steps: pool valuation and payable.
        var payable = new Money[n];
        var poolSummaries = new List<PoolSummary>();
        for (var p = 0; p < pools; p++)
        {
            var pool = policy.Pools[p];
            var label = "（" + pool.Key + "）";
            var adjusted = new decimal[n];
            var specialTotal = Money.Zero;
            var moneyTotal = Money.Zero;
            for (var h = 0; h < n; h++)
            {
                adjusted[h] = (decimal)points[h, p] / scale;
                specialTotal += special[h, p];
                moneyTotal += Money.FromFen(money[h, p]);
            }

            var valued = PoolValuation.Value(policy, p, hospitals, adjusted, specialTotal + moneyTotal, issues);
            var ratio = pool.FundPaymentRatio.Value;
            var poolPayable = Money.Zero;
            for (var h = 0; h < n; h++)
            {
                if (adjusted[h] == 0m && special[h, p].IsZero && money[h, p] == 0)
                {
                    continue;
                }

                Money pay;
                string formula;
                if (valued.UsesFundSide)
                {
                    pay = valued.FundSide[h];
                    formula = valued.GrossFormula[h];
                }
                else if (policy.PayableForm == PayableForm.FundPaymentRatio)
                {
                    pay = valued.Gross[h].Multiply(ratio).Round(payRule);
                    formula = "标准金额 " + valued.Gross[h] + " × 基金支付比例 " + N(ratio);
                }
                else
                {
                    pay = valued.Gross[h] - Money.FromFen(patient[h, p]);
                    formula = "标准金额 " + valued.Gross[h] + " − 个人支付 " + Money.FromFen(patient[h, p]);
                }

                var drawn = Money.FromFen(money[h, p]);
                pay += special[h, p] + drawn;
                poolPayable += pay;
                payable[h] += pay;
                var tag = "." + pool.Key;
                recorder.Quantity(h, "points" + tag, "总点数" + label, adjusted[h], "Σ结算行点数（不含特例单议核准行）");
                recorder.Quantity(h, "value" + tag, "结算点值" + label, valued.Value.Yuan, valued.ValueFormula);
                if (!valued.UsesFundSide)
                {
                    recorder.Money(h, "standard" + tag, "按点数标准金额" + label, valued.Gross[h], valued.GrossFormula[h]);
                }

                if (!special[h, p].IsZero)
                {
                    recorder.Money(h, "special" + tag, "特例单议核准支付" + label, special[h, p], policy.PayableForm == PayableForm.FundPaymentRatio ? "Σ核准金额 × 基金支付比例" : "Σ(核准金额 − 个人支付)");
                }

                if (!drawn.IsZero)
                {
                    recorder.Money(h, "money" + tag, "金额行（由本资金池支付）" + label, drawn, "Σ金额行");
                }

                recorder.Money(h, "payable" + tag, "年度应付" + label, pay, formula + (special[h, p].IsZero ? string.Empty : " + 特例单议 " + special[h, p]) + (drawn.IsZero ? string.Empty : " + 金额行 " + drawn));
            }

            poolSummaries.Add(new PoolSummary
            {
                PointSystem = pool.PointSystem,
                Fund = pool.Fund,
                Key = pool.Key,
                Budget = valued.Budget,
                SpecialReviewPaid = specialTotal,
                MoneyLinesPaid = moneyTotal,
                TotalPoints = valued.TotalPoints,
                Value = valued.Value,
                Payable = poolPayable,
            });
        }

        var outside = Money.Zero;
        for (var h = 0; h < n; h++)
        {
            var amount = Money.FromFen(money[h, pools]) + special[h, pools];
            if (amount.IsZero)
            {
                continue;
            }

            outside += amount;
            payable[h] += amount;
            recorder.Money(h, "money.outside", "金额行（资金池外）", amount, "Σ不计入资金池的金额行" + (special[h, pools].IsZero ? string.Empty : "（含特例单议核准 " + special[h, pools] + "）"));
        }

        // Step: risk sharing (结余留用、合理超支分担).
        var riskRule = policy.MoneyRule(RoundingStep.RiskSharing);
        var outcomes = new RiskSharingOutcome[n];
        for (var h = 0; h < n; h++)
        {
            var known = ledger.FundPaidUnknown[h] == 0 ? Money.FromFen(ledger.FundPaid[h]) : (Money?)null;
            outcomes[h] = RiskSharing.Apply(policy.RiskSharing, payable[h], known, riskRule);
            if (known is null)
            {
                var unknown = ledger.FundPaidUnknown[h].ToString(CultureInfo.InvariantCulture);
                issues.Add(new LineIssue(-1, hospitals[h].Id, ValidationIssue.Warning(
                    SettlementIssueCodes.RiskSharingNotApplicable,
                    "fund_paid",
                    unknown + "条结算行缺少按项目基金支付，无法进行风险分担，按年度应付支付",
                    unknown + " lines carry no item-based fund amount: risk sharing cannot apply; the payable is paid as computed.")));
            }
        }

        var computedShared = outcomes.Select(o => o.OverspendShared).ToArray();
        var sharedTotal = Money.Sum(computedShared);
        var poolCapped = false;
        if (policy.RiskSharing.OverspendPool is { } overspendPool && sharedTotal > overspendPool)
        {
            outcomes = RiskSharing.CapOverspend(outcomes, overspendPool).ToArray();
            poolCapped = true;
        }

        // Steps: assessment, monthly pre-settlement and deposit, advance and deposit release.
        var overrides = MonthlyOverrides(index, monthlyPayments, issues);
        var terms = policy.AdvanceTerms;
        var statements = new HospitalStatement[n];
        for (var h = 0; h < n; h++)
        {
            var hospital = hospitals[h];
            var o = outcomes[h];
            recorder.Money(h, "annual.payable", "年度应付合计", payable[h], "Σ各资金池年度应付 + 资金池外金额行");
            if (!o.Applied)
            {
                recorder.Money(h, "risk.not_applicable", "风险分担不适用", payable[h], ledger.FundPaidUnknown[h].ToString(CultureInfo.InvariantCulture) + "条结算行缺少按项目基金支付，无法比较结余或超支，按年度应付支付");
            }
            else
            {
                var fee = o.ItemBasedFundAmount!.Value;
                recorder.Money(h, "ffs", "按项目基金支付", fee, "Σ结算行按项目统筹基金支付");
                if (payable[h] >= fee)
                {
                    var rule = policy.RiskSharing.Surplus.Count == 0 ? "未设结余区间，结余全额留用（结余留用）" : "按结余区间留用 " + Bands(policy.RiskSharing.Surplus);
                    recorder.Money(h, "surplus.kept", "结余留用", o.SurplusKept, "结余 " + (payable[h] - fee) + " " + rule);
                    recorder.Money(h, "surplus.reclaimed", "结余收回", o.SurplusReclaimed, "结余 " + (payable[h] - fee) + " − 留用 " + o.SurplusKept);
                }
                else
                {
                    var rule = policy.RiskSharing.Overspend.Count == 0 ? "未设超支区间，超支由医院自担" : "按超支区间分担 " + Bands(policy.RiskSharing.Overspend);
                    recorder.Money(h, "overspend.shared", "合理超支分担（基金）", o.OverspendShared, "超支 " + (fee - payable[h]) + " " + rule + (poolCapped ? " = " + computedShared[h] + "；分担合计 " + sharedTotal + " 超过资金池 " + policy.RiskSharing.OverspendPool!.Value + "，按比例分配（最大余数法）" : string.Empty));
                    recorder.Money(h, "overspend.borne", "超支自担（医院）", o.OverspendBorne, "超支 " + (fee - payable[h]) + " − 分担 " + o.OverspendShared);
                }
            }

            recorder.Money(h, "after.risk", "风险分担后应付", o.AfterRiskSharing, !o.Applied ? "年度应付 " + payable[h] : payable[h] >= o.ItemBasedFundAmount!.Value ? "按项目 " + o.ItemBasedFundAmount + " + 结余留用 " + o.SurplusKept : "年度应付 " + payable[h] + " + 超支分担 " + o.OverspendShared);

            var assessment = AssessmentAdjustment.Apply(o.AfterRiskSharing, policy.AssessmentCoefficientFor(hospital.AssessmentScore), Money.FromFen(audit[h]), hospital.AnnualDeduction, policy.MoneyRule(RoundingStep.Assessment));
            recorder.Quantity(h, "assessment.coefficient", "考核系数", assessment.Coefficient.Value, "考核得分 " + N(hospital.AssessmentScore) + " 对应区间");
            recorder.Money(h, "after.assessment", "考核后应付", assessment.AfterAssessment, o.AfterRiskSharing + " × " + N(assessment.Coefficient.Value));
            recorder.Money(h, "deduction.audit", "审核扣款", Money.FromFen(audit[h]), "Σ结算行审核扣款");
            recorder.Money(h, "deduction.annual", "年度扣款", hospital.AnnualDeduction, "年度考核/违规扣款");
            recorder.Money(h, "annual.settled", "年度清算应付", assessment.Settled, assessment.AfterAssessment + " − " + Money.FromFen(audit[h]) + " − " + hospital.AnnualDeduction);

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
                    var (basis, text) = MonthBasis(policy, ledger, h, m - 1, scale);
                    month = MonthlyPreSettlement.Compute(basis, Money.FromFen(ledger.MonthAudit[(h * Months) + m - 1]), terms);
                    month = month with { Formula = "(" + text + " = " + N(basis) + ")；" + month.Formula };
                }

                preTotal += month.PreSettlement;
                depositTotal += month.DepositWithheld;
                recorder.Money(h, "month." + m.ToString("00", CultureInfo.InvariantCulture), m.ToString(CultureInfo.InvariantCulture) + "月预结算", month.PreSettlement, month.Formula);
            }

            recorder.Money(h, "monthly.total", "月度预结算合计", preTotal, "Σ月度预结算");
            recorder.Money(h, "deposit.withheld", "预留质量保证金", depositTotal, policy.DepositForm == DepositForm.UnpaidRemainder ? "Σ月度未拨部分（预拨比例 " + N(policy.AdvanceRatio.Value) + "）" : "Σ月度预留保证金（比例 " + N(policy.QualityDepositRate.Value) + "）");
            var advance = hospital.WorkingAdvance
                ?? hospital.PriorYearFundPaid.Multiply(policy.WorkingAdvanceMonths / Months).Round(policy.MoneyRule(RoundingStep.WorkingAdvance));
            recorder.Money(h, "advance", "预付周转金", advance, hospital.WorkingAdvance is null ? "上年基金支付 " + hospital.PriorYearFundPaid + " × " + N(policy.WorkingAdvanceMonths) + " ÷ 12" : "给定");
            var release = policy.DepositReleaseFor(hospital.AssessmentScore);
            var transfer = DepositRelease.Apply(assessment.Settled, preTotal, advance, depositTotal, release, policy.MoneyRule(RoundingStep.DepositRelease));
            recorder.Money(h, "due", "清算应拨", transfer.AmountDue, assessment.Settled + " − " + preTotal + " − " + advance);
            recorder.Money(h, "deposit.released", "返还质量保证金", transfer.Released, depositTotal + " × 返还比例 " + N(release.Value) + "（考核得分 " + N(hospital.AssessmentScore) + "）");
            recorder.Money(h, "deposit.forfeited", "扣留质量保证金", transfer.Forfeited, depositTotal + " − " + transfer.Released);
            recorder.Money(h, "transfer", "清算拨付", transfer.Transfer, transfer.AmountDue + " + " + transfer.Released);

            statements[h] = new HospitalStatement
            {
                Hospital = hospital.Hospital,
                LineCount = lineCount[h],
                SpecialReviewLines = specialCount[h],
                AnnualPayable = payable[h],
                FeeForService = o.ItemBasedFundAmount ?? Money.FromFen(ledger.FundPaid[h]),
                RiskSharingApplied = o.Applied,
                SurplusKept = o.SurplusKept,
                SurplusReclaimed = o.SurplusReclaimed,
                OverspendShared = o.OverspendShared,
                OverspendBorne = o.OverspendBorne,
                AfterRiskSharing = o.AfterRiskSharing,
                AssessmentCoefficient = assessment.Coefficient,
                AfterAssessment = assessment.AfterAssessment,
                Deductions = assessment.Deductions,
                AnnualSettled = assessment.Settled,
                MonthlyPreSettlements = preTotal,
                DepositWithheld = depositTotal,
                WorkingAdvance = advance,
                AmountDue = transfer.AmountDue,
                DepositReleased = transfer.Released,
                DepositForfeited = transfer.Forfeited,
                ClearingTransfer = transfer.Transfer,
                Lines = recorder.Lines(h),
            };
        }

        // Step: summary.
        issues.Sort(LineIssue.Compare);
        var summary = new RegionSummary
        {
            Hospitals = n,
            Lines = ledger.Accepted,
            RejectedLines = ledger.Rejected,
            Budget = Money.Sum(poolSummaries.Select(p => p.Budget.Total)),
            OutsidePools = outside,
            AnnualPayable = Money.Sum(statements.Select(s => s.AnnualPayable)),
            FeeForService = Money.Sum(statements.Select(s => s.FeeForService)),
            SurplusKept = Money.Sum(statements.Select(s => s.SurplusKept)),
            SurplusReclaimed = Money.Sum(statements.Select(s => s.SurplusReclaimed)),
            OverspendShared = Money.Sum(statements.Select(s => s.OverspendShared)),
            OverspendBorne = Money.Sum(statements.Select(s => s.OverspendBorne)),
            AnnualSettled = Money.Sum(statements.Select(s => s.AnnualSettled)),
            MonthlyPreSettlements = Money.Sum(statements.Select(s => s.MonthlyPreSettlements)),
            DepositWithheld = Money.Sum(statements.Select(s => s.DepositWithheld)),
            DepositReleased = Money.Sum(statements.Select(s => s.DepositReleased)),
            WorkingAdvance = Money.Sum(statements.Select(s => s.WorkingAdvance)),
            ClearingTransfer = Money.Sum(statements.Select(s => s.ClearingTransfer)),
        };
        return new ClearingResult { Policy = policy, Pools = poolSummaries, Statements = statements, Summary = summary, SpecialReview = review, LineIssues = issues };
    }

    /// <summary>
    /// The month's amount before the advance ratio: Σ pools (points × preset value − patients' share, or × fund ratio)
    /// + the month's money lines (payment-rules.md §2 monthly pre-settlement).
    /// </summary>
    private static (decimal Basis, string Formula) MonthBasis(SettlementPolicy policy, ClearingLedger ledger, int h, int m, long scale)
    {
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
            var u = (decimal)ledger.Points[cell] / scale;
            var grossMonth = u * pool.PresetValue.Yuan;
            if (policy.PayableForm == PayableForm.FundPaymentRatio)
            {
                basis += grossMonth * pool.FundPaymentRatio.Value;
                parts.Add(N(u) + " × " + N(pool.PresetValue.Yuan) + " × " + N(pool.FundPaymentRatio.Value));
            }
            else
            {
                basis += grossMonth - Money.FromFen(ledger.PointsPatient[cell]).Yuan;
                parts.Add(N(u) + " × " + N(pool.PresetValue.Yuan));
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

    private static Dictionary<(int, int), MonthlyPayment> MonthlyOverrides(Dictionary<string, int> index, IReadOnlyList<MonthlyPayment> payments, List<LineIssue> issues)
    {
        var result = new Dictionary<(int, int), MonthlyPayment>();
        foreach (var mp in payments)
        {
            var id = mp?.HospitalId ?? string.Empty;
            void Reject(string code, string field, string zh, string en) =>
                issues.Add(new LineIssue(-1, id, ValidationIssue.Error(code, field, zh, en)));
            if (mp is null)
            {
                continue;
            }

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

    private static string Bands(IReadOnlyList<RiskSharingBand> bands) => "[" + string.Join(
        "; ",
        bands.Select(b => "≤" + (b.UpTo is { } u ? N(u.Percent) + "%" : "∞") + ":" + N(b.Share.Percent) + "%")) + "]";

    internal static string N(decimal value) => MonthlyPreSettlement.N(value);
}
