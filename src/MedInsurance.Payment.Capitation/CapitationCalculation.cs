using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Capitation;

/// <summary>
/// 按人头付费年度计算 — streams a year of outpatient claims over a <see cref="CapitationRoster"/>: each claim is checked
/// and summed into integer cells per institution × fund × month (inside spend, care elsewhere, referrals, referral
/// charges); no claim is kept. <see cref="Complete"/> prices the year (<see cref="CapitationSettlement"/>).
/// </summary>
/// <remarks>
/// Sums of fen are exact and commutative, so the result does not depend on claim order or on how the claims are split
/// over threads. Memory is bounded by the roster and the institutions (and a ledger per thread of
/// <see cref="AddRange(IReadOnlyList{OutpatientClaim}, int)"/>), not the claims. A claim of a random person reads one
/// hash slot and the person's 64-byte record (the institution index, fund and basis of each month, packed), then one
/// ledger cell. One instance accumulates one run and is not thread-safe (its <c>AddRange</c> splits work itself); the
/// policy and roster it reads are, so independent runs may proceed in parallel.
/// </remarks>
public sealed class CapitationCalculation
{
    internal const int Funds = 3;

    private const int Stage = 64;
    private const int Unresolved = -2;

    private static readonly ValidationIssue[] NoIssues = [];
    private readonly CapitationRoster _roster;
    private readonly int _policyYear;
    private readonly PersonTable _people;
    private readonly uint[] _cells;
    private readonly string[] _institutions;
    private readonly ReferralChargeRule _referral;
    private readonly ClaimLedger _ledger;
    private readonly List<ClaimLedger> _workerLedgers = [];

    /// <summary>Starts a year.</summary>
    /// <param name="roster">The validated roster (it carries the policy).</param>
    public CapitationCalculation(CapitationRoster roster)
    {
        _roster = roster ?? throw new ArgumentNullException(nameof(roster));
        _policyYear = roster.Policy.Year;
        _people = roster.People;
        _cells = roster.People.Records;
        _institutions = roster.InstitutionIds;
        _referral = roster.Policy.Referral;
        _ledger = new ClaimLedger(roster.Institutions.Count * Funds * 12);
    }

    /// <summary>Claims added.</summary>
    public long Claims => Total().Claims;

    /// <summary>Claims rejected.</summary>
    public long RejectedClaims => Total().RejectedClaims;

    /// <summary>Accepted claims of persons not counted under the signed basis (their amounts are outside capitation).</summary>
    public long UncountedClaims => Total().UncountedClaims;

    internal CapitationRoster Roster => _roster;

    // The ledgers' figures as columns (cell order), taken by TakeColumns when the year is priced.
    internal long[] InsideFen { get; private set; } = [];

    internal long[] ElsewhereFen { get; private set; } = [];

    internal long[] ReferredFen { get; private set; } = [];

    internal long[] ChargeFen { get; private set; } = [];

    internal long[] ReferralCount { get; private set; } = [];

    internal long[] ClaimCount { get; private set; } = [];

    internal void TakeColumns()
    {
        var total = Total();
        InsideFen = total.Column(ClaimLedger.Inside);
        ElsewhereFen = total.Column(ClaimLedger.Elsewhere);
        ReferredFen = total.Column(ClaimLedger.Referred);
        ChargeFen = total.Column(ClaimLedger.Charge);
        ReferralCount = total.Column(ClaimLedger.Referrals);
        ClaimCount = total.Column(ClaimLedger.ClaimsCounted);
    }

    /// <summary>Counts a claim row that its reader already rejected (unreadable): it is reported, never silently dropped.</summary>
    public void AddUnreadable()
    {
        _ledger.Claims++;
        _ledger.RejectedClaims++;
    }

    /// <summary>
    /// Checks one claim and, when accepted, adds it to its institution's sums. A referral row counts one referral
    /// charged to the person's enrolled institution; care at another institution without a referral is counted in the
    /// enrolled institution's spend with a warning.
    /// </summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The issues (empty: accepted with none); any error means the claim is rejected and not counted.</returns>
    public IReadOnlyList<ValidationIssue> Add(in OutpatientClaim claim) => AddTo(_ledger, claim, Unresolved);

    /// <summary>
    /// 批量加入门诊结算记录 — checks and adds a batch of claims on the calling thread, as <see cref="Add"/> one by one
    /// would (same sums, same issues), with the memory reads of the batch issued together: claims of random persons wait
    /// for memory about once per stage of 64 claims instead of once per claim.
    /// </summary>
    /// <param name="claims">The claims.</param>
    /// <returns>The claims that have issues (index within <paramref name="claims"/>, claim id, issues), in batch order.</returns>
    public IReadOnlyList<RowOutcome> AddRange(IReadOnlyList<OutpatientClaim> claims) => AddRange(claims, 1);

    /// <summary>
    /// 多线程批量加入 — checks and adds a batch of claims as <see cref="AddRange(IReadOnlyList{OutpatientClaim})"/> does,
    /// split over up to <paramref name="maxDegreeOfParallelism"/> threads, each summing into a ledger of its own; the
    /// ledgers are added together when the year is priced. Sums of fen are exact, so the result is the same for any
    /// thread count.
    /// </summary>
    /// <param name="claims">The claims.</param>
    /// <param name="maxDegreeOfParallelism">The most threads (1: the calling thread only).</param>
    /// <returns>The claims that have issues (index within <paramref name="claims"/>, claim id, issues), in batch order.</returns>
    public IReadOnlyList<RowOutcome> AddRange(IReadOnlyList<OutpatientClaim> claims, int maxDegreeOfParallelism)
    {
        if (claims is null)
        {
            throw new ArgumentNullException(nameof(claims));
        }

        if (maxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), "At least one thread.");
        }

        var workers = Math.Min(maxDegreeOfParallelism, Math.Max(1, claims.Count / (4 * Stage)));
        if (workers == 1)
        {
            return AddPart(_ledger, claims, 0, claims.Count);
        }

        while (_workerLedgers.Count < workers - 1)
        {
            _workerLedgers.Add(new ClaimLedger(_ledger.Cells));
        }

        var parts = new List<RowOutcome>[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var from = (int)((long)claims.Count * w / workers);
            var to = (int)((long)claims.Count * (w + 1) / workers);
            parts[w] = AddPart(w == 0 ? _ledger : _workerLedgers[w - 1], claims, from, to);
        });
        return parts.SelectMany(p => p).ToList();
    }

    // Claims [from, to) into one ledger in stages of 64, each claim copied once into a buffer: every claim's id packed
    // and hashed, then every hash slot read in a loop of its own; then every claim's person record and ledger cell; then the checks and sums, whose reads
    // are cached by then.
    private List<RowOutcome> AddPart(ClaimLedger ledger, IReadOnlyList<OutpatientClaim> claims, int from, int to)
    {
        var outcomes = new List<RowOutcome>();
        var buffer = new OutpatientClaim[Stage];
        var keys = new PersonKey[Stage];
        var hashes = new ulong[Stage];
        var packed = new bool[Stage];
        var persons = new int[Stage];
        var figures = ledger.Figures;
        ulong touched = 0;
        for (var start = from; start < to; start += Stage)
        {
            var count = Math.Min(Stage, to - start);
            for (var j = 0; j < count; j++)
            {
                buffer[j] = claims[start + j];
                packed[j] = PersonKey.TryPack(buffer[j].PersonId, out keys[j]);
                hashes[j] = packed[j] ? keys[j].Hash() : 0;
            }

            // A loop of loads only, so that the out-of-order core has many of them in flight at once.
            for (var j = 0; j < count; j++)
            {
                touched ^= packed[j] ? _people.Touch(hashes[j]) : 0;
            }

            for (var j = 0; j < count; j++)
            {
                ref readonly var claim = ref buffer[j];
                persons[j] = packed[j] ? _people.Find(keys[j], hashes[j]) : _people.Find(claim.PersonId);
                if (persons[j] >= 0 && claim.Month is >= 1 and <= 12)
                {
                    var cell = _cells[_people.Months(persons[j]) + claim.Month - 1];
                    if (cell != MonthCell.Empty)
                    {
                        touched ^= unchecked((ulong)figures[((((MonthCell.Institution(cell) * Funds) + MonthCell.Fund(cell)) * 12) + claim.Month - 1) * ClaimLedger.Width]);
                    }
                }
            }

            for (var j = 0; j < count; j++)
            {
                var issues = AddTo(ledger, buffer[j], persons[j]);
                if (issues != NoIssues)
                {
                    outcomes.Add(new RowOutcome(start + j, buffer[j].ClaimId, issues));
                }
            }
        }

        ledger.Touched ^= touched;
        return outcomes;
    }

    // One claim into a ledger; person is the claim's person index when already looked up (−1: not on the roster),
    // else Unresolved. The common claim — well-formed, of a counted person enrolled that month, at home or a referral
    // from home — costs a person-table slot, the person's record and the ledger cell; anything else is checked fully.
    private IReadOnlyList<ValidationIssue> AddTo(ClaimLedger ledger, in OutpatientClaim claim, int person)
    {
        ledger.Claims++;
        var month = claim.Month;
        if (claim.PersonId.Length != 0 && claim.InstitutionId.Length != 0 && !claim.FundAmount.IsNegative && claim.Year == _policyYear
            && month is >= 1 and <= 12 && (!claim.Referral || claim.ReferralTarget.Trim().Length != 0))
        {
            if (person == Unresolved)
            {
                person = _people.Find(claim.PersonId);
            }

            if (person >= 0)
            {
                var cell = _cells[_people.Months(person) + month - 1];
                if (cell != MonthCell.Empty && MonthCell.Counted(cell) && AtHome(_institutions[MonthCell.Institution(cell)], claim.InstitutionId))
                {
                    var f = ((((MonthCell.Institution(cell) * Funds) + MonthCell.Fund(cell)) * 12) + month - 1) * ClaimLedger.Width;
                    var figures = ledger.Figures;
                    var fen = claim.FundAmount.Fen;
                    figures[f + ClaimLedger.ClaimsCounted]++;
                    if (claim.Referral)
                    {
                        figures[f + ClaimLedger.Referrals]++;
                        figures[f + ClaimLedger.Referred] += fen;
                        figures[f + ClaimLedger.Charge] += _referral.ChargeFor(claim.FundAmount).Fen;
                    }
                    else
                    {
                        figures[f + ClaimLedger.Inside] += fen;
                    }

                    return NoIssues;
                }
            }
        }

        return AddChecked(ledger, claim);
    }

    // Whether the claim's institution id (untrimmed as read) is the enrolled institution's; trimmed only when not equal as is.
    private static bool AtHome(string enrolled, string institutionId) =>
        string.Equals(enrolled, institutionId, StringComparison.Ordinal) || string.Equals(enrolled, institutionId.Trim(), StringComparison.Ordinal);

    // The ledgers of every thread added together.
    private ClaimLedger Total()
    {
        if (_workerLedgers.Count == 0)
        {
            return _ledger;
        }

        var total = new ClaimLedger(_ledger.Cells);
        total.MergeFrom(_ledger);
        foreach (var other in _workerLedgers)
        {
            total.MergeFrom(other);
        }

        return total;
    }

    // Every check, in the order of the issue list; reached by claims with an issue and by care elsewhere.
    private IReadOnlyList<ValidationIssue> AddChecked(ClaimLedger ledger, in OutpatientClaim claim)
    {
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

        var cell = MonthCell.Empty;
        if (issues is null)
        {
            var person = _people.Find(claim.PersonId);
            var b = _people.Months(Math.Max(person, 0));
            if (person < 0)
            {
                Issue(ValidationIssue.Error(CapitationIssueCodes.PersonNotOnRoster, "person_id", "人员不在名册中", "The person is not on the roster."));
            }
            else if (!AnyMonth(b, 12))
            {
                Issue(ValidationIssue.Error(CapitationIssueCodes.PersonEnrolmentRejected, "person_id", "该人员的名册登记均被拒收", "Every roster row of the person was rejected."));
            }
            else
            {
                cell = _cells[b + claim.Month - 1];
                if (cell == MonthCell.Empty)
                {
                    Issue(!AnyMonth(b, claim.Month - 1)
                        ? ValidationIssue.Error(CapitationIssueCodes.ClaimBeforeEnrolment, "date", "就诊日期早于该人员的登记月份", "The claim is dated before the person's enrolment.")
                        : ValidationIssue.Error(CapitationIssueCodes.ClaimOutsideEnrolment, "date", "就诊日期不在该人员的登记月份内", "The claim is dated outside the person's enrolled months."));
                }
            }
        }

        if (issues is null)
        {
            var institution = MonthCell.Institution(cell);
            var atHome = string.Equals(_institutions[institution], claim.InstitutionId.Trim(), StringComparison.Ordinal);
            if (claim.Referral && !atHome)
            {
                Issue(ValidationIssue.Error(CapitationIssueCodes.ReferralNotFromEnrolledInstitution, "institution_id", "转诊须由该人员当月登记的机构转出", "A referral must be written by the person's enrolled institution of that month."));
            }
            else if (!MonthCell.Counted(cell))
            {
                ledger.UncountedClaims++;
                ledger.UncountedFen += claim.FundAmount.Fen;
                Issue(ValidationIssue.Warning(CapitationIssueCodes.NotSigned, "person_id", "未签约人员：不计入按人头支出", "The person is not signed: the claim is outside capitation under the signed basis."));
            }
            else
            {
                var f = ((((institution * Funds) + MonthCell.Fund(cell)) * 12) + claim.Month - 1) * ClaimLedger.Width;
                var figures = ledger.Figures;
                figures[f + ClaimLedger.ClaimsCounted]++;
                if (claim.Referral)
                {
                    figures[f + ClaimLedger.Referrals]++;
                    figures[f + ClaimLedger.Referred] += claim.FundAmount.Fen;
                    figures[f + ClaimLedger.Charge] += _referral.ChargeFor(claim.FundAmount).Fen;
                }
                else if (atHome)
                {
                    figures[f + ClaimLedger.Inside] += claim.FundAmount.Fen;
                }
                else
                {
                    figures[f + ClaimLedger.Elsewhere] += claim.FundAmount.Fen;
                    Issue(ValidationIssue.Warning(CapitationIssueCodes.ClaimElsewhere, "institution_id", "未经转诊在其他机构就诊：计入登记机构的支出", "Care at another institution without a referral: counted in the enrolled institution's spend."));
                }
            }
        }

        if (issues is null)
        {
            return NoIssues;
        }

        if (ValidationIssue.AnyError(issues))
        {
            ledger.RejectedClaims++;
        }

        return issues;
    }

    // Whether any of the first `months` month cells of the record at b is an accepted enrolment.
    private bool AnyMonth(int b, int months)
    {
        for (var m = 0; m < months; m++)
        {
            if (_cells[b + m] != MonthCell.Empty)
            {
                return true;
            }
        }

        return false;
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
