using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Consortium;

/// <summary>医共体成员 — one member row: the member (a hospital id as in its settlement lines), its consortium, and the
/// share or supplied amount the split may need.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ConsortiumMember
{
    /// <summary>Creates a member.</summary>
    /// <param name="memberId">成员机构编码.</param>
    /// <param name="consortiumId">医共体编码.</param>
    /// <param name="name">名称.</param>
    /// <param name="share">固定分配比例 (for <see cref="ConsortiumSplitMethod.Shares"/>), or null.</param>
    /// <param name="suppliedAmount">给定分配金额 (for <see cref="ConsortiumSplitMethod.Supplied"/>), or null.</param>
    public ConsortiumMember(string memberId, string consortiumId, string name, decimal? share, Money? suppliedAmount)
    {
        MemberId = memberId?.Trim() ?? string.Empty;
        ConsortiumId = consortiumId?.Trim() ?? string.Empty;
        Name = name ?? string.Empty;
        Share = share;
        SuppliedAmount = suppliedAmount;
    }

    /// <summary>成员机构编码.</summary>
    public string MemberId { get; }

    /// <summary>医共体编码.</summary>
    public string ConsortiumId { get; }

    /// <summary>名称.</summary>
    public string Name { get; }

    /// <summary>固定分配比例.</summary>
    public decimal? Share { get; }

    /// <summary>给定分配金额.</summary>
    public Money? SuppliedAmount { get; }
}

/// <summary>医共体外就医 — fund spend of the consortium's insured population at a provider outside it, charged against the package.</summary>
/// <remarks>An immutable value; thread-safe.</remarks>
public readonly struct OutsideClaim
{
    /// <summary>Creates a claim.</summary>
    /// <param name="claimId">结算编号.</param>
    /// <param name="consortiumId">医共体编码 — whose population the patient belongs to.</param>
    /// <param name="year">年.</param>
    /// <param name="month">月.</param>
    /// <param name="fundAmount">统筹基金支付.</param>
    public OutsideClaim(string claimId, string consortiumId, int year, int month, Money fundAmount)
    {
        ClaimId = claimId ?? string.Empty;
        ConsortiumId = consortiumId?.Trim() ?? string.Empty;
        Year = year;
        Month = month;
        FundAmount = fundAmount;
    }

    /// <summary>结算编号.</summary>
    public string ClaimId { get; }

    /// <summary>医共体编码.</summary>
    public string ConsortiumId { get; }

    /// <summary>年.</summary>
    public int Year { get; }

    /// <summary>月.</summary>
    public int Month { get; }

    /// <summary>统筹基金支付.</summary>
    public Money FundAmount { get; }
}

/// <summary>
/// 医共体打包付费年度计算 — streams members' settlement lines and outside claims into sums per member (money, points per
/// point system, patients' share) and per consortium, then settles each package (<see cref="Complete"/>).
/// </summary>
/// <remarks>Sums are exact and order-independent; no line is kept. One instance per run; not thread-safe.</remarks>
public sealed class ConsortiumCalculation
{
    private static readonly ValidationIssue[] NoIssues = [];
    private readonly Dictionary<string, int> _memberIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _packageIndex = new(StringComparer.Ordinal);
    private readonly List<string> _systems = new();

    /// <summary>Starts a year: checks the members (a member in two consortia has every row rejected).</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="members">The member rows, in input order.</param>
    public ConsortiumCalculation(ConsortiumPolicy policy, IEnumerable<ConsortiumMember> members)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        var rows = (members ?? throw new ArgumentNullException(nameof(members))).ToArray();
        for (var p = 0; p < policy.Packages.Count; p++)
        {
            _packageIndex[policy.Packages[p].Id] = p;
        }

        var counts = rows.Where(r => r.MemberId.Length > 0).GroupBy(r => r.MemberId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var outcomes = new List<RowOutcome>();
        var accepted = new List<ConsortiumMember>();
        for (var r = 0; r < rows.Length; r++)
        {
            var m = rows[r];
            var issues = new List<ValidationIssue>();
            if (m.MemberId.Length == 0)
            {
                issues.Add(Error(ConsortiumIssueCodes.FieldInvalid, "member_id", "缺少成员编码", "The member id is required."));
            }
            else if (counts[m.MemberId] > 1)
            {
                issues.Add(Error(ConsortiumIssueCodes.MemberInTwoConsortia, "member_id", "同一成员出现在多个医共体或重复登记", "The member is listed more than once (in two consortia, or twice)."));
            }

            if (!_packageIndex.TryGetValue(m.ConsortiumId, out var package))
            {
                issues.Add(Error(ConsortiumIssueCodes.ConsortiumUnknown, "consortium_id", "医共体不在政策中", "The consortium is not in the policy."));
            }
            else if ((policy.Packages[package].Split == ConsortiumSplitMethod.Shares && m.Share is not >= 0m) || (policy.Packages[package].Split == ConsortiumSplitMethod.Supplied && m.SuppliedAmount is null))
            {
                issues.Add(Error(ConsortiumIssueCodes.SplitValueMissing, policy.Packages[package].Split == ConsortiumSplitMethod.Shares ? "share" : "supplied_amount", "分配方式所需的比例或金额缺失", "The split method needs this value for every member."));
            }

            if (issues.Count > 0)
            {
                outcomes.Add(new RowOutcome(r, m.MemberId, issues));
            }
            else
            {
                _memberIndex[m.MemberId] = accepted.Count;
                accepted.Add(m);
            }
        }

        Members = accepted;
        MemberOutcomes = outcomes;
        MemberMoneyFen = new long[accepted.Count];
        PatientFen = new long[accepted.Count];
        MemberLines = new long[accepted.Count];
        OutsideFen = new long[policy.Packages.Count];
        OutsideCount = new long[policy.Packages.Count];
    }

    /// <summary>The policy.</summary>
    public ConsortiumPolicy Policy { get; }

    /// <summary>Accepted members, in input order.</summary>
    public IReadOnlyList<ConsortiumMember> Members { get; }

    /// <summary>Rejected member rows.</summary>
    public IReadOnlyList<RowOutcome> MemberOutcomes { get; }

    /// <summary>Lines rejected.</summary>
    public long RejectedLines { get; private set; }

    /// <summary>Outside claims rejected.</summary>
    public long RejectedOutside { get; private set; }

    internal long[] MemberMoneyFen { get; }

    internal long[] PatientFen { get; }

    internal long[] MemberLines { get; }

    internal Dictionary<(int Member, int System), decimal> Points { get; } = new();

    internal IReadOnlyList<string> Systems => _systems;

    internal long[] OutsideFen { get; }

    internal long[] OutsideCount { get; }

    /// <summary>Counts a row its reader could not read (reported, not dropped).</summary>
    /// <param name="outside">True for an outside claim, false for a settlement line.</param>
    public void AddUnreadable(bool outside)
    {
        if (outside)
        {
            RejectedOutside++;
        }
        else
        {
            RejectedLines++;
        }
    }

    /// <summary>Adds one member settlement line (paid by the member's own method during the year).</summary>
    /// <param name="line">The line.</param>
    /// <returns>The issues (empty: counted).</returns>
    public IReadOnlyList<ValidationIssue> AddLine(in SettlementLine line)
    {
        if (!_memberIndex.TryGetValue(line.HospitalId, out var member))
        {
            return [ValidationIssue.Warning(ConsortiumIssueCodes.LineNotMember, "hospital_id", "该机构不是已受理的医共体成员，不计入", "The hospital is not an accepted consortium member; the line is not counted.")];
        }

        ValidationIssue? error = null;
        if (line.Month is < 1 or > 12)
        {
            error = Error(ConsortiumIssueCodes.OutsideYear, "month", "月份须在1–12", "The month must be 1–12.");
        }
        else if (line.Basis.Amount.IsNegative || line.Basis.Points < 0m || line.PatientPaid.IsNegative)
        {
            error = Error(ConsortiumIssueCodes.AmountNegative, line.Basis.IsPoints ? "points" : "amount", "金额或点数不能为负", "Amounts and points must not be negative.");
        }
        else if (line.Basis.IsPoints && (line.Basis.PointSystem is null || !Policy.PointValues.ContainsKey(line.Basis.PointSystem)))
        {
            error = Error(ConsortiumIssueCodes.PointSystemUnknown, "point_system", "政策未给出该点数体系的点值", "The policy gives no point value for the line's point system.");
        }

        if (error is not null)
        {
            RejectedLines++;
            return [error];
        }

        MemberLines[member]++;
        if (line.Basis.IsPoints)
        {
            var system = SystemIndex(line.Basis.PointSystem!);
            Points.TryGetValue((member, system), out var sum);
            Points[(member, system)] = sum + line.Basis.Points;
            PatientFen[member] += line.PatientPaid.Fen;
        }
        else
        {
            MemberMoneyFen[member] += line.Basis.Amount.Fen;
        }

        return NoIssues;
    }

    /// <summary>Adds one claim of the consortium's population outside the consortium (charged against the package).</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The issues (empty: counted).</returns>
    public IReadOnlyList<ValidationIssue> AddOutside(in OutsideClaim claim)
    {
        ValidationIssue? error = null;
        if (!_packageIndex.TryGetValue(claim.ConsortiumId, out var package))
        {
            error = Error(ConsortiumIssueCodes.ConsortiumUnknown, "consortium_id", "医共体不在政策中", "The consortium is not in the policy.");
        }
        else if (claim.FundAmount.IsNegative)
        {
            error = Error(ConsortiumIssueCodes.AmountNegative, "fund_amount", "金额不能为负", "The amount must not be negative.");
        }
        else if (claim.Year != Policy.Year || claim.Month is < 1 or > 12)
        {
            error = Error(ConsortiumIssueCodes.OutsideYear, "date", "日期不在政策年度内", "The date is not in the policy year.");
        }

        if (error is not null)
        {
            RejectedOutside++;
            return [error];
        }

        OutsideFen[package] += claim.FundAmount.Fen;
        OutsideCount[package]++;
        return NoIssues;
    }

    /// <summary>Settles every package and splits each result among its members.</summary>
    /// <returns>The result.</returns>
    public ConsortiumResult Complete() => ConsortiumSettlement.Settle(this);

    private int SystemIndex(string system)
    {
        for (var i = 0; i < _systems.Count; i++)
        {
            if (string.Equals(_systems[i], system, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        _systems.Add(system);
        return _systems.Count - 1;
    }

    internal static ValidationIssue Error(string code, string field, string zh, string en) => ValidationIssue.Error(code, field, zh, en);

    internal static string D(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
