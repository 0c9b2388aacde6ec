using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Settlement;

/// <summary>实际月度拨付 — a monthly pre-settlement already made by the agency, used instead of the computed one.</summary>
/// <param name="HospitalId">The hospital id.</param>
/// <param name="Month">The month, 1–12.</param>
/// <param name="PreSettlement">月度预结算 — the pre-settlement amount (after audit deductions, before the deposit).</param>
/// <param name="DepositWithheld">预留质量保证金 — the deposit withheld that month.</param>
public sealed record MonthlyPayment(string HospitalId, int Month, Money PreSettlement, Money DepositWithheld);

/// <summary>
/// 清算单行 — one line of a hospital's statement: a stable code, the Chinese label, the amount or quantity, and
/// the formula (with its numbers) that produced it.
/// </summary>
/// <param name="Code">A stable line code (e.g. <c>annual.payable</c>, <c>month.03</c>).</param>
/// <param name="Label">中文名称 — the Chinese label.</param>
/// <param name="Amount">The money amount, or null for a quantity line.</param>
/// <param name="Quantity">A non-money quantity (points, weight, value, coefficient), or null.</param>
/// <param name="Formula">The formula with the numbers used.</param>
public sealed record StatementLine(string Code, string Label, Money? Amount, decimal? Quantity, string Formula);

/// <summary>
/// 清算单 — one hospital's annual clearing statement: every line with its formula, and the key amounts.
/// </summary>
/// <remarks>Immutable. Total received over the year = <see cref="MonthlyPreSettlements"/> − <see cref="DepositWithheld"/>
/// + <see cref="WorkingAdvance"/> + <see cref="ClearingTransfer"/> = <see cref="AnnualSettled"/> − <see cref="DepositForfeited"/>.</remarks>
public sealed record HospitalStatement
{
    /// <summary>医疗机构 — the hospital.</summary>
    public required Hospital Hospital { get; init; }

    /// <summary>结算行数 — accepted settlement lines.</summary>
    public int LineCount { get; init; }

    /// <summary>特例单议核准行数 — approved special-review lines paid by their approved amount.</summary>
    public int SpecialReviewLines { get; init; }

    /// <summary>年度应付 — annual payable: points valued, money lines, approved special-review lines.</summary>
    public Money AnnualPayable { get; init; }

    /// <summary>按项目基金支付 — what the fund would have paid by item (fee-for-service), over the lines that state it.</summary>
    public Money FeeForService { get; init; }

    /// <summary>是否进行风险分担 — false when lines carried no item-based fund amount: the payable is then paid as computed.</summary>
    public bool RiskSharingApplied { get; init; } = true;

    /// <summary>结余留用 — surplus kept by the hospital.</summary>
    public Money SurplusKept { get; init; }

    /// <summary>结余收回 — surplus not kept (returned to the fund).</summary>
    public Money SurplusReclaimed { get; init; }

    /// <summary>超支分担 — overspend borne by the fund.</summary>
    public Money OverspendShared { get; init; }

    /// <summary>超支自担 — overspend borne by the hospital.</summary>
    public Money OverspendBorne { get; init; }

    /// <summary>风险分担后应付 — payable after risk sharing.</summary>
    public Money AfterRiskSharing { get; init; }

    /// <summary>考核系数 — the assessment coefficient.</summary>
    public Coefficient AssessmentCoefficient { get; init; }

    /// <summary>考核后应付 — payable after the assessment coefficient.</summary>
    public Money AfterAssessment { get; init; }

    /// <summary>扣款 — audit deductions of the year plus annual deductions.</summary>
    public Money Deductions { get; init; }

    /// <summary>年度清算应付 — annual payable × assessment coefficient − deductions.</summary>
    public Money AnnualSettled { get; init; }

    /// <summary>月度预结算合计 — the sum of monthly pre-settlements.</summary>
    public Money MonthlyPreSettlements { get; init; }

    /// <summary>预留质量保证金 — the deposit withheld over the year.</summary>
    public Money DepositWithheld { get; init; }

    /// <summary>预付周转金 — the working advance.</summary>
    public Money WorkingAdvance { get; init; }

    /// <summary>清算应拨 — amount due = annual settled − monthly pre-settlements − working advance.</summary>
    public Money AmountDue { get; init; }

    /// <summary>返还保证金 — deposit released by the assessment score.</summary>
    public Money DepositReleased { get; init; }

    /// <summary>扣留保证金 — deposit forfeited.</summary>
    public Money DepositForfeited { get; init; }

    /// <summary>清算拨付 — the clearing transfer = amount due + deposit released (negative: the hospital refunds).</summary>
    public Money ClearingTransfer { get; init; }

    /// <summary>清算明细 — every line, in order.</summary>
    public IReadOnlyList<StatementLine> Lines { get; init; } = [];
}

/// <summary>资金池结果 — one pool's budget, points, value and payments.</summary>
public sealed record PoolSummary
{
    /// <summary>点数体系 — the pool's point system.</summary>
    public string PointSystem { get; init; } = string.Empty;

    /// <summary>险种 — the pool's fund, or null for all.</summary>
    public InsuranceFund? Fund { get; init; }

    /// <summary>资金池键 — <c>DIP</c>, <c>DIP.employee</c>: the key used in statements and issues.</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>预算 — the budget derivation.</summary>
    public required BudgetDerivation Budget { get; init; }

    /// <summary>特例单议支付 — paid for approved special-review lines (taken from the pool first).</summary>
    public Money SpecialReviewPaid { get; init; }

    /// <summary>金额行支付 — money lines that draw on this pool (taken from the pool first).</summary>
    public Money MoneyLinesPaid { get; init; }

    /// <summary>总点数 — the pool's total points excluding approved special-review lines.</summary>
    public decimal TotalPoints { get; init; }

    /// <summary>结算点值/费率 — the settlement value (floating: of the whole pool; elastic: of the increment).</summary>
    public PointValue Value { get; init; }

    /// <summary>应付合计 — the pool's payable (points valued, plus what it paid first).</summary>
    public Money Payable { get; init; }
}

/// <summary>区域汇总 — the region summary: budget, total points, point value, paid, kept, shared, borne.</summary>
public sealed record RegionSummary
{
    /// <summary>医疗机构数.</summary>
    public int Hospitals { get; init; }

    /// <summary>结算行数 — accepted lines.</summary>
    public int Lines { get; init; }

    /// <summary>拒收行数 — lines rejected with errors (listed in <see cref="ClearingResult.LineIssues"/>).</summary>
    public int RejectedLines { get; init; }

    /// <summary>资金池外金额行 — money lines paid outside every pool budget.</summary>
    public Money OutsidePools { get; init; }

    /// <summary>预算合计.</summary>
    public Money Budget { get; init; }

    /// <summary>年度应付合计.</summary>
    public Money AnnualPayable { get; init; }

    /// <summary>按项目基金支付合计.</summary>
    public Money FeeForService { get; init; }

    /// <summary>结余留用合计.</summary>
    public Money SurplusKept { get; init; }

    /// <summary>结余收回合计.</summary>
    public Money SurplusReclaimed { get; init; }

    /// <summary>超支分担合计.</summary>
    public Money OverspendShared { get; init; }

    /// <summary>超支自担合计.</summary>
    public Money OverspendBorne { get; init; }

    /// <summary>年度清算应付合计.</summary>
    public Money AnnualSettled { get; init; }

    /// <summary>月度预结算合计.</summary>
    public Money MonthlyPreSettlements { get; init; }

    /// <summary>预留保证金合计.</summary>
    public Money DepositWithheld { get; init; }

    /// <summary>返还保证金合计.</summary>
    public Money DepositReleased { get; init; }

    /// <summary>预付周转金合计.</summary>
    public Money WorkingAdvance { get; init; }

    /// <summary>清算拨付合计.</summary>
    public Money ClearingTransfer { get; init; }
}

/// <summary>结算行问题 — an issue of one input line (by its position), of a hospital, or of the region (index −1).</summary>
/// <param name="Index">The 0-based index of the line in the input list, or −1 for a hospital- or region-level issue.</param>
/// <param name="Id">The line id, the hospital id (hospital-level), or empty (region-level).</param>
/// <param name="Issue">The issue.</param>
public sealed record LineIssue(int Index, string Id, ValidationIssue Issue)
{
    /// <summary>The order of issues in a result: by index (region and hospital issues first), id, then code.</summary>
    /// <param name="a">One.</param>
    /// <param name="b">The other.</param>
    /// <returns>The comparison.</returns>
    public static int Compare(LineIssue a, LineIssue b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        var c = a.Index.CompareTo(b.Index);
        c = c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        c = c != 0 ? c : string.CompareOrdinal(a.Issue.Code, b.Issue.Code);
        return c != 0 ? c : string.CompareOrdinal(a.Issue.Field, b.Issue.Field);
    }
}

/// <summary>清算结果 — the statements, pools, region summary and case issues of one clearing run.</summary>
public sealed record ClearingResult
{
    /// <summary>政策 — the policy used.</summary>
    public required SettlementPolicy Policy { get; init; }

    /// <summary>资金池 — per pool.</summary>
    public IReadOnlyList<PoolSummary> Pools { get; init; } = [];

    /// <summary>清算单 — one per hospital, ordered by hospital id (ordinal).</summary>
    public IReadOnlyList<HospitalStatement> Statements { get; init; } = [];

    /// <summary>区域汇总.</summary>
    public required RegionSummary Summary { get; init; }

    /// <summary>特例单议 — per method: the region's lines, the cap and the approvals.</summary>
    public IReadOnlyList<SpecialReviewSummary> SpecialReview { get; init; } = [];

    /// <summary>问题 — region and hospital issues first (index −1), then line issues in input order.</summary>
    public IReadOnlyList<LineIssue> LineIssues { get; init; } = [];
}
