using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Capitation;

/// <summary>
/// 参保人员名册 — the validated roster of one policy year: for every person and month, the institution and class
/// enrolled, and per institution the person-months of each class (人月数) that the budget is computed from.
/// </summary>
/// <remarks>
/// Built once by <see cref="Build"/>; every roster row comes out accepted or rejected (<see cref="Outcomes"/>). A person
/// enrolled twice in one month has <b>every</b> overlapping row rejected (<see cref="CapitationIssueCodes.EnrolmentOverlap"/>),
/// so the result does not depend on the row order. Immutable after building; thread-safe. Memory: 12 integers per
/// person plus the rows.
/// </remarks>
public sealed class CapitationRoster
{
    internal const int NoSlot = -1;

    private readonly Dictionary<string, int> _persons;

    private CapitationRoster(
        CapitationPolicy policy,
        Dictionary<string, int> persons,
        int[] slots,
        RosterEntry[] rows,
        int[] rowInstitution,
        int[] rowClass,
        bool[] rowCounted,
        bool[] personHasRejected,
        string[] institutions,
        long[] personMonths,
        int[] personsPerInstitution,
        IReadOnlyList<RowOutcome> outcomes,
        int accepted)
    {
        Policy = policy;
        _persons = persons;
        Slots = slots;
        Rows = rows;
        RowInstitution = rowInstitution;
        RowClass = rowClass;
        RowCounted = rowCounted;
        PersonHasRejected = personHasRejected;
        Institutions = institutions;
        PersonMonthsCells = personMonths;
        PersonsPerInstitution = personsPerInstitution;
        Outcomes = outcomes;
        AcceptedRows = accepted;
    }

    /// <summary>The policy the roster was checked against.</summary>
    public CapitationPolicy Policy { get; }

    /// <summary>基层医疗机构 — the institutions with accepted rows, ordered by id (ordinal).</summary>
    public IReadOnlyList<string> Institutions { get; }

    /// <summary>人数 — distinct persons with at least one accepted row.</summary>
    public int Persons => _persons.Count;

    /// <summary>Accepted roster rows.</summary>
    public int AcceptedRows { get; }

    /// <summary>Roster rows that carry an issue (rejected rows and warnings), in input order.</summary>
    public IReadOnlyList<RowOutcome> Outcomes { get; }

    /// <summary>Rejected roster rows.</summary>
    public int RejectedRows => Outcomes.Count(o => o.Rejected);

    internal int[] Slots { get; }

    internal RosterEntry[] Rows { get; }

    internal int[] RowInstitution { get; }

    internal int[] RowClass { get; }

    internal bool[] RowCounted { get; }

    internal bool[] PersonHasRejected { get; }

    internal long[] PersonMonthsCells { get; }

    internal int[] PersonsPerInstitution { get; }

    /// <summary>人月数 — the person-months counted for the budget at an institution in a class.</summary>
    /// <param name="institution">The index in <see cref="Institutions"/>.</param>
    /// <param name="classIndex">The index in the policy's classes.</param>
    /// <returns>The person-months.</returns>
    public long PersonMonths(int institution, int classIndex) => PersonMonthsCells[(institution * Policy.Classes.Count) + classIndex];

    internal bool TryPerson(string personId, out int person) => _persons.TryGetValue(personId, out person);

    internal int PersonIndexOrRejected(string personId, out bool onlyRejected)
    {
        onlyRejected = false;
        if (_persons.TryGetValue(personId, out var person))
        {
            return person;
        }

        onlyRejected = _rejectedPersons.Contains(personId);
        return -1;
    }

    private HashSet<string> _rejectedPersons = new(StringComparer.Ordinal);

    /// <summary>Checks and indexes a roster.</summary>
    /// <param name="policy">The policy (classes and basis).</param>
    /// <param name="entries">The rows, in input order; a row given as null (unreadable in the file) must be reported by the reader.</param>
    /// <returns>The roster.</returns>
    public static CapitationRoster Build(CapitationPolicy policy, IEnumerable<RosterEntry> entries)
    {
        if (policy is null || entries is null)
        {
            throw new ArgumentNullException(policy is null ? nameof(policy) : nameof(entries));
        }

        var rows = entries.ToArray();
        var issues = new List<ValidationIssue>?[rows.Length];
        void Add(int r, ValidationIssue issue) => (issues[r] ??= new List<ValidationIssue>()).Add(issue);
        var rowClass = new int[rows.Length];
        var valid = new bool[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = rows[r];
            if (row.PersonId.Length == 0)
            {
                Add(r, Required("person_id"));
            }

            if (row.InstitutionId.Length == 0)
            {
                Add(r, Required("institution_id"));
            }

            rowClass[r] = policy.ClassIndex(row.ClassCode);
            if (row.ClassCode.Length == 0)
            {
                Add(r, Required("class"));
            }
            else if (rowClass[r] < 0)
            {
                Add(r, ValidationIssue.Error(CapitationIssueCodes.ClassUnknown, "class", "人群类别不在政策中", "The class is not a class of the policy."));
            }

            if (row.Months == 0)
            {
                Add(r, ValidationIssue.Error(CapitationIssueCodes.MonthsInvalid, row.FromMonth is >= 1 and <= 12 ? "to_month" : "from_month", "登记月份须在1–12且起始不晚于截止", "Enrolment months must be within 1–12 with from_month not after to_month."));
            }

            valid[r] = issues[r] is null;
        }

        // Overlaps: any two valid rows of one person sharing a month are all rejected (order-independent).
        var personOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstSlot = new List<int[]>();
        var overlap = new bool[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            if (!valid[r])
            {
                continue;
            }

            if (!personOf.TryGetValue(rows[r].PersonId, out var p))
            {
                p = firstSlot.Count;
                personOf[rows[r].PersonId] = p;
                firstSlot.Add(new[] { NoSlot, NoSlot, NoSlot, NoSlot, NoSlot, NoSlot, NoSlot, NoSlot, NoSlot, NoSlot, NoSlot, NoSlot });
            }

            var months = firstSlot[p];
            for (var m = rows[r].FromMonth; m <= rows[r].ToMonth; m++)
            {
                var other = months[m - 1];
                if (other != NoSlot)
                {
                    overlap[other] = true;
                    overlap[r] = true;
                }
                else
                {
                    months[m - 1] = r;
                }
            }
        }

        for (var r = 0; r < rows.Length; r++)
        {
            if (overlap[r])
            {
                Add(r, ValidationIssue.Error(CapitationIssueCodes.EnrolmentOverlap, "from_month", "同一人员同一月份重复登记（两家机构或同一机构两次）", "The person is enrolled twice in the same month."));
            }
        }

        var accepted = new bool[rows.Length];
        var institutionSet = new SortedSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Length; r++)
        {
            accepted[r] = issues[r] is null;
            if (accepted[r])
            {
                institutionSet.Add(rows[r].InstitutionId);
            }
        }

        var institutions = institutionSet.ToArray();
        var institutionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < institutions.Length; i++)
        {
            institutionIndex[institutions[i]] = i;
        }

        var persons = new Dictionary<string, int>(StringComparer.Ordinal);
        var rejectedPersons = new HashSet<string>(StringComparer.Ordinal);
        var rowInstitution = new int[rows.Length];
        var rowCounted = new bool[rows.Length];
        var classes = policy.Classes.Count;
        var personMonths = new long[institutions.Length * classes];
        for (var r = 0; r < rows.Length; r++)
        {
            rowInstitution[r] = -1;
            if (!accepted[r])
            {
                if (rows[r].PersonId.Length > 0)
                {
                    rejectedPersons.Add(rows[r].PersonId);
                }

                continue;
            }

            rowInstitution[r] = institutionIndex[rows[r].InstitutionId];
            if (!persons.ContainsKey(rows[r].PersonId))
            {
                persons[rows[r].PersonId] = persons.Count;
            }

            rowCounted[r] = policy.Basis == CapitationBasis.Served || rows[r].Signed;
            if (!rowCounted[r])
            {
                Add(r, ValidationIssue.Warning(CapitationIssueCodes.NotSigned, "signed", "未签约：按签约人数口径不计人头，门诊费用不计入支出", "Not signed: under the signed basis the person counts no budget and the claims no spend."));
            }
            else
            {
                personMonths[(rowInstitution[r] * classes) + rowClass[r]] += rows[r].Months;
            }
        }

        rejectedPersons.ExceptWith(persons.Keys);
        var slots = new int[persons.Count * 12];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = NoSlot;
        }

        var hasRejected = new bool[persons.Count];
        var seenAt = new HashSet<long>();
        var personsPerInstitution = new int[institutions.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            if (rows[r].PersonId.Length == 0 || !persons.TryGetValue(rows[r].PersonId, out var p))
            {
                continue;
            }

            if (!accepted[r])
            {
                hasRejected[p] = true;
                continue;
            }

            for (var m = rows[r].FromMonth; m <= rows[r].ToMonth; m++)
            {
                slots[(p * 12) + m - 1] = r;
            }

            if (rowCounted[r] && seenAt.Add(((long)p * institutions.Length) + rowInstitution[r]))
            {
                personsPerInstitution[rowInstitution[r]]++;
            }
        }

        var outcomes = new List<RowOutcome>();
        for (var r = 0; r < rows.Length; r++)
        {
            if (issues[r] is { } list)
            {
                outcomes.Add(new RowOutcome(r, rows[r].PersonId, list));
            }
        }

        return new CapitationRoster(policy, persons, slots, rows, rowInstitution, rowClass, rowCounted, hasRejected, institutions, personMonths, personsPerInstitution, outcomes, accepted.Count(a => a))
        {
            _rejectedPersons = rejectedPersons,
        };
    }

    private static ValidationIssue Required(string field) =>
        ValidationIssue.Error(CapitationIssueCodes.FieldRequired, field, "缺少必填字段" + field, "The required field '" + field + "' is empty.");

    internal static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
