using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.PerDiem;

/// <summary>按床日支付形式 — whether a per-diem stay is paid as a money amount or as bed-day points.</summary>
public enum PerDiemForm
{
    /// <summary>金额 — the fund amount (standard × fund share) is a money line.</summary>
    Money = 0,

    /// <summary>床日分值 — bed-day points summed into a point system (纳入点数法).</summary>
    Points = 1,
}

/// <summary>超出最后分段的天数 — how days beyond the last band's last day are paid.</summary>
public enum BeyondLastBandRule
{
    /// <summary>不予支付 — not paid.</summary>
    NotPaid = 0,

    /// <summary>按最后分段标准支付 — paid at the last band's standard.</summary>
    LastBand = 1,
}

/// <summary>
/// 诊断编码范围 — a range of ICD-10 codes compared by prefix: <c>F20</c>–<c>F29</c> holds every code whose first three
/// characters are between F20 and F29 (F20.000, F29.x00 …); a range with equal ends is a prefix (<c>F31</c>, <c>Z50.1</c>).
/// </summary>
/// <remarks>An immutable value; thread-safe. Matching does not allocate.</remarks>
public readonly struct DiagnosisRange : IEquatable<DiagnosisRange>
{
    private readonly string? _from;
    private readonly string? _to;

    /// <summary>Creates a range.</summary>
    /// <param name="from">起 — the first prefix (e.g. <c>F20</c>).</param>
    /// <param name="to">止 — the last prefix (e.g. <c>F29</c>); the same as <paramref name="from"/> for a single prefix.</param>
    /// <exception cref="ArgumentException">When an end is blank or <paramref name="from"/> sorts after <paramref name="to"/>.</exception>
    public DiagnosisRange(string from, string to)
    {
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
        {
            throw new ArgumentException("A diagnosis range needs both ends.");
        }

        _from = from.Trim().ToUpperInvariant();
        _to = to.Trim().ToUpperInvariant();
        if (string.CompareOrdinal(From, To) > 0)
        {
            throw new ArgumentException("The diagnosis range " + From + "-" + To + " starts after it ends.");
        }
    }

    /// <summary>起 — the first prefix.</summary>
    public string From => _from ?? string.Empty;

    /// <summary>止 — the last prefix.</summary>
    public string To => _to ?? string.Empty;

    /// <summary>Reads <c>F20-F29</c>, <c>F20–F29</c> or a single prefix <c>F31</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The range.</returns>
    /// <exception cref="ArgumentException">When the text is not a range.</exception>
    public static DiagnosisRange Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var parts = text.Split('-', '–', '~');
        return parts.Length switch
        {
            1 => new DiagnosisRange(parts[0], parts[0]),
            2 => new DiagnosisRange(parts[0], parts[1]),
            _ => throw new ArgumentException("'" + text + "' is not a diagnosis range such as F20-F29."),
        };
    }

    /// <summary>Whether a code falls in the range (compared on the length of each end).</summary>
    /// <param name="code">The diagnosis code.</param>
    /// <returns>Whether it matches.</returns>
    public bool Contains(DiagnosisCode code)
    {
        var value = code.Value;
        var from = From;
        var to = To;
        return value.Length > 0
            && string.CompareOrdinal(value, 0, from, 0, from.Length) >= 0
            && string.CompareOrdinal(value, 0, to, 0, to.Length) <= 0;
    }

    /// <inheritdoc />
    public bool Equals(DiagnosisRange other) => string.Equals(From, other.From, StringComparison.Ordinal) && string.Equals(To, other.To, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DiagnosisRange other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(From) ^ StringComparer.Ordinal.GetHashCode(To);

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(DiagnosisRange left, DiagnosisRange right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(DiagnosisRange left, DiagnosisRange right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => From == To ? From : From + "-" + To;
}

/// <summary>
/// 床日分段 — one stage band of a per-diem class: a day range of the stay (day 1 = the admission day), the daily
/// standard (床日标准) per hospital tier, an optional fund share (基金支付比例) per tier overriding the class's, and the
/// bed-day points per day (床日分值) of the point form.
/// </summary>
/// <remarks>Immutable and thread-safe; the dictionaries are copied. Callable from C# 7.3.</remarks>
public sealed class PerDiemBand
{
    /// <summary>Creates a band.</summary>
    /// <param name="fromDay">起始天 — the first day of the band (1-based).</param>
    /// <param name="toDay">截止天 — the last day, or null for an open last band.</param>
    /// <param name="dailyStandards">床日标准 — yuan per day by hospital tier (may be empty in the point form).</param>
    /// <param name="pointsPerDay">床日分值 — points per day (0 when the policy pays money).</param>
    /// <param name="fundShares">基金支付比例 — fund share by tier for this band, or null to use the class's.</param>
    public PerDiemBand(int fromDay, int? toDay, IReadOnlyDictionary<HospitalTier, Money>? dailyStandards, decimal pointsPerDay, IReadOnlyDictionary<HospitalTier, Ratio>? fundShares = null)
    {
        FromDay = fromDay;
        ToDay = toDay;
        DailyStandards = Copy(dailyStandards);
        PointsPerDay = pointsPerDay;
        FundShares = Copy(fundShares);
    }

    /// <summary>起始天 — the first day of the band.</summary>
    public int FromDay { get; }

    /// <summary>截止天 — the last day, or null when the band is open.</summary>
    public int? ToDay { get; }

    /// <summary>床日标准 — yuan per day by hospital tier.</summary>
    public IReadOnlyDictionary<HospitalTier, Money> DailyStandards { get; }

    /// <summary>床日分值 — points per day.</summary>
    public decimal PointsPerDay { get; }

    /// <summary>基金支付比例 — this band's fund share by tier (empty: the class's).</summary>
    public IReadOnlyDictionary<HospitalTier, Ratio> FundShares { get; }

    /// <inheritdoc />
    public override string ToString() => FromDay.ToString(CultureInfo.InvariantCulture) + "–" + (ToDay?.ToString(CultureInfo.InvariantCulture) ?? "");

    private static Dictionary<HospitalTier, T> Copy<T>(IReadOnlyDictionary<HospitalTier, T>? source) =>
        source is null ? new Dictionary<HospitalTier, T>() : source.ToDictionary(p => p.Key, p => p.Value);
}

/// <summary>
/// 床日病种 — a per-diem disease class (精神类、康复类、安宁疗护 …): the main diagnoses it holds, where it is paid per diem
/// (hospital types, wards), the minimum stay, the maximum paid days per stay, the stage bands, the fund share and the
/// daily cap per tier, and how days beyond the last band are paid.
/// </summary>
/// <remarks>Immutable and thread-safe; lists are copied. Callable from C# 7.3. Check a policy with
/// <see cref="PerDiemPolicy.Validate"/>.</remarks>
public sealed class PerDiemClass
{
    /// <summary>Creates a class.</summary>
    /// <param name="code">病种编码 — the class code (e.g. <c>PSY</c>).</param>
    /// <param name="name">名称 — the name.</param>
    /// <param name="diagnoses">诊断范围 — the main-diagnosis ranges.</param>
    /// <param name="bands">分段 — the stage bands, in day order.</param>
    /// <param name="fundShares">基金支付比例 — the fund share by tier.</param>
    /// <param name="hospitalTypes">适用机构类别 — hospital types where the class is paid per diem (empty: all).</param>
    /// <param name="wards">适用病区 — ward types (empty: all).</param>
    /// <param name="minimumStayDays">最低住院天数 — the minimum length of stay (0: none).</param>
    /// <param name="maxPaidDaysPerStay">单次最高支付天数 — the last paid day of a stay (continued stays count together), or null.</param>
    /// <param name="beyondLastBand">超出最后分段 — the rule for days beyond the last band.</param>
    /// <param name="dailyCaps">日限额 — a cap on the daily standard by tier (empty: none).</param>
    public PerDiemClass(
        string code,
        string name,
        IEnumerable<DiagnosisRange> diagnoses,
        IEnumerable<PerDiemBand> bands,
        IReadOnlyDictionary<HospitalTier, Ratio>? fundShares = null,
        IEnumerable<HospitalType>? hospitalTypes = null,
        IEnumerable<string>? wards = null,
        int minimumStayDays = 0,
        int? maxPaidDaysPerStay = null,
        BeyondLastBandRule beyondLastBand = BeyondLastBandRule.NotPaid,
        IReadOnlyDictionary<HospitalTier, Money>? dailyCaps = null)
    {
        Code = code ?? string.Empty;
        Name = name ?? string.Empty;
        Diagnoses = (diagnoses ?? throw new ArgumentNullException(nameof(diagnoses))).ToArray();
        Bands = (bands ?? throw new ArgumentNullException(nameof(bands))).ToArray();
        FundShares = fundShares is null ? new Dictionary<HospitalTier, Ratio>() : fundShares.ToDictionary(p => p.Key, p => p.Value);
        HospitalTypes = hospitalTypes?.Distinct().ToArray() ?? Array.Empty<HospitalType>();
        Wards = wards?.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray() ?? Array.Empty<string>();
        MinimumStayDays = minimumStayDays;
        MaxPaidDaysPerStay = maxPaidDaysPerStay;
        BeyondLastBand = beyondLastBand;
        DailyCaps = dailyCaps is null ? new Dictionary<HospitalTier, Money>() : dailyCaps.ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>病种编码 — the class code.</summary>
    public string Code { get; }

    /// <summary>名称 — the name.</summary>
    public string Name { get; }

    /// <summary>诊断范围 — main-diagnosis ranges.</summary>
    public IReadOnlyList<DiagnosisRange> Diagnoses { get; }

    /// <summary>分段 — stage bands in day order.</summary>
    public IReadOnlyList<PerDiemBand> Bands { get; }

    /// <summary>基金支付比例 — fund share by tier.</summary>
    public IReadOnlyDictionary<HospitalTier, Ratio> FundShares { get; }

    /// <summary>适用机构类别 — hospital types (empty: all).</summary>
    public IReadOnlyList<HospitalType> HospitalTypes { get; }

    /// <summary>适用病区 — ward types (empty: all), compared ignoring case.</summary>
    public IReadOnlyList<string> Wards { get; }

    /// <summary>最低住院天数 — minimum length of stay.</summary>
    public int MinimumStayDays { get; }

    /// <summary>单次最高支付天数 — the last paid day of a stay, or null.</summary>
    public int? MaxPaidDaysPerStay { get; }

    /// <summary>超出最后分段 — rule for days beyond the last band.</summary>
    public BeyondLastBandRule BeyondLastBand { get; }

    /// <summary>日限额 — daily cap by tier.</summary>
    public IReadOnlyDictionary<HospitalTier, Money> DailyCaps { get; }

    /// <summary>Whether the class holds a main diagnosis.</summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether one of the ranges contains it.</returns>
    public bool Holds(DiagnosisCode code)
    {
        var ranges = (DiagnosisRange[])Diagnoses;
        for (var i = 0; i < ranges.Length; i++)
        {
            if (ranges[i].Contains(code))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// 按床日付费政策 — a region's per-diem policy (payment-rules.md §4 "Per-diem"): the classes, the payment form (money or
/// bed-day points in a named point system), the readmission window that continues a stay's day count, the yearly
/// maximum of paid days and the rounding of the fund amount and of the points.
/// </summary>
/// <remarks>Immutable and thread-safe. Load one with <see cref="PerDiemPolicyLoader"/> (validated, errors name the line
/// and field) or build one in code and check it with <see cref="Validate"/>. Callable from C# 7.3.</remarks>
public sealed class PerDiemPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="id">编号 — the policy id.</param>
    /// <param name="version">版本 — the version.</param>
    /// <param name="name">名称 — the name.</param>
    /// <param name="form">支付形式 — money or points.</param>
    /// <param name="pointSystem">点数体系 — points: the system the points belong to (null: the settlement policy's only one); money: the pool that pays the amount first, or null for outside every pool.</param>
    /// <param name="classes">床日病种 — the classes, in matching order (the first class holding a diagnosis wins).</param>
    /// <param name="readmissionDays">再入院天数 — a stay admitted at most this many days after the previous discharge (same patient, class and hospital) continues its day count; 0 = never.</param>
    /// <param name="maxPaidDaysPerYear">年度最高支付天数 — paid days per patient, class and discharge year; null = no limit.</param>
    /// <param name="applyHospitalCoefficient">是否乘医院系数 — points × the hospital coefficient.</param>
    /// <param name="fundRounding">基金金额舍入 — the rule of the one rounding of the fund amount (default 四舍五入 to the fen).</param>
    /// <param name="pointsRounding">点数舍入 — the rule of the one rounding of the points (default 四舍五入 to 4 decimals).</param>
    /// <param name="effectiveFrom">生效日期 — the first discharge date the policy prices, or null (no start).</param>
    /// <param name="effectiveTo">失效日期 — the last discharge date the policy prices, or null (no end).</param>
    public PerDiemPolicy(
        string id,
        string version,
        string name,
        PerDiemForm form,
        string? pointSystem,
        IEnumerable<PerDiemClass> classes,
        int readmissionDays = 0,
        int? maxPaidDaysPerYear = null,
        bool applyHospitalCoefficient = false,
        RoundingRule? fundRounding = null,
        RoundingRule? pointsRounding = null,
        CalendarDate? effectiveFrom = null,
        CalendarDate? effectiveTo = null)
    {
        Id = id ?? string.Empty;
        Version = version ?? string.Empty;
        Name = name ?? string.Empty;
        Form = form;
        PointSystem = string.IsNullOrWhiteSpace(pointSystem) ? null : pointSystem!.Trim();
        Classes = (classes ?? throw new ArgumentNullException(nameof(classes))).ToArray();
        ReadmissionDays = readmissionDays;
        MaxPaidDaysPerYear = maxPaidDaysPerYear;
        ApplyHospitalCoefficient = applyHospitalCoefficient;
        FundRounding = fundRounding ?? RoundingRule.Default;
        PointsRounding = pointsRounding ?? new RoundingRule(RoundingMode.HalfAwayFromZero, 4);
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
    }

    /// <summary>生效日期 — the first discharge date priced, or null.</summary>
    public CalendarDate? EffectiveFrom { get; }

    /// <summary>失效日期 — the last discharge date priced, or null.</summary>
    public CalendarDate? EffectiveTo { get; }

    /// <summary>是否在有效期内 — whether a stay discharged on <paramref name="dischargeDate"/> is priced by this policy (both ends included).</summary>
    /// <param name="dischargeDate">The discharge date.</param>
    /// <returns>True inside the period (or when the policy has none).</returns>
    public bool InForceOn(CalendarDate dischargeDate) =>
        (EffectiveFrom is not { } from || dischargeDate >= from) && (EffectiveTo is not { } to || dischargeDate <= to);

    /// <summary>编号 — id.</summary>
    public string Id { get; }

    /// <summary>版本 — version.</summary>
    public string Version { get; }

    /// <summary>名称 — name.</summary>
    public string Name { get; }

    /// <summary>支付形式 — money or points.</summary>
    public PerDiemForm Form { get; }

    /// <summary>点数体系 — the point system of the lines (see the constructor).</summary>
    public string? PointSystem { get; }

    /// <summary>床日病种 — classes in matching order.</summary>
    public IReadOnlyList<PerDiemClass> Classes { get; }

    /// <summary>再入院天数 — the readmission window in days (0 = off).</summary>
    public int ReadmissionDays { get; }

    /// <summary>年度最高支付天数 — yearly maximum of paid days, or null.</summary>
    public int? MaxPaidDaysPerYear { get; }

    /// <summary>是否乘医院系数 — whether points are multiplied by the hospital coefficient.</summary>
    public bool ApplyHospitalCoefficient { get; }

    /// <summary>基金金额舍入 — rounding of the fund amount.</summary>
    public RoundingRule FundRounding { get; }

    /// <summary>点数舍入 — rounding of the points.</summary>
    public RoundingRule PointsRounding { get; }

    /// <summary>The index of the first class holding a main diagnosis, or −1. Does not allocate.</summary>
    /// <param name="mainDiagnosis">The main diagnosis.</param>
    /// <returns>The class index or −1.</returns>
    public int FindClass(DiagnosisCode mainDiagnosis)
    {
        if (mainDiagnosis.IsEmpty)
        {
            return -1;
        }

        var classes = (PerDiemClass[])Classes;
        for (var i = 0; i < classes.Length; i++)
        {
            if (classes[i].Holds(mainDiagnosis))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// 校验 — every problem of the policy, each an error naming its field as a JSON path
    /// (<c>classes[0].bands[1].fromDay</c>): bands with gaps (<see cref="PerDiemIssueCodes.PolicyBandGap"/>) or overlaps
    /// (<see cref="PerDiemIssueCodes.PolicyBandOverlap"/>), levels priced in some bands only, shares outside 0–1,
    /// negative standards or points, duplicated class codes, values out of range.
    /// </summary>
    /// <returns>The errors; empty when the policy is usable.</returns>
    public IReadOnlyList<ValidationIssue> Validate()
    {
        var issues = new List<ValidationIssue>();
        void Bad(string code, string field, string zh, string en) => issues.Add(ValidationIssue.Error(code, field, zh, en));

        if (Id.Length == 0)
        {
            Bad(PerDiemIssueCodes.PolicyJsonInvalid, "id", "缺少政策编号", "The policy id is required.");
        }

        if (EffectiveFrom is { } start && EffectiveTo is { } end && end < start)
        {
            Bad(PerDiemIssueCodes.PolicyValueInvalid, "effectiveTo", "失效日期早于生效日期", "effectiveTo is before effectiveFrom.");
        }

        if (ReadmissionDays < 0)
        {
            Bad(PerDiemIssueCodes.PolicyValueInvalid, "readmissionDays", "再入院天数不能为负", "readmissionDays must be 0 or more.");
        }

        if (MaxPaidDaysPerYear is <= 0)
        {
            Bad(PerDiemIssueCodes.PolicyValueInvalid, "maxPaidDaysPerYear", "年度最高支付天数须大于0", "maxPaidDaysPerYear must be greater than 0.");
        }

        if (Classes.Count == 0)
        {
            Bad(PerDiemIssueCodes.PolicyValueInvalid, "classes", "至少需要一个床日病种", "At least one class is required.");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < Classes.Count; c++)
        {
            var cls = Classes[c];
            var at = "classes[" + c.ToString(CultureInfo.InvariantCulture) + "]";
            if (cls.Code.Length == 0)
            {
                Bad(PerDiemIssueCodes.PolicyJsonInvalid, at + ".code", "缺少病种编码", "The class code is required.");
            }
            else if (!codes.Add(cls.Code))
            {
                Bad(PerDiemIssueCodes.PolicyClassDuplicated, at + ".code", "病种编码重复", "The class code '" + cls.Code + "' is used twice.");
            }

            if (cls.Diagnoses.Count == 0)
            {
                Bad(PerDiemIssueCodes.PolicyValueInvalid, at + ".diagnoses", "至少需要一个诊断范围", "At least one diagnosis range is required.");
            }

            if (cls.MinimumStayDays < 0)
            {
                Bad(PerDiemIssueCodes.PolicyValueInvalid, at + ".minStayDays", "最低住院天数不能为负", "minStayDays must be 0 or more.");
            }

            if (cls.MaxPaidDaysPerStay is <= 0)
            {
                Bad(PerDiemIssueCodes.PolicyValueInvalid, at + ".maxPaidDaysPerStay", "单次最高支付天数须大于0", "maxPaidDaysPerStay must be greater than 0.");
            }

            foreach (var pair in cls.FundShares)
            {
                ShareInRange(pair.Value, at + ".fundShare." + TierKey(pair.Key));
            }

            foreach (var pair in cls.DailyCaps)
            {
                if (pair.Value.IsNegative)
                {
                    Bad(PerDiemIssueCodes.PolicyValueInvalid, at + ".dailyCap." + TierKey(pair.Key), "日限额不能为负", "A daily cap must not be negative.");
                }
            }

            ValidateBands(cls, at);
        }

        return issues;

        void ShareInRange(Ratio share, string field)
        {
            if (share.Value < 0m || share.Value > 1m)
            {
                Bad(PerDiemIssueCodes.PolicyValueInvalid, field, "基金支付比例须在0到1之间", "A fund share must be between 0 and 1.");
            }
        }

        void ValidateBands(PerDiemClass cls, string at)
        {
            if (cls.Bands.Count == 0)
            {
                Bad(PerDiemIssueCodes.PolicyValueInvalid, at + ".bands", "至少需要一个分段", "At least one band is required.");
                return;
            }

            for (var b = 0; b < cls.Bands.Count; b++)
            {
                var band = cls.Bands[b];
                var bat = at + ".bands[" + b.ToString(CultureInfo.InvariantCulture) + "]";
                var expected = b == 0 ? 1 : (cls.Bands[b - 1].ToDay ?? int.MaxValue) + 1L;
                if (b > 0 && cls.Bands[b - 1].ToDay is null)
                {
                    Bad(PerDiemIssueCodes.PolicyBandOverlap, bat + ".fromDay", "前一分段未设截止天，本分段与之重叠", "The previous band is open (no toDay), so this band overlaps it; only the last band may be open.");
                }
                else if (band.FromDay > expected)
                {
                    Bad(PerDiemIssueCodes.PolicyBandGap, bat + ".fromDay", "分段之间有空缺：本分段应从第" + expected.ToString(CultureInfo.InvariantCulture) + "天开始",
                        "Gap before this band: it must start on day " + expected.ToString(CultureInfo.InvariantCulture) + ".");
                }
                else if (band.FromDay < expected)
                {
                    Bad(PerDiemIssueCodes.PolicyBandOverlap, bat + ".fromDay", "分段重叠：本分段应从第" + expected.ToString(CultureInfo.InvariantCulture) + "天开始",
                        "This band overlaps the previous one: it must start on day " + expected.ToString(CultureInfo.InvariantCulture) + ".");
                }

                if (band.ToDay is { } to && to < band.FromDay)
                {
                    Bad(PerDiemIssueCodes.PolicyValueInvalid, bat + ".toDay", "截止天早于起始天", "toDay is before fromDay.");
                }

                if (band.PointsPerDay < 0m)
                {
                    Bad(PerDiemIssueCodes.PolicyValueInvalid, bat + ".points", "床日分值不能为负", "Points per day must not be negative.");
                }
                else if (Form == PerDiemForm.Points && band.PointsPerDay == 0m)
                {
                    Bad(PerDiemIssueCodes.PolicyValueInvalid, bat + ".points", "分值形式的政策每个分段都需要床日分值", "A policy in the point form needs points on every band.");
                }

                foreach (var pair in band.DailyStandards)
                {
                    if (pair.Value.IsNegative)
                    {
                        Bad(PerDiemIssueCodes.PolicyValueInvalid, bat + ".daily." + TierKey(pair.Key), "床日标准不能为负", "A daily standard must not be negative.");
                    }
                }

                foreach (var pair in band.FundShares)
                {
                    ShareInRange(pair.Value, bat + ".fundShare." + TierKey(pair.Key));
                }
            }

            // A tier is priced in every band or in none, and has a fund share wherever it is priced.
            var tiers = cls.Bands.SelectMany(x => x.DailyStandards.Keys).Distinct().OrderBy(t => t).ToArray();
            if (Form == PerDiemForm.Money && tiers.Length == 0)
            {
                Bad(PerDiemIssueCodes.PolicyValueInvalid, at + ".bands[0].daily", "金额形式的政策需要床日标准", "A policy in the money form needs daily standards.");
            }

            foreach (var tier in tiers)
            {
                for (var b = 0; b < cls.Bands.Count; b++)
                {
                    var band = cls.Bands[b];
                    var bat = at + ".bands[" + b.ToString(CultureInfo.InvariantCulture) + "]";
                    if (!band.DailyStandards.ContainsKey(tier))
                    {
                        Bad(PerDiemIssueCodes.PolicyLevelIncomplete, bat + ".daily." + TierKey(tier), "该级别在其他分段有标准，本分段缺少", "This level has a daily standard in other bands of the class but not in this one.");
                    }
                    else if (!band.FundShares.ContainsKey(tier) && !cls.FundShares.ContainsKey(tier))
                    {
                        Bad(PerDiemIssueCodes.PolicyLevelIncomplete, bat + ".fundShare." + TierKey(tier), "该级别缺少基金支付比例", "This level has a daily standard but no fund share (in the band or the class).");
                    }
                }
            }
        }
    }

    /// <summary>The key of a tier in the JSON format: <c>3</c>, <c>2</c>, <c>1</c>, <c>0</c>.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The key.</returns>
    internal static string TierKey(HospitalTier tier) => ((int)tier).ToString(CultureInfo.InvariantCulture);
}
