using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 结算病例行 — one settled inpatient case as any payment layer (DRG grouper, DIP scoring, per-diem) can produce
/// it: ids, fund, discharge month, payment method, payment units and the money of the case.
/// </summary>
/// <remarks>
/// <para>The payment units are <see cref="Weight"/> for <see cref="PaymentMethod.Drg"/> cases (RW before the
/// hospital's adjustment coefficient) and <see cref="Score"/> for <see cref="PaymentMethod.Dip"/> and
/// <see cref="PaymentMethod.PerDiem"/> cases (the final case score or bed-day points). Amounts are exact to the fen.</para>
/// <para>A small immutable value; thread-safe. Read from CSV with <see cref="SettlementCsv.ReadCases(System.IO.TextReader)"/>.</para>
/// </remarks>
public readonly struct SettledCase
{
    /// <summary>病例编号 — the case id (settlement list number).</summary>
    public string CaseId { get; init; }

    /// <summary>定点医疗机构代码 — the hospital id.</summary>
    public string HospitalId { get; init; }

    /// <summary>险种 — 职工 or 居民 fund.</summary>
    public InsuranceFund Fund { get; init; }

    /// <summary>出院月份 — the discharge month, 1–12, of the policy year.</summary>
    public int Month { get; init; }

    /// <summary>支付方式 — DRG, DIP or per-diem.</summary>
    public PaymentMethod Method { get; init; }

    /// <summary>权重 (RW) — the DRG relative weight of the case's group (DRG cases).</summary>
    public RelativeWeight Weight { get; init; }

    /// <summary>病例分值 — the DIP case score or bed-day points (DIP and per-diem cases).</summary>
    public Score Score { get; init; }

    /// <summary>医疗总费用 — the total cost of the stay.</summary>
    public Money TotalCost { get; init; }

    /// <summary>个人支付 — what the patient paid (deductible, co-payment, self-paid items).</summary>
    public Money PatientPaid { get; init; }

    /// <summary>按项目统筹基金支付 — what the fund would pay under fee-for-service (the item-based fund amount).</summary>
    public Money FundPaid { get; init; }

    /// <summary>审核扣款 — the audit deduction on this case.</summary>
    public Money AuditDeduction { get; init; }

    /// <summary>特例单议 — the special-review status.</summary>
    public SpecialReviewStatus SpecialReview { get; init; }

    /// <summary>特例单议核准金额 — the approved amount paid by item (total, before the patient's share), when approved.</summary>
    public Money ApprovedItemAmount { get; init; }

    /// <summary>The payment units of this case under its method: <see cref="Weight"/> for DRG, <see cref="Score"/> otherwise.</summary>
    public decimal Units => Method == PaymentMethod.Drg ? Weight.Value : Score.Value;
}
