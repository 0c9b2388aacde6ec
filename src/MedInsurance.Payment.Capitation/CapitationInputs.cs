using System;
using System.Collections.Generic;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Capitation;

/// <summary>
/// 参保人员名册行 — one enrolment of a person at a primary-care institution (基层医疗机构) for a run of months of the
/// policy year. A person who moves has one row per institution.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class RosterEntry
{
    /// <summary>Creates a row.</summary>
    /// <param name="personId">人员编号 — the person id.</param>
    /// <param name="classCode">人群类别 — a class code of the policy.</param>
    /// <param name="institutionId">基层医疗机构编码 — the institution.</param>
    /// <param name="fromMonth">起始月 — first enrolled month, 1–12.</param>
    /// <param name="toMonth">截止月 — last enrolled month, 1–12, not before <paramref name="fromMonth"/>.</param>
    /// <param name="signed">是否签约 — signed with a family-doctor team (家庭医生签约).</param>
    public RosterEntry(string personId, string classCode, string institutionId, int fromMonth, int toMonth, bool signed)
    {
        PersonId = personId?.Trim() ?? string.Empty;
        ClassCode = classCode?.Trim() ?? string.Empty;
        InstitutionId = institutionId?.Trim() ?? string.Empty;
        FromMonth = fromMonth;
        ToMonth = toMonth;
        Signed = signed;
    }

    /// <summary>人员编号.</summary>
    public string PersonId { get; }

    /// <summary>人群类别.</summary>
    public string ClassCode { get; }

    /// <summary>基层医疗机构编码.</summary>
    public string InstitutionId { get; }

    /// <summary>起始月.</summary>
    public int FromMonth { get; }

    /// <summary>截止月.</summary>
    public int ToMonth { get; }

    /// <summary>是否签约.</summary>
    public bool Signed { get; }

    /// <summary>登记月数 — months enrolled (0 when the months are invalid).</summary>
    public int Months => FromMonth is >= 1 and <= 12 && ToMonth >= FromMonth && ToMonth <= 12 ? ToMonth - FromMonth + 1 : 0;
}

/// <summary>
/// 门诊结算记录 — one outpatient claim (门诊就诊结算): the person, the institution, the date, the fund amount by item
/// (统筹基金支付), and whether it is a referral upward (转诊) with its target.
/// </summary>
/// <remarks>
/// A referral row is written by the referring institution (the person's enrolled institution): <see cref="InstitutionId"/>
/// refers, <see cref="ReferralTarget"/> is the upper hospital, <see cref="FundAmount"/> the fund amount of the referred care.
/// An immutable value; thread-safe.
/// </remarks>
public readonly struct OutpatientClaim
{
    /// <summary>Creates a claim.</summary>
    /// <param name="claimId">结算编号.</param>
    /// <param name="personId">人员编号.</param>
    /// <param name="institutionId">就诊（或转出）机构编码.</param>
    /// <param name="year">就诊年.</param>
    /// <param name="month">就诊月, 1–12.</param>
    /// <param name="fundAmount">统筹基金支付 — by item.</param>
    /// <param name="referral">是否转诊.</param>
    /// <param name="referralTarget">转诊目标机构 — required for a referral.</param>
    public OutpatientClaim(string claimId, string personId, string institutionId, int year, int month, Money fundAmount, bool referral, string? referralTarget)
    {
        ClaimId = claimId ?? string.Empty;
        PersonId = personId ?? string.Empty;
        InstitutionId = institutionId ?? string.Empty;
        Year = year;
        Month = month;
        FundAmount = fundAmount;
        Referral = referral;
        ReferralTarget = referralTarget ?? string.Empty;
    }

    /// <summary>结算编号.</summary>
    public string ClaimId { get; }

    /// <summary>人员编号.</summary>
    public string PersonId { get; }

    /// <summary>就诊（或转出）机构编码.</summary>
    public string InstitutionId { get; }

    /// <summary>就诊年.</summary>
    public int Year { get; }

    /// <summary>就诊月.</summary>
    public int Month { get; }

    /// <summary>统筹基金支付.</summary>
    public Money FundAmount { get; }

    /// <summary>是否转诊.</summary>
    public bool Referral { get; }

    /// <summary>转诊目标机构 (empty when none).</summary>
    public string ReferralTarget { get; }
}

/// <summary>行结果 — whether one input row (roster, claim, member, line) was accepted, with its coded issues.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class RowOutcome
{
    /// <summary>Creates an outcome.</summary>
    /// <param name="index">The 0-based index of the row in its input (file row − 1).</param>
    /// <param name="id">The row's id (person id, claim id, member id).</param>
    /// <param name="issues">The issues.</param>
    public RowOutcome(int index, string id, IReadOnlyList<ValidationIssue> issues)
    {
        Index = index;
        Id = id ?? string.Empty;
        Issues = issues ?? throw new ArgumentNullException(nameof(issues));
        var rejected = false;
        foreach (var issue in Issues)
        {
            rejected |= issue.IsError;
        }

        Rejected = rejected;
    }

    /// <summary>The 0-based index of the row in its input.</summary>
    public int Index { get; }

    /// <summary>The row's id.</summary>
    public string Id { get; }

    /// <summary>问题.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>Whether the row is rejected (has an error).</summary>
    public bool Rejected { get; }
}
