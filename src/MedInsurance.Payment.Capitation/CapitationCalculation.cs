using System;
using System.Collections.Generic;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Capitation;

/// <summary>
/// 按人头付费年度计算 — streams a year of outpatient claims over a <see cref="CapitationRoster"/>: each claim is checked
/// and summed into integer cells per institution × fund × month (inside spend, care elsewhere, referrals, referral
/// charges); no claim is kept. <see cref="Complete"/> prices the year (<see cref="CapitationSettlement"/>).
/// </summary>
/// <remarks>
/// Sums of fen are exact and commutative, so the result does not depend on claim order. Memory is bounded by the
/// roster and the institutions, not the claims. One instance accumulates one run and is not thread-safe; the policy and
/// roster it reads are, so independent runs may proceed in parallel.
/// </remarks>
public sealed class CapitationCalculation
{
    internal const int Funds = 3;

    private static readonly ValidationIssue[] NoIssues = [];
    private readonly CapitationRoster _roster;
    private readonly int _policyYear;

    /// <summary>Starts a year.</summary>
    /// <param name="roster">The validated roster (it carries the policy).</param>
    public CapitationCalculation(CapitationRoster roster)
    {
        _roster = roster ?? throw new ArgumentNullException(nameof(roster));
        _policyYear = roster.Policy.Year;
        var cells = roster.Institutions.Count * Funds * 12;
        InsideFen = new long[cells];
        ElsewhereFen = new long[cells];
        ReferredFen = new long[cells];
        ChargeFen = new long[cells];
        ReferralCount = new long[cells];
        ClaimCount = new long[cells];
    }

    /// <summary>Claims added.</summary>
    public long Claims { get; private set; }

    /// <summary>Claims rejected.</summary>
    public long RejectedClaims { get; private set; }

    /// <summary>Accepted claims of persons not counted under the signed basis (their amounts are outside capitation).</summary>
    public long UncountedClaims { get; private set; }

    internal CapitationRoster Roster => _roster;

    internal long[] InsideFen { get; }

    internal long[] ElsewhereFen { get; }

    internal long[] ReferredFen { get; }

    internal long[] ChargeFen { get; }

    internal long[] ReferralCount { get; }

    internal long[] ClaimCount { get; }

    internal long UncountedFen { get; private set; }

    /// <summary>Counts a claim row that its reader already rejected (unreadable): it is reported, never silently dropped.</summary>
    public void AddUnreadable()
    {
        Claims++;
        RejectedClaims++;
    }

    /// <summary>
    /// Checks one claim and, when accepted, adds it to its institution's sums. A referral row counts one referral
    /// charged to the person's enrolled institution; care at another institution without a referral is counted in the
    /// enrolled institution's spend with a warning.
    /// </summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The issues (empty: accepted with none); any error means the claim is rejected and not counted.</returns>
    public IReadOnlyList<ValidationIssue> Add(in OutpatientClaim claim)
    {
        Claims++;
        List<ValidationIssue>? issues = null;
        void Issue(ValidationIssue issue) => (issues ??= new List<ValidationIssue>()).Add(issue);
        if (claim.PersonId.Length == 0)
        {
            Issue(Required("person_id"));
        }

        if (claim.InstitutionId.Length == 0)
        {
            Issue(Required("institution_id"));
        }

        if (claim.FundAmount.IsNegative)
        {
            Issue(ValidationIssue.Error(CapitationIssueCodes.AmountNegative, "fund_amount", "金额不能为负", "The amount must not be negative."));
        }

        if (claim.Year != _policyYear || claim.Month is < 1 or > 12)
        {
            Issue(ValidationIssue.Error(CapitationIssueCodes.ClaimOutsideYear, "date", "就诊日期不在政策年度内", "The claim date is not in the policy year."));
        }

        if (claim.Referral && claim.ReferralTarget.Trim().Length == 0)
        {
            Issue(ValidationIssue.Error(CapitationIssueCodes.ReferralTargetMissing, "referral_target", "转诊记录缺少转诊目标机构", "A referral needs its target institution."));
        }

        var row = -1;
        if (issues is null)
        {
            if (!_roster.TryPerson(claim.PersonId, out var person))
            {
                _roster.PersonIndexOrRejected(claim.PersonId, out var onlyRejected);
                Issue(onlyRejected
                    ? ValidationIssue.Error(CapitationIssueCodes.PersonEnrolmentRejected, "person_id", "该人员的名册登记均被拒收", "Every roster row of the person was rejected.")
                    : ValidationIssue.Error(CapitationIssueCodes.PersonNotOnRoster, "person_id", "人员不在名册中", "The person is not on the roster."));
            }
            else
            {
                row = _roster.Slots[(person * 12) + claim.Month - 1];
                if (row == CapitationRoster.NoSlot)
                {
                    var before = true;
                    for (var m = 0; m < claim.Month - 1 && before; m++)
                    {
                        before = _roster.Slots[(person * 12) + m] == CapitationRoster.NoSlot;
                    }

                    Issue(before
                        ? ValidationIssue.Error(CapitationIssueCodes.ClaimBeforeEnrolment, "date", "就诊日期早于该人员的登记月份", "The claim is dated before the person's enrolment.")
                        : ValidationIssue.Error(CapitationIssueCodes.ClaimOutsideEnrolment, "date", "就诊日期不在该人员的登记月份内", "The claim is dated outside the person's enrolled months."));
                }
            }
        }

        if (issues is null)
        {
            var institution = _roster.RowInstitution[row];
            var enrolledAt = _roster.Rows[row].InstitutionId;
            var atHome = string.Equals(enrolledAt, claim.InstitutionId.Trim(), StringComparison.Ordinal);
            if (claim.Referral && !atHome)
            {
                Issue(ValidationIssue.Error(CapitationIssueCodes.ReferralNotFromEnrolledInstitution, "institution_id", "转诊须由该人员当月登记的机构转出", "A referral must be written by the person's enrolled institution of that month."));
            }
            else if (!_roster.RowCounted[row])
            {
                UncountedClaims++;
                UncountedFen += claim.FundAmount.Fen;
                Issue(ValidationIssue.Warning(CapitationIssueCodes.NotSigned, "person_id", "未签约人员：不计入按人头支出", "The person is not signed: the claim is outside capitation under the signed basis."));
            }
            else
            {
                var fund = (int)_roster.Policy.Classes[_roster.RowClass[row]].Fund;
                var cell = (((institution * Funds) + fund) * 12) + claim.Month - 1;
                ClaimCount[cell]++;
                if (claim.Referral)
                {
                    ReferralCount[cell]++;
                    ReferredFen[cell] += claim.FundAmount.Fen;
                    ChargeFen[cell] += _roster.Policy.Referral.ChargeFor(claim.FundAmount).Fen;
                }
                else if (atHome)
                {
                    InsideFen[cell] += claim.FundAmount.Fen;
                }
                else
                {
                    ElsewhereFen[cell] += claim.FundAmount.Fen;
                    Issue(ValidationIssue.Warning(CapitationIssueCodes.ClaimElsewhere, "institution_id", "未经转诊在其他机构就诊：计入登记机构的支出", "Care at another institution without a referral: counted in the enrolled institution's spend."));
                }
            }
        }

        if (issues is null)
        {
            return NoIssues;
        }

        foreach (var issue in issues)
        {
            if (issue.IsError)
            {
                RejectedClaims++;
                break;
            }
        }

        return issues;
    }

    /// <summary>Prices the year: budgets, referral charges, spend, risk sharing, assessment, months and deposit.</summary>
    /// <param name="institutions">Assessment scores, annual deductions and working advances (the hospital CSV of
    /// <c>settle year</c>); an institution without a row uses the policy's default score and no deduction or advance.</param>
    /// <returns>The result.</returns>
    public CapitationResult Complete(IEnumerable<Settlement.SettlementHospital>? institutions = null) =>
        CapitationSettlement.Settle(this, institutions);

    private static ValidationIssue Required(string field) =>
        ValidationIssue.Error(CapitationIssueCodes.FieldRequired, field, "缺少必填字段" + field, "The required field '" + field + "' is empty.");
}
