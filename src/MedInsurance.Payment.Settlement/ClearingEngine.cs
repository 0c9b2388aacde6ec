using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 年度清算 — runs the settlement cycle of a year for every hospital: monthly pre-settlement with the deposit withheld,
/// working advance, annual payable at the settlement value, special-review cases, risk-sharing bands, assessment,
/// deductions, the amount due and the deposit released (payment-rules.md §2, §5; DIP 3.0 draft ch. 7, 2025 handling rules).
/// </summary>
/// <remarks>
/// A pure function: case lines are aggregated into integer fixed-point sums (units at the policy's decimals, money in
/// fen), so the result is identical whatever the order of the cases or the number of threads. Pools are distributed
/// across hospitals by <see cref="PoolAllocation.ByLargestRemainder"/> in hospital-id order (ordinal).
/// </remarks>
public static class ClearingEngine
{
    private const int Months = 12;

    /// <summary>Runs the clearing.</summary>
    /// <param name="policy">The policy profile.</param>
    /// <param name="hospitals">The hospitals (ids unique).</param>
    /// <param name="cases">The settled case lines of the year.</param>
    /// <param name="monthlyPayments">Monthly pre-settlements already made, replacing the computed ones for their hospital and month; may be empty.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the aggregation (−1: all cores). The result does not depend on it.</param>
    /// <returns>The statements and summary.</returns>
    /// <exception cref="ArgumentException">When hospital ids repeat or the policy has errors.</exception>
    public static ClearingResult Run(
        SettlementPolicy policy,
        IReadOnlyList<SettlementHospital> hospitals,
        IReadOnlyList<SettledCase> cases,
        IReadOnlyList<MonthlyPayment> monthlyPayments,
        int maxDegreeOfParallelism)
    {
        if (policy is null || hospitals is null || cases is null || monthlyPayments is null)
        {
            throw new ArgumentNullException(policy is null ? nameof(policy) : hospitals is null ? nameof(hospitals) : cases is null ? nameof(cases) : nameof(monthlyPayments));
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
                throw new ArgumentException("Hospital id '" + ordered[i].Id + "' occurs more than once.", nameof(hospitals));
            }

            index.Add(ordered[i].Id, i);
        }

        var aggregate = Aggregate(policy, index, cases, maxDegreeOfParallelism);
        return Settle(policy, ordered, aggregate, monthlyPayments);
    }

    private static Aggregates Aggregate(SettlementPolicy policy, Dictionary<string, int> index, IReadOnlyList<SettledCase> cases, int maxDegreeOfParallelism)
    {
        var pools = policy.Pools.Count;
        var cells = checked(index.Count * pools * Months);
        var scale = Pow10(policy.UnitDecimals);
        var unitsRule = policy.Rounding.TryGetValue(RoundingStep.Units, out var r) ? r : new RoundingRule(RoundingMode.HalfAwayFromZero, policy.UnitDecimals);
        var poolOfFund = new int[3];
        for (var f = 0; f < 3; f++)
        {
            poolOfFund[f] = policy.PoolIndexOf((InsuranceFund)f);
        }

        var result = new Aggregates(cells);
        var gate = new object();
        const int ChunkSize = 1 << 16;
        var chunks = (cases.Count + ChunkSize - 1) / ChunkSize;
        Parallel.For(
            0,
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => new Aggregates(cells),
            (chunk, _, local) =>
            {
                var end = Math.Min(cases.Count, (chunk + 1) * ChunkSize);
                for (var i = chunk * ChunkSize; i < end; i++)
                {
                    Add(policy, index, poolOfFund, scale, unitsRule, cases[i], i, local);
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    result.Merge(local);
                }
            });

        result.Issues.Sort((a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : string.CompareOrdinal(a.Issue.Code, b.Issue.Code));
        result.Special.Sort((a, b) =>
        {
            var byHospital = a.Hospital.CompareTo(b.Hospital);
            var byId = byHospital != 0 ? byHospital : string.CompareOrdinal(a.CaseId, b.CaseId);
            return byId != 0 ? byId : a.Index.CompareTo(b.Index);
        });
        result.Scale = scale;
        return result;
    }

    private static void Add(SettlementPolicy policy, Dictionary<string, int> index, int[] poolOfFund, long scale, RoundingRule unitsRule, in SettledCase c, int i, Aggregates local)
    {
        var caseId = c.CaseId ?? string.Empty;
        void Issue(ValidationIssue issue) => local.Issues.Add(new CaseIssue(i, caseId, issue));

        var rejected = false;
        if (c.HospitalId is null || !index.TryGetValue(c.HospitalId, out var h))
        {
            Issue(ValidationIssue.Error(SettlementIssueCodes.HospitalUnknown, "hospital_id", "医疗机构“" + c.HospitalId + "”不在机构清单中", "Hospital '" + c.HospitalId + "' is not in the hospital list."));
            h = -1;
            rejected = true;
        }

        if (c.Month is < 1 or > Months)
        {
            Issue(ValidationIssue.Error(SettlementIssueCodes.MonthOutOfRange, "month", "出院月份须在1–12", "The discharge month must be 1–12."));
            rejected = true;
        }

        if (!(c.Method == policy.Method || c.Method == PaymentMethod.PerDiem))
        {
            Issue(ValidationIssue.Error(SettlementIssueCodes.MethodNotSettled, "method", "支付方式" + c.Method + "不按本政策结算", "Payment method " + c.Method + " is not settled by this policy."));
            rejected = true;
        }

        var fund = (int)c.Fund;
        var pool = fund is >= 0 and < 3 ? poolOfFund[fund] : -1;
        if (pool < 0)
        {
            Issue(ValidationIssue.Error(SettlementIssueCodes.FundNotConfigured, "fund", "险种" + c.Fund + "没有资金池", "Fund " + c.Fund + " has no pool in the policy."));
            rejected = true;
        }

        var units = c.Units;
        if (units < 0m)
        {
            Issue(ValidationIssue.Error(SettlementIssueCodes.UnitsNegative, "units", "权重或分值为负", "The weight or score is negative."));
            rejected = true;
        }

        if (rejected)
        {
            local.Rejected++;
            return;
        }

        var scaled = units * scale;
        var whole = decimal.Truncate(scaled);
        if (scaled != whole)
        {
            Issue(ValidationIssue.Warning(SettlementIssueCodes.UnitsRounded, "units", "权重或分值小数位超过政策精度，已舍入", "The weight or score has more decimals than the policy keeps; rounded."));
            whole = unitsRule.Round(units) * scale;
        }

        var cell = ((h * policy.Pools.Count) + pool) * Months + (c.Month - 1);
        var u = decimal.ToInt64(whole);
        local.Units[cell] = checked(local.Units[cell] + u);
        local.Patient[cell] = checked(local.Patient[cell] + c.PatientPaid.Fen);
        local.FundPaid[cell] = checked(local.FundPaid[cell] + c.FundPaid.Fen);
        local.Audit[cell] = checked(local.Audit[cell] + c.AuditDeduction.Fen);
        local.Count[cell]++;
        if (c.SpecialReview == SpecialReviewStatus.Approved)
        {
            if (c.ApprovedItemAmount.IsZero)
            {
                Issue(ValidationIssue.Warning(SettlementIssueCodes.SpecialReviewAmountMissing, "approved_amount", "特例单议核准金额缺失，按病组支付", "The approved special-review case has no approved amount; paid by group."));
            }
            else
            {
                local.Special.Add(new SpecialCase(i, caseId, h, pool, u, c.PatientPaid, c.ApprovedItemAmount));
            }
        }
    }

    private static ClearingResult Settle(SettlementPolicy policy, SettlementHospital[] hospitals, Aggregates agg, IReadOnlyList<MonthlyPayment> monthlyPayments)
    {
        var poolCount = policy.Pools.Count;
        var n = hospitals.Length;
        var payRule = policy.MoneyRule(RoundingStep.AnnualPayable);
        var lines = Enumerable.Range(0, n).Select(_ => new List<StatementLine>()).ToArray();
        var isDrg = policy.Method == PaymentMethod.Drg;
        var unitName = isDrg ? "权重" : "分值";
        var valueName = isDrg ? "费率" : "点值";

        // Per hospital and pool: annual units (scaled), patients' share, counts.
        var units = new long[n, poolCount];
        var patient = new long[n, poolCount];
        var caseCount = new int[n];
        var audits = new long[n];
        var ffs = new long[n];
        for (var h = 0; h < n; h++)
        {
            for (var p = 0; p < poolCount; p++)
            {
                for (var m = 0; m < Months; m++)
                {
                    var cell = ((h * poolCount) + p) * Months + m;
                    units[h, p] += agg.Units[cell];
                    patient[h, p] += agg.Patient[cell];
                    caseCount[h] += agg.Count[cell];
                    audits[h] += agg.Audit[cell];
                    ffs[h] += agg.FundPaid[cell];
                }
            }
        }

        // Special-review cases: approved ones within the cap (⌊cases × cap⌋ per hospital, lowest case ids first) are paid by item.
        var specialCount = new int[n];
        var specialPay = new decimal[n, poolCount];
        var issues = agg.Issues.ToList();
        foreach (var s in agg.Special)
        {
            var cap = (int)decimal.Floor(caseCount[s.Hospital] * policy.SpecialReviewCap.Value);
            if (specialCount[s.Hospital] >= cap)
            {
                issues.Add(new CaseIssue(s.Index, s.CaseId, ValidationIssue.Warning(SettlementIssueCodes.SpecialReviewOverCap, "special_review", "特例单议病例超过比例上限，按病组支付", "Special-review cases exceed the cap; this case is paid by group.")));
                continue;
            }

            specialCount[s.Hospital]++;
            units[s.Hospital, s.Pool] -= s.Units;
            patient[s.Hospital, s.Pool] -= s.PatientPaid.Fen;
            var ratio = policy.Pools[s.Pool].FundPaymentRatio.Value;
            specialPay[s.Hospital, s.Pool] += policy.PayableForm == PayableForm.FundPaymentRatio ? s.Approved.Yuan * ratio : (s.Approved - s.PatientPaid).Yuan;
        }

        issues.Sort((a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : string.CompareOrdinal(a.Issue.Code, b.Issue.Code));

        // Pools: budget, value, payable per hospital.
        var payable = new Money[n];
        var poolSummaries = new List<PoolSummary>();
        for (var p = 0; p < poolCount; p++)
        {
            var pool = policy.Pools[p];
            var tag = PoolTag(pool);
            var budget = RegionalBudget.Derive(pool, policy.MoneyRule(RoundingStep.Budget));
            var adjusted = new decimal[n];
            var special = new Money[n];
            var specialTotal = Money.Zero;
            for (var h = 0; h < n; h++)
            {
                adjusted[h] = (decimal)units[h, p] / agg.Scale * (isDrg ? hospitals[h].Coefficient.Value : 1m);
                special[h] = new UnroundedMoney(specialPay[h, p]).Round(payRule);
                specialTotal += special[h];
            }

            var totalUnits = adjusted.Sum();
            var ratio = pool.FundPaymentRatio.Value;
            // Special-review payments come out of the pool first; the floating pool never goes below zero.
            var available = Money.Max(Money.Zero, budget.Total - specialTotal);
            var gross = new Money[n];
            var fundSide = new Money[n];
            var usesFundSide = false;
            PointValue value;
            string method;
            var distributed = string.Empty;
            switch (policy.ValueMethod)
            {
                case ValueMethod.Fixed:
                    value = pool.PresetValue;
                    method = "固定" + valueName;
                    for (var h = 0; h < n; h++)
                    {
                        gross[h] = new UnroundedMoney(adjusted[h] * value.Yuan).Round(payRule);
                    }

                    break;
                case ValueMethod.Floating when totalUnits > 0m:
                    // §3 settlement value = (fund ÷ fund payment ratio) ÷ total units; the pool is distributed exactly.
                    value = RoundValue(policy, UnitValues.Settlement(available, pool.FundPaymentRatio, totalUnits));
                    method = "浮动" + valueName + " = (" + budget.Total + " − 特例单议 " + specialTotal + ") ÷ " + N(ratio) + " ÷ " + N(totalUnits);
                    if (policy.PayableForm == PayableForm.FundPaymentRatio)
                    {
                        fundSide = PoolAllocation.ByLargestRemainder(available, adjusted);
                        usesFundSide = true;
                    }
                    else
                    {
                        var grossPool = available.Divide(ratio).Round(payRule);
                        gross = PoolAllocation.ByLargestRemainder(grossPool, adjusted);
                        distributed = grossPool.ToString();
                    }

                    break;
                case ValueMethod.Elastic:
                    {
                        // Elastic (DIP 3.0 draft ch. 4 弹性点值法): base units at the preset value, the increment pool at a floating value.
                        var baseUnits = new decimal[n];
                        var incrementUnits = new decimal[n];
                        var baseTotal = Money.Zero;
                        for (var h = 0; h < n; h++)
                        {
                            baseUnits[h] = poolCount == 1 && hospitals[h].BasePoints is { } bp
                                ? Math.Min(adjusted[h], bp.Value)
                                : adjusted[h] * policy.ElasticBaseShare.Value;
                            incrementUnits[h] = adjusted[h] - baseUnits[h];
                            gross[h] = new UnroundedMoney(baseUnits[h] * pool.PresetValue.Yuan).Round(payRule);
                            baseTotal += gross[h];
                        }

                        var increment = Money.Max(Money.Zero, available.Divide(ratio).Round(payRule) - baseTotal);
                        var incrementTotal = incrementUnits.Sum();
                        var floating = incrementTotal > 0m ? increment.Yuan / incrementTotal : 0m;
                        var capped = pool.IncrementValueCap is { } cap && floating > cap.Yuan;
                        value = RoundValue(policy, new PointValue(capped ? pool.IncrementValueCap!.Value.Yuan : floating));
                        method = "弹性：基准" + valueName + " " + N(pool.PresetValue.Yuan) + "，增量" + valueName + " = " + increment + " ÷ " + N(incrementTotal) + (capped ? "（封顶）" : string.Empty);
                        var incrementShares = capped || incrementTotal == 0m
                            ? incrementUnits.Select(u => new UnroundedMoney(u * value.Yuan).Round(payRule)).ToArray()
                            : PoolAllocation.ByLargestRemainder(increment, incrementUnits);
                        for (var h = 0; h < n; h++)
                        {
                            gross[h] += incrementShares[h];
                        }

                        break;
                    }

                default:
                    value = new PointValue(0m);
                    method = "总" + unitName + "为0，无法计算浮动" + valueName;
                    if (specialTotal.IsZero && !budget.Total.IsZero)
                    {
                        issues.Add(new CaseIssue(-1, string.Empty, ValidationIssue.Warning(SettlementIssueCodes.PoolWithoutUnits, tag, "资金池没有分值", "The pool has no units.")));
                    }

                    break;
            }

            var poolPayable = Money.Zero;
            for (var h = 0; h < n; h++)
            {
                Money pay;
                string formula;
                if (usesFundSide)
                {
                    pay = fundSide[h];
                    formula = "按" + unitName + "占比分配(最大余数法) " + available + " × " + N(adjusted[h]) + " ÷ " + N(totalUnits);
                }
                else if (policy.PayableForm == PayableForm.FundPaymentRatio)
                {
                    pay = gross[h].Multiply(ratio).Round(payRule);
                    formula = "标准金额 " + gross[h] + " × 基金支付比例 " + N(ratio);
                }
                else
                {
                    pay = gross[h] - Money.FromFen(patient[h, p]);
                    formula = "标准金额 " + gross[h] + " − 个人支付 " + Money.FromFen(patient[h, p]);
                }

                pay += special[h];
                poolPayable += pay;
                payable[h] += pay;
                var l = lines[h];
                l.Add(new StatementLine("units" + tag, "总" + unitName + Fund(pool), null, adjusted[h], "Σ病例" + unitName + (isDrg ? " × 医院系数 " + N(hospitals[h].Coefficient.Value) : string.Empty) + "（不含特例单议）"));
                l.Add(new StatementLine("value" + tag, "结算" + valueName + Fund(pool), null, value.Yuan, method));
                var standardFormula = usesFundSide
                    ? "—"
                    : distributed.Length > 0
                        ? "总额 " + distributed + " × " + N(adjusted[h]) + " ÷ " + N(totalUnits) + "（按" + unitName + "占比分配，最大余数法）"
                        : N(adjusted[h]) + " × " + valueName + " " + N(policy.ValueMethod == ValueMethod.Elastic ? pool.PresetValue.Yuan : value.Yuan) + (policy.ValueMethod == ValueMethod.Elastic ? "（基准部分）+ 增量部分" : string.Empty);
                l.Add(new StatementLine("standard" + tag, "按" + unitName + "标准金额" + Fund(pool), usesFundSide ? null : gross[h], null, standardFormula));
                if (!special[h].IsZero)
                {
                    l.Add(new StatementLine("special" + tag, "特例单议按项目支付" + Fund(pool), special[h], null, policy.PayableForm == PayableForm.FundPaymentRatio ? "Σ核准金额 × 基金支付比例" : "Σ(核准金额 − 个人支付)"));
                }

                l.Add(new StatementLine("payable" + tag, "年度应付" + Fund(pool), pay, null, formula + (special[h].IsZero ? string.Empty : " + 特例单议 " + special[h])));
            }

            poolSummaries.Add(new PoolSummary
            {
                Fund = pool.Fund,
                Budget = budget,
                SpecialReviewPaid = specialTotal,
                TotalUnits = totalUnits,
                Value = value,
                Payable = poolPayable,
            });
        }

        // Risk sharing (结余留用、合理超支分担), bands as shares of the payable.
        var riskRule = policy.MoneyRule(RoundingStep.RiskSharing);
        var kept = new Money[n];
        var reclaimed = new Money[n];
        var shared = new Money[n];
        var borne = new Money[n];
        for (var h = 0; h < n; h++)
        {
            var fee = Money.FromFen(ffs[h]);
            var deviation = payable[h] - fee;
            if (deviation >= Money.Zero)
            {
                kept[h] = Banded(policy.RiskSharing.Surplus, deviation, payable[h]).Round(riskRule);
                reclaimed[h] = deviation - kept[h];
            }
            else
            {
                shared[h] = Banded(policy.RiskSharing.Overspend, -deviation, payable[h]).Round(riskRule);
                borne[h] = -deviation - shared[h];
            }
        }

        var sharedTotal = Money.Sum(shared);
        var computedShared = shared.ToArray();
        var poolCapped = false;
        if (policy.RiskSharing.OverspendPool is { } overspendPool && sharedTotal > overspendPool)
        {
            // A fixed pool caps the fund's share: distributed in proportion to the computed shares, exact to the fen.
            var capped = PoolAllocation.ByLargestRemainder(overspendPool, shared.Select(s => s.Yuan).ToArray());
            for (var h = 0; h < n; h++)
            {
                borne[h] += shared[h] - capped[h];
                shared[h] = capped[h];
            }

            poolCapped = true;
        }

        // Monthly pre-settlement and deposit (payment-rules.md §2, §5).
        var monthlyOverride = new Dictionary<(int, int), MonthlyPayment>();
        foreach (var mp in monthlyPayments)
        {
            if (mp.HospitalId is not null && IndexOf(hospitals, mp.HospitalId) is var mh && mh >= 0 && mp.Month is >= 1 and <= Months)
            {
                monthlyOverride[(mh, mp.Month)] = mp;
            }
        }

        var statements = new HospitalStatement[n];
        var preRule = policy.MoneyRule(RoundingStep.MonthlyPreSettlement);
        var depositRule = policy.MoneyRule(RoundingStep.QualityDeposit);
        for (var h = 0; h < n; h++)
        {
            var hospital = hospitals[h];
            var l = lines[h];
            var fee = Money.FromFen(ffs[h]);
            l.Add(new StatementLine("annual.payable", "年度应付合计", payable[h], null, "Σ各资金池年度应付"));
            l.Add(new StatementLine("ffs", "按项目基金支付", fee, null, "Σ病例按项目统筹基金支付"));
            Money afterRisk;
            if (payable[h] >= fee)
            {
                afterRisk = fee + kept[h];
                l.Add(new StatementLine("surplus.kept", "结余留用", kept[h], null, "结余 " + (payable[h] - fee) + " 按结余区间留用 " + Bands(policy.RiskSharing.Surplus)));
                l.Add(new StatementLine("surplus.reclaimed", "结余收回", reclaimed[h], null, "结余 " + (payable[h] - fee) + " − 留用 " + kept[h]));
            }
            else
            {
                afterRisk = payable[h] + shared[h];
                l.Add(new StatementLine("overspend.shared", "合理超支分担（基金）", shared[h], null, "超支 " + (fee - payable[h]) + " 按超支区间分担 " + Bands(policy.RiskSharing.Overspend) + (poolCapped ? " = " + computedShared[h] + "；分担合计 " + sharedTotal + " 超过资金池 " + policy.RiskSharing.OverspendPool!.Value + "，按比例分配（最大余数法）" : string.Empty)));
                l.Add(new StatementLine("overspend.borne", "超支自担（医院）", borne[h], null, "超支 " + (fee - payable[h]) + " − 分担 " + shared[h]));
            }

            l.Add(new StatementLine("after.risk", "风险分担后应付", afterRisk, null, payable[h] >= fee ? "按项目 " + fee + " + 结余留用 " + kept[h] : "年度应付 " + payable[h] + " + 超支分担 " + shared[h]));
            var coefficient = policy.AssessmentCoefficientFor(hospital.AssessmentScore);
            var afterAssessment = afterRisk.Multiply(coefficient.Value).Round(policy.MoneyRule(RoundingStep.Assessment));
            l.Add(new StatementLine("assessment.coefficient", "考核系数", null, coefficient.Value, "考核得分 " + N(hospital.AssessmentScore) + " 对应区间"));
            l.Add(new StatementLine("after.assessment", "考核后应付", afterAssessment, null, afterRisk + " × " + N(coefficient.Value)));
            var audit = Money.FromFen(audits[h]);
            var deductions = audit + hospital.AnnualDeduction;
            l.Add(new StatementLine("deduction.audit", "审核扣款", audit, null, "Σ病例审核扣款"));
            l.Add(new StatementLine("deduction.annual", "年度扣款", hospital.AnnualDeduction, null, "年度考核/违规扣款"));
            var settled = afterAssessment - deductions;
            l.Add(new StatementLine("annual.settled", "年度清算应付", settled, null, afterAssessment + " − " + audit + " − " + hospital.AnnualDeduction));

            var preTotal = Money.Zero;
            var depositTotal = Money.Zero;
            for (var m = 1; m <= Months; m++)
            {
                Money pre, deposit;
                string formula;
                if (monthlyOverride.TryGetValue((h, m), out var actual))
                {
                    pre = actual.PreSettlement;
                    deposit = actual.DepositWithheld;
                    formula = "实际拨付记录";
                }
                else
                {
                    decimal basis = 0m;
                    var parts = new List<string>();
                    long monthPatient = 0, monthAudit = 0;
                    var any = false;
                    for (var p = 0; p < poolCount; p++)
                    {
                        var cell = ((h * poolCount) + p) * Months + (m - 1);
                        if (agg.Count[cell] == 0)
                        {
                            continue;
                        }

                        any = true;
                        var pool = policy.Pools[p];
                        var u = (decimal)agg.Units[cell] / agg.Scale * (isDrg ? hospital.Coefficient.Value : 1m);
                        parts.Add(N(u) + " × " + N(pool.PresetValue.Yuan) + (policy.PayableForm == PayableForm.FundPaymentRatio ? " × " + N(pool.FundPaymentRatio.Value) : string.Empty));
                        var grossMonth = u * pool.PresetValue.Yuan;
                        basis += policy.PayableForm == PayableForm.FundPaymentRatio
                            ? grossMonth * pool.FundPaymentRatio.Value
                            : grossMonth - Money.FromFen(agg.Patient[cell]).Yuan;
                        monthPatient += agg.Patient[cell];
                        monthAudit += agg.Audit[cell];
                    }

                    if (!any)
                    {
                        continue;
                    }

                    pre = new UnroundedMoney(basis * policy.AdvanceRatio.Value).Round(preRule) - Money.FromFen(monthAudit);
                    deposit = new UnroundedMoney(basis * policy.QualityDepositRate.Value).Round(depositRule);
                    formula = "(" + unitName + "×月" + valueName + " " + string.Join(" + ", parts) + (policy.PayableForm == PayableForm.FundPaymentRatio ? string.Empty : " − 个人支付 " + Money.FromFen(monthPatient))
                        + " = " + N(basis) + ") × 预拨比例 " + N(policy.AdvanceRatio.Value) + " − 审核扣款 " + Money.FromFen(monthAudit)
                        + "；预留保证金 = " + N(basis) + " × " + N(policy.QualityDepositRate.Value) + " = " + deposit;
                }

                preTotal += pre;
                depositTotal += deposit;
                l.Add(new StatementLine("month." + m.ToString("00", CultureInfo.InvariantCulture), m.ToString(CultureInfo.InvariantCulture) + "月预结算", pre, null, formula));
            }

            l.Add(new StatementLine("monthly.total", "月度预结算合计", preTotal, null, "Σ月度预结算"));
            l.Add(new StatementLine("deposit.withheld", "预留质量保证金", depositTotal, null, "Σ月度预留保证金（比例 " + N(policy.QualityDepositRate.Value) + "）"));
            var advance = hospital.WorkingAdvance
                ?? hospital.PriorYearFundPaid.Multiply(policy.WorkingAdvanceMonths / Months).Round(policy.MoneyRule(RoundingStep.WorkingAdvance));
            l.Add(new StatementLine("advance", "预付周转金", advance, null, hospital.WorkingAdvance is null ? "上年基金支付 " + hospital.PriorYearFundPaid + " × " + N(policy.WorkingAdvanceMonths) + " ÷ 12" : "给定"));
            var due = settled - preTotal - advance;
            l.Add(new StatementLine("due", "清算应拨", due, null, settled + " − " + preTotal + " − " + advance));
            var release = policy.DepositReleaseFor(hospital.AssessmentScore);
            var released = depositTotal.Multiply(release.Value).Round(policy.MoneyRule(RoundingStep.DepositRelease));
            var forfeited = depositTotal - released;
            l.Add(new StatementLine("deposit.released", "返还质量保证金", released, null, depositTotal + " × 返还比例 " + N(release.Value) + "（考核得分 " + N(hospital.AssessmentScore) + "）"));
            l.Add(new StatementLine("deposit.forfeited", "扣留质量保证金", forfeited, null, depositTotal + " − " + released));
            var transfer = due + released;
            l.Add(new StatementLine("transfer", "清算拨付", transfer, null, due + " + " + released));

            statements[h] = new HospitalStatement
            {
                Hospital = hospital.Hospital,
                CaseCount = caseCount[h],
                SpecialReviewCases = specialCount[h],
                AnnualPayable = payable[h],
                FeeForService = fee,
                SurplusKept = kept[h],
                SurplusReclaimed = reclaimed[h],
                OverspendShared = shared[h],
                OverspendBorne = borne[h],
                AfterRiskSharing = afterRisk,
                AssessmentCoefficient = coefficient,
                AfterAssessment = afterAssessment,
                Deductions = deductions,
                AnnualSettled = settled,
                MonthlyPreSettlements = preTotal,
                DepositWithheld = depositTotal,
                WorkingAdvance = advance,
                AmountDue = due,
                DepositReleased = released,
                DepositForfeited = forfeited,
                ClearingTransfer = transfer,
                Lines = l.ToArray(),
            };
        }

        var summary = new RegionSummary
        {
            Hospitals = n,
            Cases = caseCount.Sum(),
            RejectedCases = agg.Rejected,
            Budget = Money.Sum(poolSummaries.Select(p => p.Budget.Total)),
            AnnualPayable = Money.Sum(statements.Select(s => s.AnnualPayable)),
            FeeForService = Money.Sum(statements.Select(s => s.FeeForService)),
            SurplusKept = Money.Sum(kept),
            SurplusReclaimed = Money.Sum(reclaimed),
            OverspendShared = Money.Sum(shared),
            OverspendBorne = Money.Sum(borne),
            AnnualSettled = Money.Sum(statements.Select(s => s.AnnualSettled)),
            MonthlyPreSettlements = Money.Sum(statements.Select(s => s.MonthlyPreSettlements)),
            DepositWithheld = Money.Sum(statements.Select(s => s.DepositWithheld)),
            DepositReleased = Money.Sum(statements.Select(s => s.DepositReleased)),
            WorkingAdvance = Money.Sum(statements.Select(s => s.WorkingAdvance)),
            ClearingTransfer = Money.Sum(statements.Select(s => s.ClearingTransfer)),
        };
        return new ClearingResult { Policy = policy, Pools = poolSummaries, Statements = statements, Summary = summary, CaseIssues = issues };
    }

    /// <summary>Σ over bands of share × the part of <paramref name="deviation"/> inside the band; bounds are shares of <paramref name="payable"/>.</summary>
    internal static UnroundedMoney Banded(IReadOnlyList<RiskSharingBand> bands, Money deviation, Money payable)
    {
        var rest = deviation.Yuan;
        var lower = 0m;
        var total = 0m;
        foreach (var band in bands)
        {
            var upper = band.UpTo is { } u ? Math.Max(0m, payable.Yuan) * u.Value : decimal.MaxValue;
            var part = Math.Min(rest, Math.Max(0m, upper - lower));
            total += part * band.Share.Value;
            rest -= part;
            lower = Math.Max(lower, upper);
            if (rest <= 0m)
            {
                break;
            }
        }

        return new UnroundedMoney(total);
    }

    private static PointValue RoundValue(SettlementPolicy policy, PointValue value) =>
        policy.ValueRule(RoundingStep.UnitValue) is { } rule ? value.Round(rule) : value;

    private static int IndexOf(SettlementHospital[] hospitals, string id)
    {
        var lo = 0;
        var hi = hospitals.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var c = string.CompareOrdinal(hospitals[mid].Id, id);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    private static string PoolTag(FundPool pool) => pool.Fund switch
    {
        InsuranceFund.Employee => ".employee",
        InsuranceFund.Resident => ".resident",
        _ => string.Empty,
    };

    private static string Fund(FundPool pool) => pool.Fund switch
    {
        InsuranceFund.Employee => "（职工）",
        InsuranceFund.Resident => "（居民）",
        _ => string.Empty,
    };

    private static string Bands(IReadOnlyList<RiskSharingBand> bands) => "[" + string.Join(
        "; ",
        bands.Select(b => "≤" + (b.UpTo is { } u ? N(u.Percent) + "%" : "∞") + ":" + N(b.Share.Percent) + "%")) + "]";

    internal static string N(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private static long Pow10(int decimals)
    {
        long result = 1;
        for (var i = 0; i < decimals; i++)
        {
            result *= 10;
        }

        return result;
    }

    private readonly record struct SpecialCase(int Index, string CaseId, int Hospital, int Pool, long Units, Money PatientPaid, Money Approved);

    private sealed class Aggregates
    {
        public Aggregates(int cells)
        {
            Units = new long[cells];
            Patient = new long[cells];
            FundPaid = new long[cells];
            Audit = new long[cells];
            Count = new int[cells];
        }

        public long[] Units { get; }

        public long[] Patient { get; }

        public long[] FundPaid { get; }

        public long[] Audit { get; }

        public int[] Count { get; }

        public List<CaseIssue> Issues { get; } = [];

        public List<SpecialCase> Special { get; } = [];

        public int Rejected { get; set; }

        public long Scale { get; set; }

        public void Merge(Aggregates other)
        {
            for (var i = 0; i < Units.Length; i++)
            {
                Units[i] = checked(Units[i] + other.Units[i]);
                Patient[i] = checked(Patient[i] + other.Patient[i]);
                FundPaid[i] = checked(FundPaid[i] + other.FundPaid[i]);
                Audit[i] = checked(Audit[i] + other.Audit[i]);
                Count[i] += other.Count[i];
            }

            Issues.AddRange(other.Issues);
            Special.AddRange(other.Special);
            Rejected += other.Rejected;
        }
    }
}
