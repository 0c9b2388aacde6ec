using System;
using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Methods;

/// <summary>
/// 支付方式定价结果 — a small method's price of one case: the settlement line when priced, the standard (price) and the
/// fund amount, or the coded issues (each naming its field) that kept it from a line.
/// </summary>
/// <remarks>An immutable value; thread-safe.</remarks>
public readonly struct MethodLineResult
{
    private static readonly IReadOnlyList<ValidationIssue> NoIssues = Array.Empty<ValidationIssue>();
    private readonly IReadOnlyList<ValidationIssue>? _issues;

    /// <summary>Creates a result.</summary>
    /// <param name="line">结算行 — the line, or null when not priced.</param>
    /// <param name="item">目录编码 — the single-disease entry or day-surgery procedure used, or empty.</param>
    /// <param name="standard">支付标准 — the price (or the item-based fund amount for fee for service).</param>
    /// <param name="fundAmount">基金支付 — the fund amount of a money line.</param>
    /// <param name="issues">问题 — the issues.</param>
    public MethodLineResult(SettlementLine? line, string item, Money standard, Money fundAmount, IReadOnlyList<ValidationIssue>? issues)
    {
        Line = line;
        Item = item ?? string.Empty;
        Standard = standard;
        FundAmount = fundAmount;
        _issues = issues;
    }

    /// <summary>结算行 — the line, or null when not priced.</summary>
    public SettlementLine? Line { get; }

    /// <summary>Whether the case was priced into a line.</summary>
    public bool IsPriced => Line.HasValue;

    /// <summary>目录编码 — the entry or procedure used.</summary>
    public string Item { get; }

    /// <summary>支付标准 — the price.</summary>
    public Money Standard { get; }

    /// <summary>基金支付 — the fund amount.</summary>
    public Money FundAmount { get; }

    /// <summary>问题 — the issues (none when priced cleanly).</summary>
    public IReadOnlyList<ValidationIssue> Issues => _issues ?? NoIssues;

    internal static MethodLineResult Unpriced(string item, params ValidationIssue[] issues) => new(null, item, Money.Zero, Money.Zero, issues);
}

/// <summary>
/// 小支付方式定价 — prices the cases a <see cref="MethodRouter"/> sent to the single-disease list, day surgery and fee
/// for service into money settlement lines: fund amount = price (or item-based fund amount) × fund share, rounded once by
/// the method's rounding rule; paid from the method's pool, or outside every pool. Day surgery paid by the group takes
/// the DRG/DIP line the caller priced and relabels it <see cref="SettlementMethods.DaySurgery"/>.
/// </summary>
/// <remarks>Pure and thread-safe. Data never throws: a case that cannot be priced carries coded issues.</remarks>
public sealed class MethodPricing
{
    private static readonly FeeForServicePolicy AsBilled = new(new Ratio(1m));

    /// <summary>Creates the pricing of a mix.</summary>
    /// <param name="policy">The mix.</param>
    public MethodPricing(MethodMixPolicy policy) => Policy = policy ?? throw new ArgumentNullException(nameof(policy));

    /// <summary>The mix.</summary>
    public MethodMixPolicy Policy { get; }

    /// <summary>按单病种定价 — the single-disease line of a case: price of the entry at the hospital's level × fund share.</summary>
    /// <param name="methodCase">The case.</param>
    /// <returns>The result; a case off the list carries <see cref="MethodIssueCodes.SingleDiseaseNotListed"/> (or <see cref="MethodIssueCodes.SingleDiseaseNoPrice"/>).</returns>
    public MethodLineResult PriceSingleDisease(in MethodCase methodCase)
    {
        var list = Policy.SingleDisease;
        var c = methodCase.Case;
        var index = list?.Find(c) ?? -1;
        if (list is null || index < 0)
        {
            return MethodLineResult.Unpriced(string.Empty, ValidationIssue.Error(MethodIssueCodes.SingleDiseaseNotListed, "diagnoses[0]", "不在单病种目录", "The case is on no single-disease list entry."));
        }

        var entry = list.Entries[index];
        if (Check(methodCase) is { } bad)
        {
            return MethodLineResult.Unpriced(entry.Code, bad);
        }

        var tier = methodCase.Hospital.Level.Tier;
        if (!entry.Prices.TryGetValue(tier, out var price))
        {
            return MethodLineResult.Unpriced(entry.Code, ValidationIssue.Error(MethodIssueCodes.SingleDiseaseNoPrice, "hospital_id", "该病种无本级别医院价格", "The entry has no price for the hospital's level."));
        }

        return MoneyLine(c, SettlementMethods.SingleDisease, entry.Code, price, Share(entry.FundShares, tier), list.Rounding, list.PointSystem);
    }

    /// <summary>日间手术按价格定价 — the day-surgery line of a case in the price form: the procedure's price at the level × fund share.</summary>
    /// <param name="methodCase">The case.</param>
    /// <returns>The result.</returns>
    public MethodLineResult PriceDaySurgery(in MethodCase methodCase)
    {
        var policy = Policy.DaySurgery;
        var c = methodCase.Case;
        var index = policy?.FindItem(c) ?? -1;
        if (policy is null || index < 0)
        {
            return MethodLineResult.Unpriced(string.Empty, ValidationIssue.Error(MethodIssueCodes.DaySurgeryNotEligible, "procedures[0]", "无日间手术目录内手术", "The case has no listed day-surgery procedure."));
        }

        var item = policy.Items[index];
        if (Check(methodCase) is { } bad)
        {
            return MethodLineResult.Unpriced(item.ProcedurePrefix, bad);
        }

        var tier = methodCase.Hospital.Level.Tier;
        if (!item.Prices.TryGetValue(tier, out var price))
        {
            return MethodLineResult.Unpriced(item.ProcedurePrefix, ValidationIssue.Error(MethodIssueCodes.DaySurgeryNoPrice, "procedures[0]", "日间手术无本级别医院价格", "The procedure has no day-surgery price for the hospital's level."));
        }

        return MoneyLine(c, SettlementMethods.DaySurgery, item.ProcedurePrefix, price, Share(policy.FundShares, tier), policy.Rounding, policy.PointSystem);
    }

    /// <summary>日间手术按病组支付 — the DRG/DIP line of a day-surgery case relabelled <see cref="SettlementMethods.DaySurgery"/> (same basis, costs and pool).</summary>
    /// <param name="groupLine">The case's DRG or DIP line, or null when the group pricing gave none.</param>
    /// <returns>The result.</returns>
    public static MethodLineResult RelabelDaySurgery(SettlementLine? groupLine)
    {
        if (groupLine is not { } l)
        {
            return MethodLineResult.Unpriced(string.Empty, ValidationIssue.Error(MethodIssueCodes.GroupLineMissing, "drg", "病组结算行不可用", "The case's DRG/DIP line was not priced."));
        }

        var line = new SettlementLine(l.LineId, l.HospitalId, l.Fund, l.Month, SettlementMethods.DaySurgery, l.Basis, l.TotalCost, l.PatientPaid, l.FundPaid, l.AuditDeduction, l.SpecialReview, l.ApprovedAmount);
        return new MethodLineResult(line, string.Empty, l.Basis.Amount, l.Basis.Amount, null);
    }

    /// <summary>按项目定价 — the fee-for-service line of a case: the item-based fund amount × the share, rounded once; inside or outside the budget as the policy says.</summary>
    /// <param name="methodCase">The case.</param>
    /// <returns>The result; a case whose item-based fund amount is unknown carries <see cref="MethodIssueCodes.FundPaidUnknown"/>.</returns>
    public MethodLineResult PriceFeeForService(in MethodCase methodCase)
    {
        var policy = Policy.FeeForService ?? AsBilled;
        var c = methodCase.Case;
        if (Check(methodCase) is { } bad)
        {
            return MethodLineResult.Unpriced(string.Empty, bad);
        }

        if (SettlementLine.ItemBasedFundAmount(c.Costs) is not { } billed)
        {
            return MethodLineResult.Unpriced(string.Empty, ValidationIssue.Error(MethodIssueCodes.FundPaidUnknown, "fund_paid", "缺少按项目统筹基金支付金额", "Fee for service needs the item-based fund amount."));
        }

        return MoneyLine(c, SettlementMethods.FeeForService, string.Empty, billed, policy.FundShare, policy.Rounding, policy.PointSystem);
    }

    private static MethodLineResult MoneyLine(InpatientCase c, string method, string item, Money standard, Ratio share, RoundingRule rounding, string? pointSystem)
    {
        var fund = share.Of(standard).Round(rounding);
        var line = SettlementLine.ForCase(c, method, SettlementBasis.OfMoney(fund, pointSystem));
        return new MethodLineResult(line, item, standard, fund, null);
    }

    private static Ratio Share(IReadOnlyDictionary<HospitalTier, Ratio> shares, HospitalTier tier) => shares.TryGetValue(tier, out var s) ? s : new Ratio(1m);

    /// <summary>The data checks every money line needs: a known hospital, a discharge date, no negative cost.</summary>
    private static ValidationIssue? Check(in MethodCase methodCase)
    {
        var c = methodCase.Case;
        if (!methodCase.Hospital.IsKnown)
        {
            return ValidationIssue.Error(MethodIssueCodes.HospitalUnknown, "hospital_id", "医疗机构不在机构清单中", "The hospital is not in the hospital list.");
        }

        if (c.DischargeDate is null)
        {
            return ValidationIssue.Error(MethodIssueCodes.DischargeDateMissing, "discharge_date", "缺少出院日期", "The case has no discharge date (no settlement month).");
        }

        var costs = c.Costs;
        if (costs.Total.IsNegative || costs.PatientPaid.IsNegative || costs.FundPaid.IsNegative)
        {
            return ValidationIssue.Error(MethodIssueCodes.CostNegative, costs.Total.IsNegative ? "total_cost" : costs.PatientPaid.IsNegative ? "patient_paid" : "fund_paid", "费用为负", "A cost is negative.");
        }

        return null;
    }
}
