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
/// so the result does not depend on the row order. Immutable after building; thread-safe. Memory: about 92 bytes per roster
/// row (a 64-byte record — the person's id packed and its twelve months — in a hash table at most 70% full); the rows
/// are not kept.
/// </remarks>
public sealed class CapitationRoster
{
    private const int Stage = 64;

    private CapitationRoster(
        CapitationPolicy policy,
        PersonTable people,
        int persons,
        string[] institutions,
        long[] personMonths,
        int[] personsPerInstitution,
        IReadOnlyList<RowOutcome> outcomes,
        int accepted)
    {
        Policy = policy;
        People = people;
        Persons = persons;
        InstitutionIds = institutions;
        PersonMonthsCells = personMonths;
        PersonsPerInstitution = personsPerInstitution;
        Outcomes = outcomes;
        AcceptedRows = accepted;
    }

    /// <summary>The policy the roster was checked against.</summary>
    public CapitationPolicy Policy { get; }

    /// <summary>基层医疗机构 — the institutions with accepted rows, ordered by id (ordinal).</summary>
    public IReadOnlyList<string> Institutions => InstitutionIds;

    /// <summary>人数 — distinct persons with at least one accepted row.</summary>
    public int Persons { get; }

    /// <summary>Accepted roster rows.</summary>
    public int AcceptedRows { get; }

    /// <summary>Roster rows that carry an issue (rejected rows and warnings), in input order.</summary>
    public IReadOnlyList<RowOutcome> Outcomes { get; }

    /// <summary>Rejected roster rows.</summary>
    public int RejectedRows => Outcomes.Count(o => o.Rejected);

    /// <summary>Every person with a non-empty id on any row (accepted or not); months hold <see cref="MonthCell"/>s of accepted rows.</summary>
    internal PersonTable People { get; }

    internal string[] InstitutionIds { get; }

    internal long[] PersonMonthsCells { get; }

    internal int[] PersonsPerInstitution { get; }

    /// <summary>人月数 — the person-months counted for the budget at an institution in a class.</summary>
    /// <param name="institution">The index in <see cref="Institutions"/>.</param>
    /// <param name="classIndex">The index in the policy's classes.</param>
    /// <returns>The person-months.</returns>
    public long PersonMonths(int institution, int classIndex) => PersonMonthsCells[(institution * Policy.Classes.Count) + classIndex];

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

        // One pass over the rows as they come (entries may be a stream): each row checked, its person found or added,
        // its months claimed. Every person with an id gets a record (a claim of a person whose rows are all rejected is
        // told apart from one not on the roster). While checking overlaps a month cell holds the first valid row
        // claiming it; any two valid rows of one person sharing a month are all rejected (order-independent).
        var expected = entries is IReadOnlyCollection<RosterEntry> known ? known.Count : entries is ICollection<RosterEntry> collection ? collection.Count : 1 << 16;
        var rows = new List<RosterEntry>(expected);
        var issues = new List<List<ValidationIssue>?>(expected);
        void Add(int r, ValidationIssue issue) => (issues[r] ??= new List<ValidationIssue>()).Add(issue);
        var rowClass = new List<int>(expected);
        var valid = new List<bool>(expected);
        var overlap = new List<bool>(expected);
        var people = new PersonTable(expected);
        var stage = new RosterEntry[Stage];
        var keys = new PersonKey[Stage];
        var hashes = new ulong[Stage];
        var packed = new bool[Stage];
        uint touched = 0;

        // A stage of up to 64 rows: every row checked and its id packed and hashed, then every home slot read in a loop
        // of loads only (so that the table's cache misses overlap instead of following one another), then each row's
        // person and months.
        void Index(int count)
        {
            while (people.Count + count > people.Capacity)
            {
                people = people.Grown();
            }

            var first = rows.Count;
            for (var k = 0; k < count; k++)
            {
                var row = stage[k] ?? throw new ArgumentException("A roster row is null; an unreadable row is reported by its reader, not passed on.", nameof(entries));
                var r = rows.Count;
                rows.Add(row);
                issues.Add(null);
                overlap.Add(false);
                List<ValidationIssue>? found = null;
                rowClass.Add(Check(policy, row, ref found));
                issues[r] = found;
                valid.Add(issues[r] is null);
                packed[k] = PersonKey.TryPack(row.PersonId, out keys[k]);
                hashes[k] = packed[k] ? keys[k].Hash() : 0;
            }

            for (var k = 0; k < count; k++)
            {
                touched ^= packed[k] ? people.Touch(hashes[k]) : 0;
            }

            var cells = people.Records;
            for (var k = 0; k < count; k++)
            {
                var r = first + k;
                if (rows[r].PersonId.Length == 0)
                {
                    continue;
                }

                var b = people.Months(people.GetOrAdd(rows[r].PersonId, packed[k], keys[k], hashes[k])) - 1;
                if (!valid[r])
                {
                    continue;
                }

                for (var m = rows[r].FromMonth; m <= rows[r].ToMonth; m++)
                {
                    var other = cells[b + m];
                    if (other != MonthCell.Empty)
                    {
                        overlap[(int)other] = true;
                        overlap[r] = true;
                    }
                    else
                    {
                        cells[b + m] = (uint)r;
                    }
                }
            }
        }

        var staged = 0;
        foreach (var entry in entries)
        {
            stage[staged++] = entry;
            if (staged == Stage)
            {
                Index(staged);
                staged = 0;
            }
        }

        Index(staged);
        var cells = people.Records;
        for (var r = 0; r < rows.Count; r++)
        {
            if (overlap[r])
            {
                Add(r, ValidationIssue.Error(CapitationIssueCodes.EnrolmentOverlap, "from_month", "同一人员同一月份重复登记（两家机构或同一机构两次）", "The person is enrolled twice in the same month."));
            }
        }

        var accepted = new bool[rows.Count];
        var institutionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var acceptedCount = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            accepted[r] = issues[r] is null;
            if (accepted[r])
            {
                acceptedCount++;
                institutionIndex[rows[r].InstitutionId] = 0;
            }
        }

        var institutions = institutionIndex.Keys.ToArray();
        Array.Sort(institutions, StringComparer.Ordinal);
        if (institutions.Length > MonthCell.MaxInstitutions)
        {
            throw new NotSupportedException("More institutions than a month cell can name.");
        }

        for (var i = 0; i < institutions.Length; i++)
        {
            institutionIndex[institutions[i]] = i;
        }

        var rowInstitution = new int[rows.Count];
        var rowCounted = new bool[rows.Count];
        var classes = policy.Classes.Count;
        var personMonths = new long[institutions.Length * classes];
        for (var r = 0; r < rows.Count; r++)
        {
            if (!accepted[r])
            {
                continue;
            }

            rowInstitution[r] = institutionIndex[rows[r].InstitutionId];
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

        // Month cells: the row of a month becomes its packed cell when accepted (an overlapping row is not), else empty.
        // A person counts once per institution where a counted row has a month.
        var persons = 0;
        var personsPerInstitution = new int[institutions.Length];
        for (var p = 0; p < people.Size; p++)
        {
            if (!people.Occupied(p))
            {
                continue;
            }

            var b = people.Months(p);
            var any = false;
            for (var m = 0; m < 12; m++)
            {
                var r = cells[b + m];
                if (r == MonthCell.Empty)
                {
                    continue;
                }

                if (!accepted[r])
                {
                    cells[b + m] = MonthCell.Empty;
                    continue;
                }

                any = true;
                var cell = MonthCell.Pack(rowInstitution[r], (int)policy.Classes[rowClass[(int)r]].Fund, rowCounted[r]);
                cells[b + m] = cell;
                if (MonthCell.Counted(cell) && !CountedEarlier(cells, b, m, cell))
                {
                    personsPerInstitution[rowInstitution[r]]++;
                }
            }

            persons += any ? 1 : 0;
        }

        var outcomes = new List<RowOutcome>();
        for (var r = 0; r < rows.Count; r++)
        {
            if (issues[r] is { } list)
            {
                outcomes.Add(new RowOutcome(r, rows[r].PersonId, list));
            }
        }

        GC.KeepAlive(touched);
        return new CapitationRoster(policy, people, persons, institutions, personMonths, personsPerInstitution, outcomes, acceptedCount);
    }

    // The row's own checks (fields, class, months); returns the class index (−1 when unknown).
    private static int Check(CapitationPolicy policy, RosterEntry row, ref List<ValidationIssue>? issues)
    {
        void Issue(ref List<ValidationIssue>? list, ValidationIssue issue) => (list ??= new List<ValidationIssue>()).Add(issue);

        if (row.PersonId.Length == 0)
        {
            Issue(ref issues, Required("person_id"));
        }

        if (row.InstitutionId.Length == 0)
        {
            Issue(ref issues, Required("institution_id"));
        }

        var classIndex = policy.ClassIndex(row.ClassCode);
        if (row.ClassCode.Length == 0)
        {
            Issue(ref issues, Required("class"));
        }
        else if (classIndex < 0)
        {
            Issue(ref issues, ValidationIssue.Error(CapitationIssueCodes.ClassUnknown, "class", "人群类别不在政策中", "The class is not a class of the policy."));
        }

        if (row.Months == 0)
        {
            Issue(ref issues, ValidationIssue.Error(CapitationIssueCodes.MonthsInvalid, row.FromMonth is >= 1 and <= 12 ? "to_month" : "from_month", "登记月份须在1–12且起始不晚于截止", "Enrolment months must be within 1–12 with from_month not after to_month."));
        }

        return classIndex;
    }

    // Whether an earlier month of the record (already packed) is a counted cell at the same institution.
    private static bool CountedEarlier(uint[] cells, int b, int month, uint cell)
    {
        for (var m = 0; m < month; m++)
        {
            var earlier = cells[b + m];
            if (earlier != MonthCell.Empty && MonthCell.Counted(earlier) && MonthCell.Institution(earlier) == MonthCell.Institution(cell))
            {
                return true;
            }
        }

        return false;
    }

    private static ValidationIssue Required(string field) =>
        ValidationIssue.Error(CapitationIssueCodes.FieldRequired, field, "缺少必填字段" + field, "The required field '" + field + "' is empty.");

    internal static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
