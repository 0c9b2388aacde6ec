using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 结算行受理 — checks every settlement line and sums the accepted ones into the <see cref="ClearingLedger"/>. Every line
/// comes out accepted or rejected with coded issues naming the field; nothing throws on data.
/// </summary>
internal static class LineIntake
{
    /// <summary>Largest money field of one line: 1 000 000 000 yuan (10^11 fen), so 10^7 lines cannot overflow a sum.</summary>
    internal const long MaxLineFen = 100_000_000_000L;

    /// <summary>Largest points of one line held at the policy's decimals: 10^11 units (10 000 000 points at 4 decimals,
    /// 100 000 at 6), so 10^7 lines cannot overflow a sum.</summary>
    internal const decimal MaxScaledPoints = 100_000_000_000m;

    public static ClearingLedger Take(SettlementPolicy policy, Dictionary<string, int> hospitals, IReadOnlyList<SettlementLine> lines, int maxDegreeOfParallelism)
    {
        var pools = policy.Pools.Count;
        var scale = Scale(policy.UnitDecimals);
        var unitsRule = policy.Rounding.TryGetValue(RoundingStep.Units, out var r) ? r : new RoundingRule(RoundingMode.HalfAwayFromZero, policy.UnitDecimals);
        var result = new ClearingLedger(hospitals.Count, pools, policy.PointConversions.Count);
        var gate = new object();
        const int ChunkSize = 1 << 16;
        var chunks = (lines.Count + ChunkSize - 1) / ChunkSize;
        Parallel.For(
            0,
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => new ClearingLedger(hospitals.Count, pools, policy.PointConversions.Count),
            (chunk, _, local) =>
            {
                var end = Math.Min(lines.Count, (chunk + 1) * ChunkSize);
                for (var i = chunk * ChunkSize; i < end; i++)
                {
                    Take(policy, hospitals, scale, unitsRule, lines[i], i, local);
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

        result.Issues.Sort(LineIssue.Compare);
        result.Special.Sort((a, b) =>
        {
            var byHospital = a.Hospital.CompareTo(b.Hospital);
            var byId = byHospital != 0 ? byHospital : string.CompareOrdinal(a.LineId, b.LineId);
            return byId != 0 ? byId : a.Index.CompareTo(b.Index);
        });
        return result;
    }

    internal static long Scale(int decimals)
    {
        long result = 1;
        for (var i = 0; i < decimals; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static void Take(SettlementPolicy policy, Dictionary<string, int> hospitals, long scale, RoundingRule unitsRule, in SettlementLine line, int index, ClearingLedger ledger)
    {
        var id = line.LineId ?? string.Empty;
        var rejected = false;
        void Error(string code, string field, string zh, string en)
        {
            ledger.Issues.Add(new LineIssue(index, id, ValidationIssue.Error(code, field, zh, en)));
            rejected = true;
        }

        if (line.HospitalId is null || !hospitals.TryGetValue(line.HospitalId, out var h))
        {
            Error(SettlementIssueCodes.HospitalUnknown, "hospital_id", "医疗机构不在机构清单中", "The hospital is not in the hospital list.");
            h = -1;
        }

        if (line.Month is < 1 or > ClearingLedger.Months)
        {
            Error(SettlementIssueCodes.MonthOutOfRange, "month", "结算月份须在1–12", "The month must be 1–12.");
        }

        if (string.IsNullOrEmpty(line.Method))
        {
            Error(SettlementIssueCodes.FieldRequired, "method", "缺少支付方式", "The method is missing.");
        }

        CheckMoney(line.TotalCost, "total_cost");
        CheckMoney(line.PatientPaid, "patient_paid");
        CheckMoney(line.AuditDeduction, "audit_deduction");
        CheckMoney(line.ApprovedAmount, "approved_amount");
        if (line.FundPaid is { } fundPaid)
        {
            CheckMoney(fundPaid, "fund_paid");
        }

        var basis = line.Basis;
        var slot = -1;
        var conversion = -1;
        long points = 0;
        if (basis.IsPoints)
        {
            slot = policy.PoolIndexOf(line.Fund, basis.PointSystem);
            if (slot < 0)
            {
                Error(SettlementIssueCodes.PoolUnknown, "point_system", "政策中没有结算该险种、该点数体系的资金池", "No pool of the policy settles this fund and point system.");
            }

            if (basis.Points < 0m)
            {
                Error(SettlementIssueCodes.UnitsNegative, "points", "点数为负", "The points are negative.");
            }
            else if (basis.Points * scale > MaxScaledPoints)
            {
                Error(SettlementIssueCodes.ValueOutOfRange, "points", "点数超出可计算范围", "The points are beyond the range settlement can hold.");
            }
            else if (!rejected)
            {
                var scaled = basis.Points * scale;
                var whole = decimal.Truncate(scaled);
                if (scaled != whole)
                {
                    ledger.Issues.Add(new LineIssue(index, id, ValidationIssue.Warning(SettlementIssueCodes.UnitsRounded, "points", "点数小数位超过政策精度，已按舍入规则处理", "The points have more decimals than the policy keeps; rounded by its rule.")));
                    whole = unitsRule.Round(basis.Points) * scale;
                }

                points = decimal.ToInt64(whole);
            }
        }
        else if (!string.IsNullOrEmpty(line.Method) && (conversion = policy.PointConversionIndexOf(line.Method, line.Fund)) >= 0)
        {
            // 全区域点数法: the money joins the points of the rule's pool; converted once per cell after intake.
            var rule = policy.PointConversions[conversion];
            if (basis.PointSystem is { } named && !string.Equals(named, rule.PointSystem, StringComparison.OrdinalIgnoreCase))
            {
                Error(SettlementIssueCodes.PointSystemConflict, "point_system", "该支付方式的金额按政策折算为另一点数体系的点数", "The policy converts this method's amounts into another point system's points.");
            }

            slot = policy.PoolIndexOf(line.Fund, rule.PointSystem);
            if (slot < 0)
            {
                Error(SettlementIssueCodes.PoolUnknown, "point_system", "政策中没有结算该险种、该点数体系的资金池", "No pool of the policy settles this fund and point system.");
            }

            CheckMoney(basis.Amount, "amount");
        }
        else
        {
            if (basis.PointSystem is { } system)
            {
                slot = policy.PoolIndexOf(line.Fund, system);
                if (slot < 0)
                {
                    Error(SettlementIssueCodes.PoolUnknown, "point_system", "政策中没有结算该险种、该点数体系的资金池", "No pool of the policy settles this fund and point system.");
                }
            }
            else
            {
                slot = ledger.Outside;
            }

            CheckMoney(basis.Amount, "amount");
        }

        if (rejected)
        {
            ledger.Rejected++;
            return;
        }

        var m = line.Month - 1;
        ledger.Accepted++;
        ledger.MethodCounts[line.Method] = (ledger.MethodCounts.TryGetValue(line.Method, out var n) ? n : 0) + 1;
        ledger.MonthCount[(h * ClearingLedger.Months) + m]++;
        ledger.MonthAudit[(h * ClearingLedger.Months) + m] += line.AuditDeduction.Fen;
        ledger.TotalCost[h] = checked(ledger.TotalCost[h] + line.TotalCost.Fen);
        ledger.PatientPaid[h] = checked(ledger.PatientPaid[h] + line.PatientPaid.Fen);
        if (line.FundPaid is { } known)
        {
            ledger.FundPaid[h] = checked(ledger.FundPaid[h] + known.Fen);
        }
        else
        {
            ledger.FundPaidUnknown[h]++;
        }

        if (conversion >= 0)
        {
            var cell = ledger.ConvertedCell(h, conversion, slot, m);
            ledger.ConvertedFen[cell] = checked(ledger.ConvertedFen[cell] + basis.Amount.Fen);
            ledger.ConvertedPatient[cell] = checked(ledger.ConvertedPatient[cell] + line.PatientPaid.Fen);
            ledger.ConvertedCount[cell]++;
        }
        else if (basis.IsPoints)
        {
            var cell = ledger.PointCell(h, slot, m);
            ledger.Points[cell] = checked(ledger.Points[cell] + points);
            ledger.PointsPatient[cell] = checked(ledger.PointsPatient[cell] + line.PatientPaid.Fen);
            ledger.PointsCount[cell]++;
        }
        else
        {
            var cell = ledger.MoneyCell(h, slot, m);
            ledger.MoneyAmount[cell] = checked(ledger.MoneyAmount[cell] + basis.Amount.Fen);
        }

        if (line.SpecialReview == SpecialReviewStatus.Approved)
        {
            if (line.ApprovedAmount.IsZero)
            {
                ledger.Issues.Add(new LineIssue(index, id, ValidationIssue.Warning(SettlementIssueCodes.SpecialReviewAmountMissing, "approved_amount", "特例单议核准金额缺失，按结算依据支付", "The approved special-review line has no approved amount; paid by its basis.")));
            }
            else
            {
                ledger.Special.Add(new SpecialReviewCandidate(index, id, line.Method, h, m, slot, basis.IsPoints, points, line.PatientPaid, basis.Amount, line.ApprovedAmount));
            }
        }

        void CheckMoney(Money value, string field)
        {
            if (value.IsNegative)
            {
                Error(SettlementIssueCodes.AmountNegative, field, field + "不能为负", field + " must not be negative.");
            }
            else if (value.Fen > MaxLineFen)
            {
                Error(SettlementIssueCodes.ValueOutOfRange, field, field + "超出可计算范围（单行不超过10亿元）", field + " is beyond the range settlement can hold (at most 1 000 000 000 yuan a line).");
            }
        }
    }
}
