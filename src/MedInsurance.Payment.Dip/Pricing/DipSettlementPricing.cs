using System;
using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// DIP结算定价 — turns a scored case into a method-neutral <see cref="SettlementLine"/>: method <c>DIP</c>, basis = the case
/// score as points in a named point system (点数体系, default <c>DIP</c>), with the hospital, fund, discharge month and
/// costs of the case (payment-rules.md §3 annual payable, §4 "points in a named point system").
/// </summary>
/// <remarks>
/// <para><b>Which cases are priced.</b> Every case the profile gives a score: a <see cref="DipCaseStatus.Scored"/> case,
/// and an <see cref="DipCaseStatus.Unmatched"/> case when the profile's unmatched rule scores it
/// (<see cref="DipUnmatchedRule.CostRatio"/>, e.g. Jining: cost ÷ regional mean × 1000 × 0.7) and the catalog has the
/// regional mean it needs. Of the built-in profiles only <c>jining</c> scores unmatched cases; under
/// <c>national-dip-1.0</c>, <c>national-dip-3.0</c> and <c>guangzhou</c> (<see cref="DipUnmatchedRule.NotScored"/>) an
/// unmatched case gets <see cref="DipIssueCodes.PriceNotScored"/>. A priced case may have a score of zero.</para>
/// <para><b>The line.</b> Line id = case id; hospital, fund = the case's; month = the discharge date's month (1–12; the
/// caller passes the cases of one policy year); total cost = <see cref="CostBreakdown.Total"/>; patient paid =
/// <see cref="CostBreakdown.PatientPaid"/>; item-based fund amount (按项目统筹基金支付) =
/// <see cref="CostBreakdown.FundPaid"/>, except that a zero fund amount on a case with a positive total cost is read as
/// <b>unknown</b> (null: settlement lists without the column read it as 0, and risk sharing must then say it cannot
/// apply rather than compare the payable with zero). Audit deduction zero, special review none: both are the agency's
/// decisions, recorded later (<see cref="SettlementLine.WithAuditDeduction"/>,
/// <see cref="SettlementLine.WithSpecialReview"/>), even for a case the scorer flagged for review
/// (<see cref="DipCaseResult.Review"/>). The case's <see cref="InpatientCase.PaymentMethod"/> tag is not read: the
/// caller decides which cases DIP prices.</para>
/// <para><b>Unpriced cases</b> give no line but coded reasons (<c>DIP_PRICE_*</c> in <see cref="DipIssueCodes"/>, each
/// naming the field; every reason that applies is reported). Messages never contain case values.</para>
/// <para>Immutable, pure and thread-safe: one instance can price cases from many threads. Callable from C# 7.3.</para>
/// </remarks>
public sealed class DipSettlementPricing
{
    /// <summary>默认点数体系 — the default point system, <c>DIP</c>.</summary>
    public const string DefaultPointSystem = SettlementMethods.Dip;

    private static readonly ValidationIssue CaseIdMissing = ValidationIssue.Error(
        DipIssueCodes.PriceCaseIdMissing, "id", "缺少病例编号，无法生成结算行", "The case has no id: no settlement line.");

    private static readonly ValidationIssue HospitalMissing = ValidationIssue.Error(
        DipIssueCodes.PriceHospitalMissing, "hospital_id", "缺少医疗机构编码，无法生成结算行", "The case has no hospital id: no settlement line.");

    private static readonly ValidationIssue DischargeDateMissing = ValidationIssue.Error(
        DipIssueCodes.PriceDischargeDateMissing, "discharge_date", "缺少出院日期，无法确定结算月份", "The case has no discharge date, so no settlement month: no settlement line.");

    private static readonly ValidationIssue CaseRejected = ValidationIssue.Error(
        DipIssueCodes.PriceCaseRejected, "case_score", "病例未通过计分校验，无病例分值，无法生成结算行", "The scorer rejected the case (see its DIP issues): no case score, no settlement line.");

    private static readonly ValidationIssue NotScored = ValidationIssue.Error(
        DipIssueCodes.PriceNotScored, "case_score", "未入组病例按本政策不计分，无法生成结算行", "The case is unmatched and the profile's unmatched rule gives it no score: no settlement line.");

    /// <summary>Creates the pricing for one policy profile and point system.</summary>
    /// <param name="profile">政策方案 — the profile the cases were scored under (its unmatched rule decides whether unmatched cases are priced).</param>
    /// <param name="pointSystem">点数体系 — the point system the lines' points belong to (default <c>DIP</c>); null or blank for "the policy's only one".</param>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public DipSettlementPricing(DipPolicyProfile profile, string? pointSystem = DefaultPointSystem)
    {
        Profile = profile ?? throw new ArgumentNullException(nameof(profile));
        PointSystem = string.IsNullOrWhiteSpace(pointSystem) ? null : pointSystem!.Trim();
    }

    /// <summary>政策方案 — the profile.</summary>
    public DipPolicyProfile Profile { get; }

    /// <summary>点数体系 — the point system of the lines; null for "the policy's only one".</summary>
    public string? PointSystem { get; }

    /// <summary>
    /// 定价 — the settlement line of a scored case, or the coded reasons why it has none.
    /// </summary>
    /// <param name="inpatientCase">病例 — the case.</param>
    /// <param name="result">计分结果 — its DIP result under <see cref="Profile"/>.</param>
    /// <returns>The line, or the issues.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inpatientCase"/> is null.</exception>
    public DipPricingResult Price(InpatientCase inpatientCase, in DipCaseResult result)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        List<ValidationIssue>? issues = null;
        if (string.IsNullOrWhiteSpace(inpatientCase.CaseId))
        {
            (issues ??= new List<ValidationIssue>()).Add(CaseIdMissing);
        }

        if (string.IsNullOrWhiteSpace(inpatientCase.HospitalId))
        {
            (issues ??= new List<ValidationIssue>()).Add(HospitalMissing);
        }

        if (inpatientCase.DischargeDate is null)
        {
            (issues ??= new List<ValidationIssue>()).Add(DischargeDateMissing);
        }

        if (result.Status == DipCaseStatus.Rejected)
        {
            (issues ??= new List<ValidationIssue>()).Add(CaseRejected);
        }
        else if (!HasScore(result))
        {
            (issues ??= new List<ValidationIssue>()).Add(NotScored);
        }

        if (issues is not null)
        {
            return new DipPricingResult(null, issues.AsReadOnly());
        }

        var line = SettlementLine.ForCase(inpatientCase, SettlementMethods.Dip, SettlementBasis.OfPoints(PointSystem, result.CaseScore.Value));
        return new DipPricingResult(line, Array.Empty<ValidationIssue>());
    }

    /// <summary>Whether the profile gives the (not rejected) case a score: scored, or unmatched under a scoring unmatched rule with a regional mean.</summary>
    private bool HasScore(in DipCaseResult result) => result.Status == DipCaseStatus.Scored
        || (result.Status == DipCaseStatus.Unmatched
            && Profile.UnmatchedRule == DipUnmatchedRule.CostRatio
            && (result.Flags & DipCaseFlags.GroupMeanMissing) == 0);
}

/// <summary>
/// DIP定价结果 — the settlement line of a case, or the coded reasons (<c>DIP_PRICE_*</c>) why it has none.
/// </summary>
/// <remarks>An immutable value; thread-safe. The default value has neither a line nor issues.</remarks>
public readonly struct DipPricingResult
{
    private readonly IReadOnlyList<ValidationIssue>? _issues;

    internal DipPricingResult(SettlementLine? line, IReadOnlyList<ValidationIssue> issues)
    {
        Line = line;
        _issues = issues;
    }

    /// <summary>结算行 — the line, or null when the case cannot be priced.</summary>
    public SettlementLine? Line { get; }

    /// <summary>是否已定价 — whether there is a line.</summary>
    public bool IsPriced => Line.HasValue;

    /// <summary>问题 — why there is no line (errors naming the field); empty when priced.</summary>
    public IReadOnlyList<ValidationIssue> Issues => _issues ?? Array.Empty<ValidationIssue>();

    /// <summary>The line, when there is one (the C# 7.3 friendly form of <see cref="Line"/>).</summary>
    /// <param name="line">The line, or the default value.</param>
    /// <returns>Whether there is a line.</returns>
    public bool TryGetLine(out SettlementLine line)
    {
        line = Line.GetValueOrDefault();
        return Line.HasValue;
    }
}
