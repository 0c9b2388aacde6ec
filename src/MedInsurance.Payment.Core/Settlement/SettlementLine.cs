using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 结算行 — one method-neutral settlement line: a case, a bed-day stay, a consortium month, an outpatient period …
/// Every payment method turns its results into these lines; the settlement core clears them in one regional budget
/// without knowing the method (payment-rules.md §4, §5).
/// </summary>
/// <remarks>
/// <para>The <see cref="Basis"/> is either points in a named point system or a money amount. The item-based fund amount
/// (<see cref="FundPaid"/>) is what the fund would have paid by item; risk sharing (结余留用、合理超支分担) compares the
/// payable with it, so it is null when the source does not know it (risk sharing then cannot apply, and says so).</para>
/// <para>An immutable value; thread-safe. Callable from C# 7.3 (constructor, no <c>init</c>).</para>
/// </remarks>
public readonly struct SettlementLine
{
    /// <summary>Creates a line.</summary>
    /// <param name="lineId">结算行编号 — the line id (the case id for a case).</param>
    /// <param name="hospitalId">定点医疗机构（或医共体）编码 — the hospital or consortium id.</param>
    /// <param name="fund">险种 — the fund.</param>
    /// <param name="month">结算月份 — the month of the policy year, 1–12.</param>
    /// <param name="method">支付方式 — the method code (<see cref="SettlementMethods"/>; normalised).</param>
    /// <param name="basis">结算依据 — points in a point system, or money.</param>
    /// <param name="totalCost">医疗总费用 — total cost.</param>
    /// <param name="patientPaid">个人支付 — what the patient paid.</param>
    /// <param name="fundPaid">按项目统筹基金支付 — the item-based fund amount, or null when unknown.</param>
    /// <param name="auditDeduction">审核扣款 — the audit deduction.</param>
    /// <param name="specialReview">特例单议 — the review status decided by the agency.</param>
    /// <param name="approvedAmount">特例单议核准金额 — the approved amount (total, before the patient's share) when approved.</param>
    public SettlementLine(
        string lineId,
        string hospitalId,
        InsuranceFund fund,
        int month,
        string method,
        SettlementBasis basis,
        Money totalCost = default,
        Money patientPaid = default,
        Money? fundPaid = null,
        Money auditDeduction = default,
        SpecialReviewStatus specialReview = SpecialReviewStatus.None,
        Money approvedAmount = default)
    {
        LineId = lineId ?? string.Empty;
        HospitalId = hospitalId ?? string.Empty;
        Fund = fund;
        Month = month;
        Method = SettlementMethods.Normalize(method);
        Basis = basis;
        TotalCost = totalCost;
        PatientPaid = patientPaid;
        FundPaid = fundPaid;
        AuditDeduction = auditDeduction;
        SpecialReview = specialReview;
        ApprovedAmount = approvedAmount;
    }

    /// <summary>结算行编号 — the line id.</summary>
    public string LineId { get; }

    /// <summary>定点医疗机构编码 — the hospital (or consortium) id.</summary>
    public string HospitalId { get; }

    /// <summary>险种 — the fund.</summary>
    public InsuranceFund Fund { get; }

    /// <summary>结算月份 — 1–12.</summary>
    public int Month { get; }

    /// <summary>支付方式 — the method code.</summary>
    public string Method { get; }

    /// <summary>结算依据 — points or money.</summary>
    public SettlementBasis Basis { get; }

    /// <summary>医疗总费用 — total cost.</summary>
    public Money TotalCost { get; }

    /// <summary>个人支付 — patient paid.</summary>
    public Money PatientPaid { get; }

    /// <summary>按项目统筹基金支付 — the item-based fund amount, or null when the source does not know it.</summary>
    public Money? FundPaid { get; }

    /// <summary>审核扣款 — audit deduction.</summary>
    public Money AuditDeduction { get; }

    /// <summary>特例单议 — review status.</summary>
    public SpecialReviewStatus SpecialReview { get; }

    /// <summary>特例单议核准金额 — the approved amount when approved.</summary>
    public Money ApprovedAmount { get; }

    /// <summary>
    /// 病例结算行 — the line of one inpatient case priced by a method: the case id, hospital, fund, discharge month and
    /// costs of the settlement list, with the method's basis. The one place every case-based method maps a case.
    /// </summary>
    /// <param name="inpatientCase">The case; it must have a discharge date (the month of the line).</param>
    /// <param name="method">The method code.</param>
    /// <param name="basis">The method's points or money for the case.</param>
    /// <returns>The line; the item-based fund amount is <see cref="ItemBasedFundAmount"/> of the case's costs.</returns>
    /// <exception cref="System.ArgumentException">When the case has no discharge date (a method reports that as a coded reason before pricing).</exception>
    public static SettlementLine ForCase(InpatientCase inpatientCase, string method, SettlementBasis basis)
    {
        if (inpatientCase is null)
        {
            throw new System.ArgumentNullException(nameof(inpatientCase));
        }

        var discharged = inpatientCase.DischargeDate ?? throw new System.ArgumentException("The case has no discharge date.", nameof(inpatientCase));
        var costs = inpatientCase.Costs;
        return new SettlementLine(inpatientCase.CaseId, inpatientCase.HospitalId, inpatientCase.Fund, discharged.Month, method, basis, costs.Total, costs.PatientPaid, ItemBasedFundAmount(costs));
    }

    /// <summary>
    /// 按项目统筹基金支付 — a case's item-based fund amount, or null (unknown) when it is zero on a case with a positive
    /// total cost: the settlement list leaves it blank more often than a fund really pays nothing, and an unknown amount
    /// makes risk sharing say it cannot apply instead of counting a false surplus.
    /// </summary>
    /// <param name="costs">The case's costs.</param>
    /// <returns>The amount, or null.</returns>
    public static Money? ItemBasedFundAmount(CostBreakdown costs) =>
        costs is null || (costs.FundPaid.IsZero && costs.Total > Money.Zero) ? null : costs.FundPaid;

    /// <summary>The same line with another special-review decision (the agency's decision recorded after pricing).</summary>
    /// <param name="status">The status.</param>
    /// <param name="approvedAmount">The approved amount.</param>
    /// <returns>A new line.</returns>
    public SettlementLine WithSpecialReview(SpecialReviewStatus status, Money approvedAmount) =>
        new(LineId, HospitalId, Fund, Month, Method, Basis, TotalCost, PatientPaid, FundPaid, AuditDeduction, status, approvedAmount);

    /// <summary>The same line with another audit deduction.</summary>
    /// <param name="auditDeduction">The deduction.</param>
    /// <returns>A new line.</returns>
    public SettlementLine WithAuditDeduction(Money auditDeduction) =>
        new(LineId, HospitalId, Fund, Month, Method, Basis, TotalCost, PatientPaid, FundPaid, auditDeduction, SpecialReview, ApprovedAmount);
}
