using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.PerDiem;

/// <summary>
/// 按床日计算器 — prices a stay under a <see cref="PerDiemPolicy"/> (payment-rules.md §4 "Per-diem"): eligibility with
/// its reason, the days in each stage band, the standard, the fund amount and the hospital's gain or loss, or the
/// bed-day points; <see cref="Explain"/> gives every step in Chinese and English; <see cref="TryGetLine"/> prices the
/// result into a <see cref="SettlementLine"/> (method <c>PER_DIEM</c>).
/// </summary>
/// <remarks>
/// <para><b>Formulas.</b> With the stay's first day <c>s</c> = prior episode days + 1 and its last day
/// <c>e = s + LOS − 1</c>, the last paid day is <c>min(e, maxPaidDaysPerStay, last band's toDay when beyond-last-band is
/// notPaid)</c>, then cut so that the paid days do not exceed <c>maxPaidDaysPerYear − days already paid in the year</c>.
/// For each band b, <c>days_b</c> = the paid days inside the band; the daily rate is <c>min(daily_b[tier], dailyCap[tier])</c>;
/// <c>standard = Σ days_b × rate_b</c>; <c>fund = round_fund(Σ days_b × rate_b × share_b)</c>;
/// <c>gain = standard − total cost</c>; <c>points = round_points(Σ days_b × points_b [× hospital coefficient])</c>.
/// Example (§4): 75 days in bands 1–30 at 300, 31–60 at 270, 61–90 at 240 → 30 × 300 + 30 × 270 + 15 × 240 = 20 700 yuan;
/// points 15 for days 1–60 and 12 after → 60 × 15 + 15 × 12 = 1 080 points.</para>
/// <para><b>Eligibility</b>: the first class holding the main diagnosis, the hospital's type, the stay's ward, the
/// minimum stay, and (money form) a daily standard for the hospital's tier. Data problems (LOS ≤ 0, admission after
/// discharge, no discharge date, unknown hospital, no diagnosis, negative cost) reject the stay.</para>
/// <para>Immutable, pure and thread-safe; <see cref="Price"/> and <see cref="TryGetLine"/> do not allocate.</para>
/// </remarks>
public sealed class PerDiemCalculator
{
    private const int Tiers = 4;
    private readonly CompiledClass[] _classes;

    /// <summary>Creates a calculator for a valid policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <exception cref="ArgumentException">When <see cref="PerDiemPolicy.Validate"/> reports errors.</exception>
    public PerDiemCalculator(PerDiemPolicy policy)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        var errors = policy.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("The per-diem policy is invalid: " + string.Join("; ", errors.Select(e => e.Code + " at " + e.Field + ": " + e.MessageEn)), nameof(policy));
        }

        _classes = policy.Classes.Select(c => new CompiledClass(c)).ToArray();
    }

    /// <summary>按床日付费政策 — the policy.</summary>
    public PerDiemPolicy Policy { get; }

    /// <summary>定价 — prices one stay. Pure, allocation-free.</summary>
    /// <param name="stay">The stay.</param>
    /// <param name="hospital">Its hospital (<see cref="PerDiemHospital.Unknown"/> when not in the list).</param>
    /// <param name="episode">Its place in the patient's history (<see cref="PerDiemEpisode.First"/> for a first stay).</param>
    /// <returns>The result.</returns>
    public PerDiemResult Price(in PerDiemStay stay, in PerDiemHospital hospital, in PerDiemEpisode episode) => Compute(stay, hospital, episode, null);

    /// <summary>说明 — prices one stay and records every step in Chinese and English (allocates; for review, not batches).</summary>
    /// <param name="stay">The stay.</param>
    /// <param name="hospital">Its hospital.</param>
    /// <param name="episode">Its place in the patient's history.</param>
    /// <returns>The result and its trace.</returns>
    public PerDiemTrace Explain(in PerDiemStay stay, in PerDiemHospital hospital, in PerDiemEpisode episode)
    {
        var steps = new List<PerDiemTraceStep>();
        var result = Compute(stay, hospital, episode, steps);
        return new PerDiemTrace(result, steps);
    }

    /// <summary>分段天数 — the paid days of a priced result inside one band of its class.</summary>
    /// <param name="result">The result.</param>
    /// <param name="band">The band index.</param>
    /// <returns>The days (0 when not priced or outside).</returns>
    public int DaysInBand(in PerDiemResult result, int band)
    {
        if (result.Status != PerDiemStatus.Priced || result.ClassIndex < 0 || result.PaidDays == 0)
        {
            return 0;
        }

        var cls = _classes[result.ClassIndex];
        if (band < 0 || band >= cls.From.Length)
        {
            return 0;
        }

        var last = result.FirstDay + result.PaidDays - 1;
        var lo = Math.Max(result.FirstDay, cls.From[band]);
        var hi = Math.Min(last, cls.To[band]);
        return hi >= lo ? hi - lo + 1 : 0;
    }

    /// <summary>
    /// 结算行 — the settlement line of a priced stay: method <c>PER_DIEM</c>; basis = the fund amount as money (paid
    /// from the pool of <see cref="PerDiemPolicy.PointSystem"/> first, or outside every pool) in the money form, or the
    /// bed-day points in <see cref="PerDiemPolicy.PointSystem"/> in the point form; hospital, fund, discharge month and
    /// costs of the case (<see cref="SettlementLine.ForCase"/>). Allocation-free.
    /// </summary>
    /// <param name="stay">The stay.</param>
    /// <param name="result">Its result.</param>
    /// <param name="line">The line, when priced.</param>
    /// <returns>Whether the stay is priced.</returns>
    public bool TryGetLine(in PerDiemStay stay, in PerDiemResult result, out SettlementLine line)
    {
        if (result.Status != PerDiemStatus.Priced)
        {
            line = default;
            return false;
        }

        var basis = Policy.Form == PerDiemForm.Points
            ? SettlementBasis.OfPoints(Policy.PointSystem, result.Points)
            : SettlementBasis.OfMoney(result.FundAmount, Policy.PointSystem);
        line = SettlementLine.ForCase(stay.Case, SettlementMethods.PerDiem, basis);
        return true;
    }

    private PerDiemResult Compute(in PerDiemStay stay, in PerDiemHospital hospital, in PerDiemEpisode episode, List<PerDiemTraceStep>? trace)
    {
        var c = stay.Case ?? throw new ArgumentException("The stay has no case.", nameof(stay));
        var los = c.LengthOfStayDays;
        var reasons = PerDiemReasons.None;
        if (los <= 0)
        {
            reasons |= PerDiemReasons.LengthOfStayNotPositive;
        }

        if (c.AdmissionDate is { } admitted && c.DischargeDate is { } discharged && admitted > discharged)
        {
            reasons |= PerDiemReasons.AdmissionAfterDischarge;
        }

        if (c.DischargeDate is not { } dischargeDate)
        {
            reasons |= PerDiemReasons.DischargeDateMissing;
        }
        else if (!Policy.InForceOn(dischargeDate))
        {
            reasons |= PerDiemReasons.PolicyNotInForce;
        }

        if (!hospital.IsKnown)
        {
            reasons |= PerDiemReasons.HospitalUnknown;
        }

        if (c.MainDiagnosis.IsEmpty)
        {
            reasons |= PerDiemReasons.DiagnosisMissing;
        }

        var costs = c.Costs;
        if (costs.Total.IsNegative || costs.PatientPaid.IsNegative || costs.FundPaid.IsNegative)
        {
            reasons |= PerDiemReasons.CostNegative;
        }

        if (reasons != PerDiemReasons.None)
        {
            trace?.Add(new PerDiemTraceStep("数据校验：病例数据不合格，不予按床日定价", "Data check: the stay's data is unusable; it is not priced."));
            return new PerDiemResult(PerDiemStatus.Rejected, reasons, -1, 0, los, 0, Money.Zero, Money.Zero, Money.Zero, 0m);
        }

        var index = Policy.FindClass(c.MainDiagnosis);
        if (index < 0)
        {
            trace?.Add(new PerDiemTraceStep("病种：主要诊断不属于任何床日病种", "Class: the main diagnosis is in no per-diem class."));
            return new PerDiemResult(PerDiemStatus.NotEligible, PerDiemReasons.ClassNone, -1, 0, los, 0, Money.Zero, Money.Zero, Money.Zero, 0m);
        }

        var cls = _classes[index];
        var tier = (int)hospital.Level.Tier;
        if (tier < 0 || tier >= Tiers)
        {
            tier = 0;
        }

        trace?.Add(new PerDiemTraceStep(
            "病种：" + cls.Source.Code + "（" + cls.Source.Name + "）；医院级别第" + tier.ToString(CultureInfo.InvariantCulture) + "级",
            "Class: " + cls.Source.Code + " (" + cls.Source.Name + "); hospital tier " + tier.ToString(CultureInfo.InvariantCulture) + "."));
        if (cls.TypeAllowed is { } types && !types[Math.Min(Math.Max((int)hospital.Type, 0), types.Length - 1)])
        {
            reasons |= PerDiemReasons.HospitalTypeNotEligible;
        }

        if (cls.Wards.Length > 0 && !cls.AllowsWard(stay.Ward))
        {
            reasons |= PerDiemReasons.WardNotEligible;
        }

        if (los < cls.MinimumStay)
        {
            reasons |= PerDiemReasons.BelowMinimumStay;
        }

        var money = Policy.Form == PerDiemForm.Money;
        var hasStandard = cls.DailyFen[0, tier] >= 0;
        if (money && !hasStandard)
        {
            reasons |= PerDiemReasons.NoStandardForLevel;
        }

        if (reasons != PerDiemReasons.None)
        {
            trace?.Add(new PerDiemTraceStep("资格：不符合按床日条件，转DRG/DIP", "Eligibility: not eligible for per diem; the case goes to DRG/DIP."));
            return new PerDiemResult(PerDiemStatus.NotEligible, reasons, index, 0, los, 0, Money.Zero, Money.Zero, Money.Zero, 0m);
        }

        if (episode.IsContinuation)
        {
            reasons |= PerDiemReasons.ReadmissionContinued;
        }

        var first = episode.PriorEpisodeDays + 1;
        var last = first + los - 1;
        var payEnd = last;
        if (last > cls.MaxStay)
        {
            payEnd = cls.MaxStay;
            reasons |= PerDiemReasons.DaysBeyondStayMaximum;
        }

        if (cls.BeyondLast == BeyondLastBandRule.NotPaid && payEnd > cls.LastBandEnd)
        {
            payEnd = cls.LastBandEnd;
            reasons |= PerDiemReasons.DaysBeyondLastBand;
        }

        var paidDays = Math.Max(0, payEnd - first + 1);
        if (Policy.MaxPaidDaysPerYear is int yearMax)
        {
            var remaining = Math.Max(0, yearMax - episode.PriorYearPaidDays);
            if (paidDays > remaining)
            {
                paidDays = remaining;
                reasons |= PerDiemReasons.DaysBeyondYearMaximum;
            }
        }

        payEnd = first + paidDays - 1;
        trace?.Add(new PerDiemTraceStep(
            "天数：本次第" + Num(first) + "–" + Num(last) + "天（延续" + Num(episode.PriorEpisodeDays) + "天，年度已付" + Num(episode.PriorYearPaidDays) + "天），支付" + Num(paidDays) + "天",
            "Days: this stay is days " + Num(first) + "–" + Num(last) + " (continuing " + Num(episode.PriorEpisodeDays) + ", " + Num(episode.PriorYearPaidDays) + " paid earlier in the year); " + Num(paidDays) + " paid."));

        long standardFen = 0;
        decimal fundFen = 0m;
        decimal points = 0m;
        var cap = cls.CapFen[tier];
        for (var b = 0; b < cls.From.Length; b++)
        {
            var lo = Math.Max(first, cls.From[b]);
            var hi = Math.Min(payEnd, cls.To[b]);
            if (hi < lo)
            {
                continue;
            }

            long days = hi - lo + 1;
            points += days * cls.Points[b];
            if (!hasStandard)
            {
                trace?.Add(new PerDiemTraceStep(
                    "分段" + Num(b + 1) + "：" + Num(days) + "天 × " + Dec(cls.Points[b]) + "分",
                    "Band " + Num(b + 1) + ": " + Num(days) + " days × " + Dec(cls.Points[b]) + " points."));
                continue;
            }

            var rate = cls.DailyFen[b, tier];
            if (cap >= 0 && rate > cap)
            {
                rate = cap;
                reasons |= PerDiemReasons.DailyCapApplied;
            }

            standardFen = checked(standardFen + (days * rate));
            var share = cls.Share[b, tier];
            fundFen += days * rate * share;
            trace?.Add(new PerDiemTraceStep(
                "分段" + Num(b + 1) + "（第" + Num(cls.From[b]) + "天起）：" + Num(days) + "天 × " + Money.FromFen(rate) + "元 = " + Money.FromFen(days * rate) + "元，基金比例" + Dec(share) + "，分值" + Dec(cls.Points[b]) + "/天",
                "Band " + Num(b + 1) + " (from day " + Num(cls.From[b]) + "): " + Num(days) + " days × " + Money.FromFen(rate) + " = " + Money.FromFen(days * rate) + " yuan, fund share " + Dec(share) + ", " + Dec(cls.Points[b]) + " points/day."));
        }

        if (Policy.ApplyHospitalCoefficient)
        {
            points *= hospital.Coefficient.Value;
        }

        points = Policy.PointsRounding.Round(points);
        var standard = Money.FromFen(standardFen);
        var fund = new UnroundedMoney(fundFen / 100m).Round(Policy.FundRounding);
        var gain = standard - costs.Total;
        trace?.Add(new PerDiemTraceStep(
            "合计：支付标准" + standard + "元，基金支付" + fund + "元，结余（亏损）" + gain + "元，床日分值" + Dec(points) + (Policy.ApplyHospitalCoefficient ? "（含医院系数" + Dec(hospital.Coefficient.Value) + "）" : string.Empty),
            "Total: standard " + standard + " yuan, fund " + fund + " yuan, gain (loss) " + gain + " yuan, bed-day points " + Dec(points) + (Policy.ApplyHospitalCoefficient ? " (with hospital coefficient " + Dec(hospital.Coefficient.Value) + ")" : string.Empty) + "."));
        return new PerDiemResult(PerDiemStatus.Priced, reasons, index, first, los, paidDays, standard, fund, gain, points);
    }

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Dec(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A class compiled into arrays for the kernel: bands by index, tiers by <see cref="HospitalTier"/> value.</summary>
    private sealed class CompiledClass
    {
        public CompiledClass(PerDiemClass source)
        {
            Source = source;
            var n = source.Bands.Count;
            From = new int[n];
            To = new int[n];
            Points = new decimal[n];
            DailyFen = new long[n, Tiers];
            Share = new decimal[n, Tiers];
            BeyondLast = source.BeyondLastBand;
            for (var b = 0; b < n; b++)
            {
                var band = source.Bands[b];
                From[b] = band.FromDay;
                To[b] = band.ToDay ?? int.MaxValue;
                Points[b] = band.PointsPerDay;
                for (var t = 0; t < Tiers; t++)
                {
                    var tier = (HospitalTier)t;
                    DailyFen[b, t] = band.DailyStandards.TryGetValue(tier, out var daily) ? daily.Fen : -1;
                    Share[b, t] = band.FundShares.TryGetValue(tier, out var s) ? s.Value : source.FundShares.TryGetValue(tier, out var cs) ? cs.Value : 0m;
                }
            }

            LastBandEnd = To[n - 1];
            if (BeyondLast == BeyondLastBandRule.LastBand)
            {
                To[n - 1] = int.MaxValue;
            }

            CapFen = new long[Tiers];
            for (var t = 0; t < Tiers; t++)
            {
                CapFen[t] = source.DailyCaps.TryGetValue((HospitalTier)t, out var cap) ? cap.Fen : -1;
            }

            if (source.HospitalTypes.Count > 0)
            {
                TypeAllowed = new bool[4];
                foreach (var type in source.HospitalTypes)
                {
                    if ((int)type >= 0 && (int)type < TypeAllowed.Length)
                    {
                        TypeAllowed[(int)type] = true;
                    }
                }
            }

            Wards = source.Wards.ToArray();
            MinimumStay = source.MinimumStayDays;
            MaxStay = source.MaxPaidDaysPerStay ?? int.MaxValue;
        }

        public PerDiemClass Source { get; }

        public int[] From { get; }

        public int[] To { get; }

        public decimal[] Points { get; }

        public long[,] DailyFen { get; }

        public decimal[,] Share { get; }

        public long[] CapFen { get; }

        public bool[]? TypeAllowed { get; }

        public string[] Wards { get; }

        public int MinimumStay { get; }

        public int MaxStay { get; }

        public int LastBandEnd { get; }

        public BeyondLastBandRule BeyondLast { get; }

        public bool AllowsWard(string ward)
        {
            for (var i = 0; i < Wards.Length; i++)
            {
                if (string.Equals(Wards[i], ward, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>说明步骤 — one step of a per-diem trace, in Chinese and English.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PerDiemTraceStep
{
    /// <summary>Creates a step.</summary>
    /// <param name="zh">中文.</param>
    /// <param name="en">English.</param>
    public PerDiemTraceStep(string zh, string en)
    {
        Zh = zh ?? string.Empty;
        En = en ?? string.Empty;
    }

    /// <summary>中文说明 — the step in Chinese.</summary>
    public string Zh { get; }

    /// <summary>The step in English.</summary>
    public string En { get; }

    /// <inheritdoc />
    public override string ToString() => Zh + " / " + En;
}

/// <summary>按床日计算说明 — a result with the steps that produced it (<see cref="PerDiemCalculator.Explain"/>).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PerDiemTrace
{
    internal PerDiemTrace(PerDiemResult result, IReadOnlyList<PerDiemTraceStep> steps)
    {
        Result = result;
        Steps = steps;
    }

    /// <summary>结果 — the result.</summary>
    public PerDiemResult Result { get; }

    /// <summary>步骤 — the steps in order.</summary>
    public IReadOnlyList<PerDiemTraceStep> Steps { get; }

    /// <summary>The steps as text, one per line: <c>中文 / English</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(Environment.NewLine, Steps.Select(s => s.ToString()));
}
