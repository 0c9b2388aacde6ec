using System.Collections.Generic;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Consortium;

/// <summary>医共体成员清算单 — one member: what its own lines paid during the year, its part of the package result, and the year-end adjustment.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ConsortiumMemberStatement
{
    internal ConsortiumMemberStatement(ConsortiumMember member, long lineCount, decimal points, Money linePayments, Money allocated, IReadOnlyList<StatementLine> lines)
    {
        Member = member;
        LineCount = lineCount;
        Points = points;
        LinePayments = linePayments;
        Allocated = allocated;
        Lines = lines;
    }

    /// <summary>成员.</summary>
    public ConsortiumMember Member { get; }

    /// <summary>结算行数.</summary>
    public long LineCount { get; }

    /// <summary>点数合计 (all point systems).</summary>
    public decimal Points { get; }

    /// <summary>年内按结算行支付 — money lines + points × value − patients' share.</summary>
    public Money LinePayments { get; }

    /// <summary>医共体内部分配 — the member's part of the package result (largest remainder).</summary>
    public Money Allocated { get; }

    /// <summary>年终调整 — allocated − line payments (negative: the member refunds).</summary>
    public Money YearEndAdjustment => Allocated - LinePayments;

    /// <summary>清算明细.</summary>
    public IReadOnlyList<StatementLine> Lines { get; }
}

/// <summary>医共体清算单 — one consortium's package year.</summary>
/// <remarks>Σ members' <see cref="ConsortiumMemberStatement.Allocated"/> = <see cref="Result"/> to the fen. Immutable; thread-safe.</remarks>
public sealed class ConsortiumStatement
{
    internal ConsortiumStatement(ConsortiumPackage package, Money target, Money memberPayments, Money outside, long outsideClaims, RiskSharingOutcome riskSharing, Money result, ConsortiumSplitMethod splitUsed, IReadOnlyList<ConsortiumMemberStatement> members, IReadOnlyList<StatementLine> lines)
    {
        Package = package;
        Target = target;
        MemberPayments = memberPayments;
        Outside = outside;
        OutsideClaims = outsideClaims;
        RiskSharing = riskSharing;
        Result = result;
        SplitUsed = splitUsed;
        Members = members;
        Lines = lines;
    }

    /// <summary>医共体打包预算.</summary>
    public ConsortiumPackage Package { get; }

    /// <summary>年度总额控制指标 — round(base × (1 + growth)) + Σ adjustments.</summary>
    public Money Target { get; }

    /// <summary>成员结算行支付合计.</summary>
    public Money MemberPayments { get; }

    /// <summary>医共体外就医支出 (charged against the package).</summary>
    public Money Outside { get; }

    /// <summary>医共体外就医记录数.</summary>
    public long OutsideClaims { get; }

    /// <summary>年度实际支出 = member payments + outside.</summary>
    public Money Spend => MemberPayments + Outside;

    /// <summary>结余留用、合理超支分担 — target as payable, spend as the item-based amount.</summary>
    public RiskSharingOutcome RiskSharing { get; }

    /// <summary>基金支付合计 — after risk sharing.</summary>
    public Money FundPays => RiskSharing.AfterRiskSharing;

    /// <summary>医共体清算结果 — fund pays − outside care: what the members share.</summary>
    public Money Result { get; }

    /// <summary>实际采用的分配方式 (supplied amounts that do not sum fall back to lines).</summary>
    public ConsortiumSplitMethod SplitUsed { get; }

    /// <summary>成员清算单, by member id (ordinal).</summary>
    public IReadOnlyList<ConsortiumMemberStatement> Members { get; }

    /// <summary>清算明细.</summary>
    public IReadOnlyList<StatementLine> Lines { get; }
}

/// <summary>医共体年度结果.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ConsortiumResult
{
    internal ConsortiumResult(ConsortiumPolicy policy, IReadOnlyList<ConsortiumStatement> statements, IReadOnlyList<RowOutcome> memberOutcomes, IReadOnlyList<ValidationIssue> issues, long rejectedLines, long rejectedOutside)
    {
        Policy = policy;
        Statements = statements;
        MemberOutcomes = memberOutcomes;
        Issues = issues;
        RejectedLines = rejectedLines;
        RejectedOutside = rejectedOutside;
    }

    /// <summary>政策.</summary>
    public ConsortiumPolicy Policy { get; }

    /// <summary>医共体清算单, by consortium id (ordinal).</summary>
    public IReadOnlyList<ConsortiumStatement> Statements { get; }

    /// <summary>Rejected member rows.</summary>
    public IReadOnlyList<RowOutcome> MemberOutcomes { get; }

    /// <summary>Consortium-level issues (field = consortium id).</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>Rejected settlement lines.</summary>
    public long RejectedLines { get; }

    /// <summary>Rejected outside claims.</summary>
    public long RejectedOutside { get; }
}
