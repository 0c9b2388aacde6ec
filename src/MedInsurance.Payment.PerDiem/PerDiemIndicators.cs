using System;
using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.PerDiem;

/// <summary>
/// 按床日考核指标 — the indicators of one hospital and class over a period (the stays given), the numbers a region uses
/// to adjust its standards (payment-rules.md §4 "Assessment: average LOS, daily cost, readmission").
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PerDiemIndicatorRow
{
    internal PerDiemIndicatorRow(string hospitalId, string classCode, int stays, long days, decimal averageStay, Money totalCost, Money averageDailyCost,
        int readmissions, decimal readmissionRate, int staysBeyondMaximum, decimal shareBeyondMaximum, Money standard, Money fundAmount, Money gain, decimal points)
    {
        HospitalId = hospitalId;
        ClassCode = classCode;
        Stays = stays;
        Days = days;
        AverageStay = averageStay;
        TotalCost = totalCost;
        AverageDailyCost = averageDailyCost;
        Readmissions = readmissions;
        ReadmissionRate = readmissionRate;
        StaysBeyondMaximum = staysBeyondMaximum;
        ShareBeyondMaximum = shareBeyondMaximum;
        Standard = standard;
        FundAmount = fundAmount;
        Gain = gain;
        Points = points;
    }

    /// <summary>定点医疗机构代码 — hospital id.</summary>
    public string HospitalId { get; }

    /// <summary>床日病种 — class code.</summary>
    public string ClassCode { get; }

    /// <summary>住院人次 — priced stays.</summary>
    public int Stays { get; }

    /// <summary>总住院天数 — Σ length of stay.</summary>
    public long Days { get; }

    /// <summary>平均住院日 — Σ days ÷ stays, 四舍五入 to 2 decimals.</summary>
    public decimal AverageStay { get; }

    /// <summary>总费用 — Σ total cost.</summary>
    public Money TotalCost { get; }

    /// <summary>日均费用 — Σ cost ÷ Σ days, 四舍五入 to the fen.</summary>
    public Money AverageDailyCost { get; }

    /// <summary>再入院人次 — stays that continued an earlier stay (within the readmission window).</summary>
    public int Readmissions { get; }

    /// <summary>再入院率 — readmissions ÷ stays, 4 decimals.</summary>
    public decimal ReadmissionRate { get; }

    /// <summary>超最高天数人次 — stays with days beyond the maximum paid stay or the last band.</summary>
    public int StaysBeyondMaximum { get; }

    /// <summary>超最高天数占比 — those stays ÷ stays, 4 decimals.</summary>
    public decimal ShareBeyondMaximum { get; }

    /// <summary>支付标准合计 — Σ standard.</summary>
    public Money Standard { get; }

    /// <summary>基金支付合计 — Σ fund amount.</summary>
    public Money FundAmount { get; }

    /// <summary>结余合计 — Σ gain (standard − cost).</summary>
    public Money Gain { get; }

    /// <summary>床日分值合计 — Σ points.</summary>
    public decimal Points { get; }
}

/// <summary>按床日考核指标计算 — computes <see cref="PerDiemIndicatorRow"/>s from a priced batch.</summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class PerDiemIndicators
{
    private static readonly RoundingRule Two = new(RoundingMode.HalfAwayFromZero, 2);
    private static readonly RoundingRule Four = new(RoundingMode.HalfAwayFromZero, 4);

    /// <summary>The indicators per hospital and class of the priced stays, ordered by hospital id then class order.</summary>
    /// <param name="policy">The policy (for class codes).</param>
    /// <param name="stays">The stays.</param>
    /// <param name="batch">Their batch result (same order).</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<PerDiemIndicatorRow> Compute(PerDiemPolicy policy, IReadOnlyList<PerDiemStay> stays, PerDiemBatchResult batch)
    {
        if (policy is null || stays is null || batch is null)
        {
            throw new ArgumentNullException(policy is null ? nameof(policy) : stays is null ? nameof(stays) : nameof(batch));
        }

        if (stays.Count != batch.Results.Count)
        {
            throw new ArgumentException("The batch result is for another list of stays.", nameof(batch));
        }

        var groups = new SortedDictionary<(string Hospital, int Class), Acc>(Comparer<(string Hospital, int Class)>.Create((a, b) =>
        {
            var h = string.CompareOrdinal(a.Hospital, b.Hospital);
            return h != 0 ? h : a.Class.CompareTo(b.Class);
        }));
        for (var i = 0; i < stays.Count; i++)
        {
            var r = batch.Results[i];
            if (!r.IsPriced)
            {
                continue;
            }

            var key = (stays[i].Case.HospitalId, r.ClassIndex);
            if (!groups.TryGetValue(key, out var acc))
            {
                groups[key] = acc = new Acc();
            }

            acc.Stays++;
            acc.Days += r.Days;
            acc.Cost += stays[i].Case.Costs.Total;
            acc.Readmissions += batch.Episodes[i].IsContinuation ? 1 : 0;
            acc.Beyond += (r.Reasons & (PerDiemReasons.DaysBeyondStayMaximum | PerDiemReasons.DaysBeyondLastBand)) != 0 ? 1 : 0;
            acc.Standard += r.Standard;
            acc.Fund += r.FundAmount;
            acc.Gain += r.Gain;
            acc.Points += r.Points;
        }

        return groups.Select(g =>
        {
            var a = g.Value;
            return new PerDiemIndicatorRow(
                g.Key.Hospital,
                policy.Classes[g.Key.Class].Code,
                a.Stays,
                a.Days,
                Two.Round((decimal)a.Days / a.Stays),
                a.Cost,
                a.Days == 0 ? Money.Zero : a.Cost.Divide(a.Days).Round(RoundingRule.Default),
                a.Readmissions,
                Four.Round((decimal)a.Readmissions / a.Stays),
                a.Beyond,
                Four.Round((decimal)a.Beyond / a.Stays),
                a.Standard,
                a.Fund,
                a.Gain,
                a.Points);
        }).ToArray();
    }

    private sealed class Acc
    {
        public int Stays { get; set; }

        public long Days { get; set; }

        public Money Cost { get; set; }

        public int Readmissions { get; set; }

        public int Beyond { get; set; }

        public Money Standard { get; set; }

        public Money Fund { get; set; }

        public Money Gain { get; set; }

        public decimal Points { get; set; }
    }
}
