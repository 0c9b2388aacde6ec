using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.PerDiem;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Methods;

/// <summary>
/// 单病种目录条目 — one disease of a single-disease price list (按单病种付费): a diagnosis prefix, an optional procedure
/// prefix, a price per hospital level and the fund share (统筹基金支付比例) per level.
/// </summary>
/// <remarks>Immutable; thread-safe. Callable from C# 7.3.</remarks>
public sealed class SingleDiseaseEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="code">病种编码 — the entry's code (e.g. <c>SD01</c>).</param>
    /// <param name="name">病种名称 — the name.</param>
    /// <param name="diagnosisPrefix">主要诊断 — a code or prefix the main diagnosis starts with (e.g. <c>K35</c>).</param>
    /// <param name="procedurePrefix">手术操作 — a code or prefix one of the case's procedures starts with, or null for any case of the diagnosis.</param>
    /// <param name="prices">病种价格 — the price per hospital tier (a tier without a price falls back).</param>
    /// <param name="fundShares">统筹基金支付比例 — the fund share per tier (a tier without one pays 1).</param>
    public SingleDiseaseEntry(string code, string name, string diagnosisPrefix, string? procedurePrefix, IReadOnlyDictionary<HospitalTier, Money> prices, IReadOnlyDictionary<HospitalTier, Ratio>? fundShares)
    {
        Code = code ?? string.Empty;
        Name = name ?? string.Empty;
        DiagnosisPrefix = (diagnosisPrefix ?? string.Empty).Trim().ToUpperInvariant();
        ProcedurePrefix = string.IsNullOrWhiteSpace(procedurePrefix) ? null : procedurePrefix!.Trim().ToUpperInvariant();
        Prices = prices is null ? new Dictionary<HospitalTier, Money>() : new Dictionary<HospitalTier, Money>(prices.ToDictionary(p => p.Key, p => p.Value));
        FundShares = fundShares is null ? new Dictionary<HospitalTier, Ratio>() : fundShares.ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>病种编码 — the code.</summary>
    public string Code { get; }

    /// <summary>病种名称 — the name.</summary>
    public string Name { get; }

    /// <summary>主要诊断前缀 — the diagnosis code or prefix.</summary>
    public string DiagnosisPrefix { get; }

    /// <summary>手术操作前缀 — the procedure code or prefix; null for any case of the diagnosis.</summary>
    public string? ProcedurePrefix { get; }

    /// <summary>病种价格 — the price per tier.</summary>
    public IReadOnlyDictionary<HospitalTier, Money> Prices { get; }

    /// <summary>统筹基金支付比例 — the fund share per tier (missing = 1).</summary>
    public IReadOnlyDictionary<HospitalTier, Ratio> FundShares { get; }

    /// <summary>Whether a case matches: the main diagnosis starts with the prefix and, when the entry names a procedure, one of the case's procedures starts with it.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>Whether it matches.</returns>
    public bool Matches(InpatientCase inpatientCase)
    {
        if (inpatientCase is null || inpatientCase.MainDiagnosis.IsEmpty || DiagnosisPrefix.Length == 0 || !inpatientCase.MainDiagnosis.StartsWith(DiagnosisPrefix))
        {
            return false;
        }

        return ProcedurePrefix is null || MethodCodes.AnyProcedureStartsWith(inpatientCase, ProcedurePrefix);
    }
}

/// <summary>
/// 单病种目录 — a region's single-disease price list: entries matched in list order (put an entry with a procedure before
/// the same diagnosis without one), the pool that pays the money lines (a point system's budget, or none = outside every
/// pool) and the rounding of the fund amount (price × share, rounded once).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class SingleDiseaseList
{
    /// <summary>Creates a list.</summary>
    /// <param name="entries">目录条目 — the entries, in match order.</param>
    /// <param name="pointSystem">资金池 — the point system whose pool budget pays the lines, or null for outside every pool.</param>
    /// <param name="rounding">舍入规则 — the rounding of the fund amount (default 四舍五入 to the fen).</param>
    public SingleDiseaseList(IReadOnlyList<SingleDiseaseEntry> entries, string? pointSystem, RoundingRule? rounding = null)
    {
        Entries = (entries ?? throw new ArgumentNullException(nameof(entries))).ToArray();
        PointSystem = string.IsNullOrWhiteSpace(pointSystem) ? null : pointSystem!.Trim();
        Rounding = rounding ?? RoundingRule.Default;
    }

    /// <summary>目录条目 — the entries in match order.</summary>
    public IReadOnlyList<SingleDiseaseEntry> Entries { get; }

    /// <summary>资金池 — the paying point system, or null (outside every pool).</summary>
    public string? PointSystem { get; }

    /// <summary>舍入规则 — the fund-amount rounding.</summary>
    public RoundingRule Rounding { get; }

    /// <summary>The index of the first entry a case matches, or −1.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The index, or −1.</returns>
    public int Find(InpatientCase inpatientCase)
    {
        for (var i = 0; i < Entries.Count; i++)
        {
            if (Entries[i].Matches(inpatientCase))
            {
                return i;
            }
        }

        return -1;
    }

    internal IEnumerable<ValidationIssue> Validate(string at)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Entries.Count; i++)
        {
            var e = Entries[i];
            var field = at + ".diseases[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            if (e.Code.Length == 0 || !seen.Add(e.Code))
            {
                yield return ValidationIssue.Error(MethodIssueCodes.PolicyCodeDuplicated, field + ".code", "病种编码为空或重复", "An entry needs a code of its own.");
            }

            if (e.DiagnosisPrefix.Length == 0)
            {
                yield return ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, field + ".diagnosis", "缺少诊断", "An entry needs a diagnosis code or prefix.");
            }

            if (e.Prices.Count == 0 || e.Prices.Values.Any(p => p <= Money.Zero))
            {
                yield return ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, field + ".price", "价格须为正", "An entry needs a positive price for at least one level.");
            }

            if (e.FundShares.Values.Any(s => s.Value < 0m || s.Value > 1m))
            {
                yield return ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, field + ".fundShare", "基金支付比例须在0到1之间", "A fund share is between 0 and 1.");
            }
        }
    }
}

/// <summary>日间手术支付方式 — how a day-surgery case is paid.</summary>
public enum DaySurgeryPayment
{
    /// <summary>按病组（病种）支付 — by the case's DRG/DIP group: its line, relabelled DAY_SURGERY.</summary>
    Group = 0,

    /// <summary>按日间手术价格支付 — by a day-surgery price per procedure and level (money).</summary>
    Price = 1,
}

/// <summary>日间手术目录项 — one listed day-surgery procedure (code or prefix) with its price per level (price form only).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class DaySurgeryItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="procedurePrefix">手术操作 — the procedure code or prefix.</param>
    /// <param name="name">名称 — the name.</param>
    /// <param name="prices">日间手术价格 — the price per tier (empty when paid by the group).</param>
    public DaySurgeryItem(string procedurePrefix, string name, IReadOnlyDictionary<HospitalTier, Money>? prices)
    {
        ProcedurePrefix = (procedurePrefix ?? string.Empty).Trim().ToUpperInvariant();
        Name = name ?? string.Empty;
        Prices = prices is null ? new Dictionary<HospitalTier, Money>() : prices.ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>手术操作前缀 — the procedure code or prefix.</summary>
    public string ProcedurePrefix { get; }

    /// <summary>名称 — the name.</summary>
    public string Name { get; }

    /// <summary>日间手术价格 — the price per tier.</summary>
    public IReadOnlyDictionary<HospitalTier, Money> Prices { get; }
}

/// <summary>
/// 日间手术政策 — day surgery and day wards (日间手术/日间病房): eligibility by listed procedures (any of the case's
/// procedures) or listed DRG/DIP groups, within a maximum stay; paid by the group or by a day-surgery price.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class DaySurgeryPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="payment">支付方式 — by the group or by a price.</param>
    /// <param name="items">手术目录 — the listed procedures (with prices in the price form).</param>
    /// <param name="groups">病组目录 — listed DRG/DIP group codes (group form only).</param>
    /// <param name="maxStayDays">最长住院天数 — the longest stay that counts as day surgery (default 1; 24–48 hours).</param>
    /// <param name="fundShares">统筹基金支付比例 — the fund share per tier of the price form (missing = 1).</param>
    /// <param name="pointSystem">资金池 — the pool paying price-form money lines, or null for outside every pool.</param>
    /// <param name="rounding">舍入规则 — the fund-amount rounding (default 四舍五入 to the fen).</param>
    public DaySurgeryPolicy(DaySurgeryPayment payment, IReadOnlyList<DaySurgeryItem> items, IReadOnlyList<string>? groups, int maxStayDays = 1,
        IReadOnlyDictionary<HospitalTier, Ratio>? fundShares = null, string? pointSystem = null, RoundingRule? rounding = null)
    {
        Payment = payment;
        Items = (items ?? throw new ArgumentNullException(nameof(items))).ToArray();
        Groups = (groups ?? Array.Empty<string>()).Select(g => (g ?? string.Empty).Trim().ToUpperInvariant()).ToArray();
        MaxStayDays = maxStayDays;
        FundShares = fundShares is null ? new Dictionary<HospitalTier, Ratio>() : fundShares.ToDictionary(p => p.Key, p => p.Value);
        PointSystem = string.IsNullOrWhiteSpace(pointSystem) ? null : pointSystem!.Trim();
        Rounding = rounding ?? RoundingRule.Default;
    }

    /// <summary>支付方式 — by the group or by a price.</summary>
    public DaySurgeryPayment Payment { get; }

    /// <summary>手术目录 — the listed procedures.</summary>
    public IReadOnlyList<DaySurgeryItem> Items { get; }

    /// <summary>病组目录 — the listed group codes.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>最长住院天数 — the longest day-surgery stay.</summary>
    public int MaxStayDays { get; }

    /// <summary>统筹基金支付比例 — the fund share per tier (price form).</summary>
    public IReadOnlyDictionary<HospitalTier, Ratio> FundShares { get; }

    /// <summary>资金池 — the pool of price-form lines, or null.</summary>
    public string? PointSystem { get; }

    /// <summary>舍入规则 — the fund-amount rounding.</summary>
    public RoundingRule Rounding { get; }

    /// <summary>The index of the first listed procedure the case has, or −1.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The index, or −1.</returns>
    public int FindItem(InpatientCase inpatientCase)
    {
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].ProcedurePrefix.Length > 0 && MethodCodes.AnyProcedureStartsWith(inpatientCase, Items[i].ProcedurePrefix))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether a case is a day-surgery case: stay of 1 to <see cref="MaxStayDays"/> days and a listed procedure or group.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <param name="group">The case's DRG/DIP group, or null when not grouped.</param>
    /// <returns>Whether eligible.</returns>
    public bool IsEligible(InpatientCase inpatientCase, string? group)
    {
        if (inpatientCase is null || inpatientCase.LengthOfStayDays < 0 || inpatientCase.LengthOfStayDays > MaxStayDays)
        {
            return false;
        }

        if (FindItem(inpatientCase) >= 0)
        {
            return true;
        }

        if (string.IsNullOrEmpty(group))
        {
            return false;
        }

        foreach (var g in Groups)
        {
            if (string.Equals(g, group, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal IEnumerable<ValidationIssue> Validate(string at)
    {
        if (MaxStayDays is < 0 or > 3)
        {
            yield return ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, at + ".maxStayDays", "日间手术最长住院天数须为0至3天", "maxStayDays is 0 to 3.");
        }

        if (Items.Count == 0 && Groups.Count == 0)
        {
            yield return ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, at + ".procedures", "缺少日间手术目录", "Day surgery lists procedures or groups.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Items.Count; i++)
        {
            var field = at + ".procedures[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            if (Items[i].ProcedurePrefix.Length == 0 || !seen.Add(Items[i].ProcedurePrefix))
            {
                yield return ValidationIssue.Error(MethodIssueCodes.PolicyCodeDuplicated, field + ".code", "手术编码为空或重复", "A listed procedure needs a code of its own.");
            }

            if (Payment == DaySurgeryPayment.Price && (Items[i].Prices.Count == 0 || Items[i].Prices.Values.Any(p => p <= Money.Zero)))
            {
                yield return ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, field + ".price", "按价格支付须有正的价格", "The price form needs a positive price for at least one level.");
            }
        }

        if (Payment == DaySurgeryPayment.Price && Groups.Count > 0)
        {
            yield return ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, at + ".groups", "按价格支付时不能按病组认定", "The price form lists procedures only (a group has no day-surgery price).");
        }

        if (FundShares.Values.Any(s => s.Value < 0m || s.Value > 1m))
        {
            yield return ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, at + ".fundShare", "基金支付比例须在0到1之间", "A fund share is between 0 and 1.");
        }
    }
}

/// <summary>
/// 按项目付费政策 — fee-for-service lines (out-of-region care, special diseases): the case's item-based fund amount ×
/// the fund share, rounded once, paid inside a pool's budget (a point system) or outside every pool.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class FeeForServicePolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="fundShare">支付比例 — the share of the item-based fund amount paid (1 = as billed).</param>
    /// <param name="pointSystem">资金池 — the pool whose budget pays the lines (inside the budget), or null for outside every pool.</param>
    /// <param name="diagnoses">按项目病种 — diagnosis prefixes routed to fee for service; empty for every case that reaches it.</param>
    /// <param name="rounding">舍入规则 — the fund-amount rounding (default 四舍五入 to the fen).</param>
    public FeeForServicePolicy(Ratio fundShare, string? pointSystem = null, IReadOnlyList<string>? diagnoses = null, RoundingRule? rounding = null)
    {
        FundShare = fundShare;
        PointSystem = string.IsNullOrWhiteSpace(pointSystem) ? null : pointSystem!.Trim();
        Diagnoses = (diagnoses ?? Array.Empty<string>()).Select(d => (d ?? string.Empty).Trim().ToUpperInvariant()).Where(d => d.Length > 0).ToArray();
        Rounding = rounding ?? RoundingRule.Default;
    }

    /// <summary>支付比例 — the share.</summary>
    public Ratio FundShare { get; }

    /// <summary>资金池 — the paying point system (inside the budget), or null (outside).</summary>
    public string? PointSystem { get; }

    /// <summary>Whether the lines are paid inside a pool's budget.</summary>
    public bool IsInsideBudget => PointSystem is not null;

    /// <summary>按项目病种 — the diagnosis prefixes; empty for every case.</summary>
    public IReadOnlyList<string> Diagnoses { get; }

    /// <summary>舍入规则 — the rounding.</summary>
    public RoundingRule Rounding { get; }

    /// <summary>Whether fee for service takes the case (a listed diagnosis, or any case when no list).</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>Whether it takes it.</returns>
    public bool Takes(InpatientCase inpatientCase)
    {
        if (Diagnoses.Count == 0)
        {
            return true;
        }

        if (inpatientCase is null || inpatientCase.MainDiagnosis.IsEmpty)
        {
            return false;
        }

        foreach (var d in Diagnoses)
        {
            if (inpatientCase.MainDiagnosis.StartsWith(d))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// 多元复合式支付方式组合 — a region's method mix: the order in which methods are tried for a case (e.g. per diem first,
/// then the single-disease list, then day surgery, then DRG or DIP, else fee for service) and each method's policy.
/// </summary>
/// <remarks>Immutable; thread-safe. Load one from JSON with <see cref="MethodMixPolicyLoader"/>; <see cref="Validate"/> lists every problem.</remarks>
public sealed class MethodMixPolicy
{
    /// <summary>Creates a mix.</summary>
    /// <param name="id">政策编号 — the id.</param>
    /// <param name="version">版本 — the version.</param>
    /// <param name="name">名称 — the name.</param>
    /// <param name="order">适用顺序 — method codes in order (<see cref="SettlementMethods"/>: PER_DIEM, SINGLE_DISEASE, DAY_SURGERY, DRG, DIP, FEE_FOR_SERVICE).</param>
    /// <param name="perDiem">按床日政策 — the per-diem policy, or null.</param>
    /// <param name="singleDisease">单病种目录 — the list, or null.</param>
    /// <param name="daySurgery">日间手术政策 — the policy, or null.</param>
    /// <param name="feeForService">按项目政策 — the policy, or null.</param>
    /// <param name="effectiveFrom">生效日期 — the first discharge date the mix routes, or null (no start).</param>
    /// <param name="effectiveTo">失效日期 — the last discharge date the mix routes, or null (no end).</param>
    public MethodMixPolicy(string id, string version, string name, IReadOnlyList<string> order, PerDiemPolicy? perDiem, SingleDiseaseList? singleDisease,
        DaySurgeryPolicy? daySurgery, FeeForServicePolicy? feeForService, CalendarDate? effectiveFrom = null, CalendarDate? effectiveTo = null)
    {
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        Id = id ?? string.Empty;
        Version = version ?? string.Empty;
        Name = name ?? string.Empty;
        Order = (order ?? throw new ArgumentNullException(nameof(order))).Select(SettlementMethods.Normalize).ToArray();
        PerDiem = perDiem;
        SingleDisease = singleDisease;
        DaySurgery = daySurgery;
        FeeForService = feeForService;
    }

    /// <summary>政策编号 — the id.</summary>
    public string Id { get; }

    /// <summary>版本 — the version.</summary>
    public string Version { get; }

    /// <summary>名称 — the name.</summary>
    public string Name { get; }

    /// <summary>适用顺序 — the method codes in order.</summary>
    public IReadOnlyList<string> Order { get; }

    /// <summary>按床日政策 — the per-diem policy, or null.</summary>
    public PerDiemPolicy? PerDiem { get; }

    /// <summary>单病种目录 — the single-disease list, or null.</summary>
    public SingleDiseaseList? SingleDisease { get; }

    /// <summary>日间手术政策 — the day-surgery policy, or null.</summary>
    public DaySurgeryPolicy? DaySurgery { get; }

    /// <summary>按项目政策 — the fee-for-service policy, or null.</summary>
    public FeeForServicePolicy? FeeForService { get; }

    /// <summary>生效日期 — the first discharge date routed, or null.</summary>
    public CalendarDate? EffectiveFrom { get; }

    /// <summary>失效日期 — the last discharge date routed, or null.</summary>
    public CalendarDate? EffectiveTo { get; }

    /// <summary>是否在有效期内 — whether a case discharged on <paramref name="dischargeDate"/> is routed by this mix (both ends included).</summary>
    /// <param name="dischargeDate">The discharge date.</param>
    /// <returns>True inside the period (or when the mix has none).</returns>
    public bool InForceOn(CalendarDate dischargeDate) =>
        (EffectiveFrom is not { } from || dischargeDate >= from) && (EffectiveTo is not { } to || dischargeDate <= to);

    /// <summary>The grouping method of the mix (DRG or DIP, whichever comes first in the order), or null.</summary>
    public string? GroupingMethod => Order.FirstOrDefault(m => m == SettlementMethods.Drg || m == SettlementMethods.Dip);

    /// <summary>Every problem of the mix (an empty list when usable).</summary>
    /// <returns>The issues, each naming its field.</returns>
    public IReadOnlyList<ValidationIssue> Validate()
    {
        var issues = new List<ValidationIssue>();
        void Order(int i, string code, string zh, string en) =>
            issues.Add(ValidationIssue.Error(code, "order[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", zh, en));

        if (EffectiveFrom is { } start && EffectiveTo is { } end && end < start)
        {
            issues.Add(ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, "effectiveTo", "失效日期早于生效日期", "effectiveTo is before effectiveFrom."));
        }

        if (this.Order.Count == 0)
        {
            issues.Add(ValidationIssue.Error(MethodIssueCodes.PolicyOrderInvalid, "order", "缺少支付方式顺序", "The order lists at least one method."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var catchAll = false;
        for (var i = 0; i < this.Order.Count; i++)
        {
            var m = this.Order[i];
            if (catchAll)
            {
                Order(i, MethodIssueCodes.PolicyUnreachable, "该支付方式排在兜底方式之后，永远不会适用", "The method follows one that takes every case; it is never reached.");
            }

            if (!seen.Add(m))
            {
                Order(i, MethodIssueCodes.PolicyOrderInvalid, "支付方式重复", "The method is listed twice.");
                continue;
            }

            switch (m)
            {
                case SettlementMethods.PerDiem when PerDiem is null:
                case SettlementMethods.SingleDisease when SingleDisease is null:
                case SettlementMethods.DaySurgery when DaySurgery is null:
                    Order(i, MethodIssueCodes.PolicyOrderInvalid, "支付方式缺少对应政策", "The method needs its section (perDiem, singleDisease or daySurgery).");
                    break;
                case SettlementMethods.PerDiem:
                case SettlementMethods.SingleDisease:
                case SettlementMethods.DaySurgery:
                    break;
                case SettlementMethods.Drg:
                case SettlementMethods.Dip:
                    catchAll = true;
                    break;
                case SettlementMethods.FeeForService:
                    catchAll = FeeForService is null || FeeForService.Diagnoses.Count == 0;
                    break;
                default:
                    Order(i, MethodIssueCodes.PolicyOrderInvalid, "未知的支付方式", "A method is PER_DIEM, SINGLE_DISEASE, DAY_SURGERY, DRG, DIP or FEE_FOR_SERVICE.");
                    break;
            }
        }

        if (SingleDisease is not null)
        {
            issues.AddRange(SingleDisease.Validate("singleDisease"));
        }

        if (DaySurgery is not null)
        {
            issues.AddRange(DaySurgery.Validate("daySurgery"));
            var needsGroup = DaySurgery.Payment == DaySurgeryPayment.Group || DaySurgery.Groups.Count > 0;
            if (needsGroup && this.Order.Contains(SettlementMethods.DaySurgery) && GroupingMethod is null)
            {
                issues.Add(ValidationIssue.Error(MethodIssueCodes.PolicyDaySurgeryGrouper, "daySurgery.payment", "按病组支付日间手术须在顺序中包含DRG或DIP", "Day surgery by group needs DRG or DIP in the order."));
            }
        }

        if (FeeForService is not null && (FeeForService.FundShare.Value < 0m || FeeForService.FundShare.Value > 1m))
        {
            issues.Add(ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, "feeForService.fundShare", "基金支付比例须在0到1之间", "A fund share is between 0 and 1."));
        }

        return issues;
    }
}

/// <summary>Code matching shared by the methods.</summary>
internal static class MethodCodes
{
    public static bool AnyProcedureStartsWith(InpatientCase inpatientCase, string prefix)
    {
        if (inpatientCase.MainProcedure.StartsWith(prefix))
        {
            return true;
        }

        var others = inpatientCase.OtherProcedures;
        for (var i = 0; i < others.Count; i++)
        {
            if (others[i].StartsWith(prefix))
            {
                return true;
            }
        }

        return false;
    }
}
