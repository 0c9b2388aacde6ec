using System;
using System.Collections.Generic;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Capitation;

/// <summary>
/// 按人头付费清算单 — one institution's capitation year: heads, budget, referral charges, spend, risk sharing,
/// assessment, monthly advances, deposit and the clearing transfer, with every statement line and its formula.
/// </summary>
/// <remarks>
/// Fund pays for the institution's persons = <see cref="FundPays"/> (after risk sharing); of it the referral charges go
/// to the referred care and the institution's amount is <see cref="InstitutionAmount"/>. Over the year the institution
/// receives Σ(pre-settlement − deposit) + working advance + transfer = <see cref="AssessmentOutcome.Settled"/> −
/// forfeited deposit. Immutable; thread-safe.
/// </remarks>
public sealed class CapitationStatement
{
    internal CapitationStatement(
        string institutionId,
        string name,
        int persons,
        IReadOnlyList<long> personMonthsByClass,
        Money budget,
        long referrals,
        Money referralCharges,
        Money referredFundAmount,
        Money insideSpend,
        Money elsewhereSpend,
        RiskSharingOutcome riskSharing,
        AssessmentOutcome assessment,
        IReadOnlyList<MonthAmounts> months,
        Money workingAdvance,
        ClearingTransferOutcome transfer,
        IReadOnlyList<StatementLine> lines)
    {
        InstitutionId = institutionId;
        Name = name;
        Persons = persons;
        PersonMonthsByClass = personMonthsByClass;
        Budget = budget;
        Referrals = referrals;
        ReferralCharges = referralCharges;
        ReferredFundAmount = referredFundAmount;
        InsideSpend = insideSpend;
        ElsewhereSpend = elsewhereSpend;
        RiskSharing = riskSharing;
        Assessment = assessment;
        Months = months;
        WorkingAdvance = workingAdvance;
        Transfer = transfer;
        Lines = lines;
        var pre = Money.Zero;
        var deposit = Money.Zero;
        foreach (var m in months)
        {
            pre += m.PreSettlement;
            deposit += m.DepositWithheld;
        }

        MonthlyPreSettlements = pre;
        DepositWithheld = deposit;
    }

    /// <summary>基层医疗机构编码.</summary>
    public string InstitutionId { get; }

    /// <summary>机构名称 (from the institutions file; empty when not listed).</summary>
    public string Name { get; }

    /// <summary>人数 — distinct persons counted.</summary>
    public int Persons { get; }

    /// <summary>人月数 — person-months per policy class, in the policy's class order.</summary>
    public IReadOnlyList<long> PersonMonthsByClass { get; }

    /// <summary>人头预算 — Σ standard × person-months ÷ 12 (the region's total distributed by largest remainder).</summary>
    public Money Budget { get; }

    /// <summary>转诊人次.</summary>
    public long Referrals { get; }

    /// <summary>转诊费用 — charged to the institution.</summary>
    public Money ReferralCharges { get; }

    /// <summary>转诊基金支付 — the fund amount of the referred care (informational).</summary>
    public Money ReferredFundAmount { get; }

    /// <summary>机构内门诊支出 — fund amount of care at the institution.</summary>
    public Money InsideSpend { get; }

    /// <summary>未经转诊在外就诊支出 — fund amount of care elsewhere without a referral.</summary>
    public Money ElsewhereSpend { get; }

    /// <summary>年度实际支出 — inside + elsewhere + referral charges, compared with the budget.</summary>
    public Money Spend => InsideSpend + ElsewhereSpend + ReferralCharges;

    /// <summary>结余留用、合理超支分担 — the outcome of <see cref="Settlement.RiskSharing.Apply"/> with the budget as payable.</summary>
    public RiskSharingOutcome RiskSharing { get; }

    /// <summary>基金支付合计 — after risk sharing (§4: 1 040 000 for budget 1 000 000 and spend 1 080 000).</summary>
    public Money FundPays => RiskSharing.AfterRiskSharing;

    /// <summary>机构应得 — fund pays − referral charges.</summary>
    public Money InstitutionAmount => FundPays - ReferralCharges;

    /// <summary>考核与扣款 — on the institution's amount.</summary>
    public AssessmentOutcome Assessment { get; }

    /// <summary>按月预付 — 12 months: month budget − the month's referral charges, by the advance terms.</summary>
    public IReadOnlyList<MonthAmounts> Months { get; }

    /// <summary>月度预付合计.</summary>
    public Money MonthlyPreSettlements { get; }

    /// <summary>预留质量保证金合计.</summary>
    public Money DepositWithheld { get; }

    /// <summary>预付周转金.</summary>
    public Money WorkingAdvance { get; }

    /// <summary>年终清拨 — amount due, deposit released and forfeited, transfer.</summary>
    public ClearingTransferOutcome Transfer { get; }

    /// <summary>清算明细 — every line with its formula, in order.</summary>
    public IReadOnlyList<StatementLine> Lines { get; }
}

/// <summary>按人头付费区域汇总 — the region's totals.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class CapitationSummary
{
    internal CapitationSummary(int institutions, int persons, int rosterRows, int rosterRejected, long claims, long claimsRejected, long claimsUncounted, Money budget, Money referralCharges, Money spend, Money fundPays, Money kept, Money reclaimed, Money shared, Money borne, Money settled, Money transfer)
    {
        Institutions = institutions;
        Persons = persons;
        RosterRows = rosterRows;
        RosterRejected = rosterRejected;
        Claims = claims;
        ClaimsRejected = claimsRejected;
        ClaimsUncounted = claimsUncounted;
        Budget = budget;
        ReferralCharges = referralCharges;
        Spend = spend;
        FundPays = fundPays;
        SurplusKept = kept;
        SurplusReclaimed = reclaimed;
        OverspendShared = shared;
        OverspendBorne = borne;
        AnnualSettled = settled;
        ClearingTransfer = transfer;
    }

    /// <summary>机构数.</summary>
    public int Institutions { get; }

    /// <summary>人数 — persons with an accepted roster row.</summary>
    public int Persons { get; }

    /// <summary>名册行数.</summary>
    public int RosterRows { get; }

    /// <summary>拒收名册行数.</summary>
    public int RosterRejected { get; }

    /// <summary>门诊结算记录数.</summary>
    public long Claims { get; }

    /// <summary>拒收记录数.</summary>
    public long ClaimsRejected { get; }

    /// <summary>未签约不计入的记录数 (signed basis).</summary>
    public long ClaimsUncounted { get; }

    /// <summary>人头预算合计 = round(Σ standard × person-months ÷ 12).</summary>
    public Money Budget { get; }

    /// <summary>转诊费用合计.</summary>
    public Money ReferralCharges { get; }

    /// <summary>实际支出合计.</summary>
    public Money Spend { get; }

    /// <summary>基金支付合计.</summary>
    public Money FundPays { get; }

    /// <summary>结余留用合计.</summary>
    public Money SurplusKept { get; }

    /// <summary>结余收回合计.</summary>
    public Money SurplusReclaimed { get; }

    /// <summary>超支分担（基金）合计.</summary>
    public Money OverspendShared { get; }

    /// <summary>超支自担（机构）合计.</summary>
    public Money OverspendBorne { get; }

    /// <summary>年度清算应付合计.</summary>
    public Money AnnualSettled { get; }

    /// <summary>清算拨付合计.</summary>
    public Money ClearingTransfer { get; }
}

/// <summary>按人头付费年度结果 — statements, summary, settlement lines and the issues of the roster and the institutions.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class CapitationResult
{
    internal CapitationResult(CapitationPolicy policy, IReadOnlyList<CapitationStatement> statements, CapitationSummary summary, IReadOnlyList<SettlementLine> lines, IReadOnlyList<RowOutcome> rosterOutcomes, IReadOnlyList<ValidationIssue> institutionIssues)
    {
        Policy = policy;
        Statements = statements;
        Summary = summary;
        SettlementLines = lines;
        RosterOutcomes = rosterOutcomes;
        InstitutionIssues = institutionIssues;
    }

    /// <summary>政策.</summary>
    public CapitationPolicy Policy { get; }

    /// <summary>清算单 — one per institution, by id (ordinal).</summary>
    public IReadOnlyList<CapitationStatement> Statements { get; }

    /// <summary>区域汇总.</summary>
    public CapitationSummary Summary { get; }

    /// <summary>
    /// 结算行 — one CAPITATION line per institution × fund × month for <c>settle year</c> where the policy clears
    /// capitation inside the regional budget: amount = the month's share of (budget − referral charges), fund_paid = the
    /// month's inside and elsewhere spend (money, or points = amount ÷ the conversion value).
    /// </summary>
    public IReadOnlyList<SettlementLine> SettlementLines { get; }

    /// <summary>Roster rows with issues.</summary>
    public IReadOnlyList<RowOutcome> RosterOutcomes { get; }

    /// <summary>Institution-level issues (warnings), each naming the institution in its field.</summary>
    public IReadOnlyList<ValidationIssue> InstitutionIssues { get; }

    /// <summary>Finds an institution's statement.</summary>
    /// <param name="institutionId">The id.</param>
    /// <returns>The statement, or null.</returns>
    public CapitationStatement? Find(string institutionId)
    {
        foreach (var s in Statements)
        {
            if (string.Equals(s.InstitutionId, institutionId, StringComparison.Ordinal))
            {
                return s;
            }
        }

        return null;
    }
}
