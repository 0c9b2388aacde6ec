using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.QualityControl;

/// <summary>
/// 质控汇总 — the counts of a checked file: cases by conclusion, and issues and cases by rule and by hospital (the summary of
/// <c>medpay check</c> and <c>medpay monitor --check</c>). <see cref="QcChecker.Tally(ReadRecord{InpatientCase}, QcTally)"/>
/// counts a record without building its issues; <see cref="Add(ReadRecord{InpatientCase}, QcCaseResult)"/> counts a result
/// already built. The two give the same counts.
/// </summary>
/// <remarks>
/// A tally is not thread-safe: keep one per thread and add them up with <see cref="Add(QcTally)"/> (the counts are sums, so
/// how the rows were shared among threads does not change them). <see cref="ByRule"/> and <see cref="ByHospital"/> return
/// immutable snapshots.
/// </remarks>
public sealed class QcTally
{
    private static readonly Dictionary<string, int> Ordinals = OrdinalsOfRules();
    private readonly long[] _ruleCases = new long[QcRules.All.Count];
    private readonly long[] _ruleIssues = new long[QcRules.All.Count];
    private readonly int[] _ruleSeverities = new int[QcRules.All.Count];
    private readonly Dictionary<string, Counts> _otherCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Counts> _hospitals = new(StringComparer.Ordinal);
    private string? _lastHospitalId;
    private Counts? _lastHospital;

    /// <summary>病例数 — cases (records) counted.</summary>
    public long Cases { get; private set; }

    /// <summary>通过 — cases with no error and no warning.</summary>
    public long Accepted { get; private set; }

    /// <summary>警告 — cases with warnings only.</summary>
    public long Warned { get; private set; }

    /// <summary>不通过 — cases with at least one error.</summary>
    public long Rejected { get; private set; }

    /// <summary>问题数 — issues of every severity.</summary>
    public long Issues { get; private set; }

    /// <summary>Counts a record with its result (built by <see cref="QcChecker.Check(ReadRecord{InpatientCase})"/> or from the
    /// reader's issues alone): its conclusion, each issue under its code, the case once under each code it has.</summary>
    /// <param name="record">The record (its hospital is the case's; none for a row the reader could not build).</param>
    /// <param name="result">Its result.</param>
    /// <returns>The result's conclusion.</returns>
    public QcStatus Add(ReadRecord<InpatientCase> record, QcCaseResult result)
    {
        if (record is null || result is null)
        {
            throw new ArgumentNullException(record is null ? nameof(record) : nameof(result));
        }

        var issues = result.Issues;
        for (var i = 0; i < issues.Count; i++) // indexed: no enumerator to allocate per case
        {
            AddIssue(issues[i].Code, issues[i].Severity, FirstOfCode(issues, i));
        }

        return AddCase(record.Value?.HospitalId, result.ErrorCount, result.WarningCount, issues.Count);
    }

    /// <summary>Adds another tally (another thread's part of the same file) to this one.</summary>
    /// <param name="other">The other tally; unchanged.</param>
    public void Add(QcTally other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("A tally cannot be added to itself.", nameof(other));
        }

        Cases += other.Cases;
        Accepted += other.Accepted;
        Warned += other.Warned;
        Rejected += other.Rejected;
        Issues += other.Issues;
        for (var i = 0; i < _ruleCases.Length; i++)
        {
            _ruleCases[i] += other._ruleCases[i];
            _ruleIssues[i] += other._ruleIssues[i];
            _ruleSeverities[i] |= other._ruleSeverities[i];
        }

        foreach (var pair in other._otherCodes)
        {
            Of(_otherCodes, pair.Key).Add(pair.Value);
        }

        foreach (var pair in other._hospitals)
        {
            Of(_hospitals, pair.Key).Add(pair.Value);
        }
    }

    /// <summary>按规则 — every code with issues: most issues first, then by code (ordinal).</summary>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<QcRuleTally> ByRule()
    {
        var rules = new List<QcRuleTally>();
        for (var i = 0; i < _ruleIssues.Length; i++)
        {
            if (_ruleIssues[i] > 0)
            {
                rules.Add(new QcRuleTally(QcRules.All[i].Code, _ruleCases[i], _ruleIssues[i], Severities(_ruleSeverities[i])));
            }
        }

        foreach (var pair in _otherCodes)
        {
            rules.Add(new QcRuleTally(pair.Key, pair.Value.Cases, pair.Value.Issues, Severities(pair.Value.Severities)));
        }

        return Array.AsReadOnly(rules.OrderByDescending(r => r.Issues).ThenBy(r => r.Code, StringComparer.Ordinal).ToArray());
    }

    /// <summary>按医疗机构 — every hospital counted (a row without a case under the empty id), by id (ordinal).</summary>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<QcHospitalTally> ByHospital() =>
        Array.AsReadOnly(_hospitals.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new QcHospitalTally(p.Key, p.Value.Cases, p.Value.Issues, p.Value.Accepted, p.Value.Warned, p.Value.Rejected))
            .ToArray());

    /// <summary>The place of a rule of <see cref="QcRules.All"/> in this tally's arrays (its index there).</summary>
    internal static int OrdinalOf(QcRule rule) => Ordinals[rule.Code];

    /// <summary>Counts an issue of a rule of <see cref="QcRules.All"/> by its <see cref="OrdinalOf"/>.</summary>
    internal void AddRule(int ordinal, IssueSeverity severity, bool firstInCase)
    {
        _ruleIssues[ordinal]++;
        _ruleCases[ordinal] += firstInCase ? 1 : 0;
        _ruleSeverities[ordinal] |= 1 << (int)severity;
    }

    /// <summary>Counts an issue by its code (a rule's, or a reader's such as FIELD_INVALID).</summary>
    internal void AddIssue(string code, IssueSeverity severity, bool firstInCase)
    {
        if (Ordinals.TryGetValue(code, out var ordinal))
        {
            AddRule(ordinal, severity, firstInCase);
            return;
        }

        var counts = Of(_otherCodes, code);
        counts.Issues++;
        counts.Cases += firstInCase ? 1 : 0;
        counts.Severities |= 1 << (int)severity;
    }

    /// <summary>Counts a case with its issues (already counted by rule): its conclusion, in the totals and its hospital's.</summary>
    internal QcStatus AddCase(string? hospitalId, int errors, int warnings, int issues)
    {
        var status = errors > 0 ? QcStatus.Rejected : warnings > 0 ? QcStatus.Warning : QcStatus.Accepted;
        hospitalId ??= string.Empty;
        var hospital = ReferenceEquals(hospitalId, _lastHospitalId) ? _lastHospital! : Of(_hospitals, hospitalId);
        _lastHospitalId = hospitalId;
        _lastHospital = hospital;
        hospital.Cases++;
        hospital.Issues += issues;
        Cases++;
        Issues += issues;
        switch (status)
        {
            case QcStatus.Rejected:
                hospital.Rejected++;
                Rejected++;
                break;
            case QcStatus.Warning:
                hospital.Warned++;
                Warned++;
                break;
            default:
                hospital.Accepted++;
                Accepted++;
                break;
        }

        return status;
    }

    /// <summary>Whether the issue at <paramref name="index"/> is the first of its code in the list (the case counts once).</summary>
    internal static bool FirstOfCode(IReadOnlyList<ValidationIssue> issues, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (string.Equals(issues[j].Code, issues[index].Code, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static Counts Of(Dictionary<string, Counts> table, string key)
    {
        if (!table.TryGetValue(key, out var counts))
        {
            table[key] = counts = new Counts();
        }

        return counts;
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<IssueSeverity> Severities(int bits) =>
        Array.AsReadOnly(new[] { IssueSeverity.Error, IssueSeverity.Warning, IssueSeverity.Info }.Where(s => (bits & (1 << (int)s)) != 0).ToArray());

    private static Dictionary<string, int> OrdinalsOfRules()
    {
        if (QcRules.All.Count > 64)
        {
            // The checker marks the rules a case already has in one 64-bit word.
            throw new InvalidOperationException("QcTally counts at most 64 rules.");
        }

        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < QcRules.All.Count; i++)
        {
            ordinals.Add(QcRules.All[i].Code, i);
        }

        return ordinals;
    }

    /// <summary>One code's or one hospital's counts.</summary>
    private sealed class Counts
    {
        public long Cases;
        public long Issues;
        public long Accepted;
        public long Warned;
        public long Rejected;
        public int Severities;

        public void Add(Counts other)
        {
            Cases += other.Cases;
            Issues += other.Issues;
            Accepted += other.Accepted;
            Warned += other.Warned;
            Rejected += other.Rejected;
            Severities |= other.Severities;
        }
    }
}
