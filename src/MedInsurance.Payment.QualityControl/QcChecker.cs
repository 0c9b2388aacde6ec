using System;
using System.Collections.Generic;
using System.Globalization;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.QualityControl;

/// <summary>
/// 结算清单质控 — checks settlement-list cases: the one basic rule set of Core (<see cref="InpatientCaseValidator"/>, the
/// same checks the case reader and the DRG and DIP preparation run), then completeness, dictionary and gray-code validity,
/// code editions and clinical logic (<see cref="QcRules"/>), under a <see cref="QcProfile"/> that switches rules off or
/// changes their severity.
/// </summary>
/// <remarks>Pure and thread-safe: one checker serves every thread. A clean case allocates nothing (its result is shared).</remarks>
public sealed class QcChecker
{
    private static readonly QcCaseResult Clean = new(null);
    private static readonly string[] DxFields = Fields("diagnoses", 64);
    private static readonly string[] PxFields = Fields("procedures", 64);

    private readonly QcProfile _profile;
    private readonly QcCodeDictionary? _dictionary;
    private readonly QcCodeLists _lists;
    private readonly Dictionary<string, Grade> _grades = new(StringComparer.Ordinal);

    /// <summary>The same grades by rule object (reference identity: one hash read from the object, not a hash of its code's
    /// characters), for the rules this checker adds itself — millions of issues in a province's year.</summary>
    private readonly Dictionary<QcRule, Grade> _gradeOfRule = new();
    private readonly Dictionary<string, CodeFacts> _dxFacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CodeFacts> _pxFacts = new(StringComparer.Ordinal);
    private readonly AsciiCodeTable<PackedFacts> _dxTable;
    private readonly AsciiCodeTable<PackedFacts> _pxTable;

    /// <summary>The dictionary's codes that the packed tables do not hold (longer than they pack — in 医保版 2.0 the 564
    /// dagger–asterisk diagnoses such as <c>A01.000x005+J17.0*</c>, of 33 307), with their facts: a code the tables miss is
    /// looked up among these few, whose entries stay in the cache, not among all the dictionary's codes
    /// (docs/performance.md, change 68).</summary>
    private readonly Dictionary<string, CodeFacts> _dxRest;
    private readonly Dictionary<string, CodeFacts> _pxRest;
    [ThreadStatic]
    private static int[]? t_slots;
    private long _touched;
    private readonly Lazy<CaseCodeVocabulary?> _vocabulary;

    /// <summary>Creates a checker.</summary>
    /// <param name="profile">The profile (<see cref="QcProfile.Default"/> for the national defaults); its lists are used.</param>
    /// <param name="dictionary">The edition's dictionary, or null to skip the dictionary, gray-code and edition rules.</param>
    public QcChecker(QcProfile profile, QcCodeDictionary? dictionary)
        : this(profile, dictionary, packedTable: true)
    {
    }

    /// <summary>Creates a checker; <paramref name="packedTable"/> false leaves the packed code table empty, so every code is
    /// looked up in the dictionary (the tests compare the two).</summary>
    internal QcChecker(QcProfile profile, QcCodeDictionary? dictionary, bool packedTable)
    {
        _profile = profile ?? throw new ArgumentNullException(nameof(profile));
        _dictionary = dictionary;
        _lists = profile.Lists;
        foreach (var rule in QcRules.All)
        {
            _grades[rule.Code] = _gradeOfRule[rule] = new Grade(rule, profile.IsEnabled(rule.Code), profile.SeverityOf(rule));
        }

        // Every dictionary code's facts (gray? on which lists?) once, so a case's code costs one lookup, not one per list.
        if (dictionary is not null)
        {
            foreach (var code in dictionary.Diagnoses)
            {
                _dxFacts[code] = Facts(code, CodeKind.Diagnosis, dictionary.IsGrayDiagnosis(code));
            }

            foreach (var code in dictionary.Procedures)
            {
                _pxFacts[code] = Facts(code, CodeKind.Procedure, dictionary.IsGrayProcedure(code));
            }
        }

        // The same facts for the codes that pack (almost all): one slot read a code instead of the dictionary's three places.
        _dxTable = new AsciiCodeTable<PackedFacts>(packedTable ? Packable(_dxFacts) : Array.Empty<KeyValuePair<string, PackedFacts>>());
        _pxTable = new AsciiCodeTable<PackedFacts>(packedTable ? Packable(_pxFacts) : Array.Empty<KeyValuePair<string, PackedFacts>>());
        _dxRest = Rest(_dxFacts, _dxTable);
        _pxRest = Rest(_pxFacts, _pxTable);
        _vocabulary = new Lazy<CaseCodeVocabulary?>(
            () => dictionary is null || !packedTable ? null : new CaseCodeVocabulary(Tags(_dxFacts), Tags(_pxFacts)),
            System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// 代码词表 — the dictionary's codes with their facts packed as tags, for the case reader
    /// (<see cref="CaseCodeVocabulary"/>): the reader then notes each known code's facts for the rows it converts, and the
    /// overloads taking <see cref="CaseCodeHints"/> take them from there instead of looking the codes up again (the same
    /// findings). Null without a dictionary (and for the tests' checker without the packed table). Built once, on first use.
    /// </summary>
    internal CaseCodeVocabulary? Vocabulary => _vocabulary.Value;

    /// <summary>方案 — the profile.</summary>
    public QcProfile Profile => _profile;

    /// <summary>字典 — the dictionary, or null.</summary>
    public QcCodeDictionary? Dictionary => _dictionary;

    /// <summary>Checks a case: the basic rule set, then the QC rules.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The result.</returns>
    public QcCaseResult Check(InpatientCase inpatientCase)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        List<ValidationIssue>? basic = null;
        InpatientCaseValidator.Validate(inpatientCase, ref basic);
        return Finish(basic, inpatientCase);
    }

    /// <summary>
    /// Checks a record of the case reader, whose issues already hold the reader's checks and the basic rule set (they are not
    /// run twice); a row the reader could not build keeps its reader issues and is rejected.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <returns>The result.</returns>
    public QcCaseResult Check(ReadRecord<InpatientCase> record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        return Check(record, default);
    }

    private QcCaseResult Check(ReadRecord<InpatientCase> record, KnownTags known)
    {
        if (record.Value is null)
        {
            // Not built (a malformed row, a missing column): nothing to check further; it stays rejected whatever the profile.
            return new QcCaseResult(record.Issues.Count == 0 ? null : record.Issues);
        }

        return Finish(record.Issues.Count == 0 ? null : new List<ValidationIssue>(record.Issues), record.Value, Unreadable(record.Issues), known);
    }

    /// <summary>
    /// Checks <paramref name="count"/> records of the case reader from <paramref name="first"/>, as
    /// <see cref="Check(ReadRecord{InpatientCase})"/> does one by one (the same results), into the same places of
    /// <paramref name="results"/>. The code table's slots of all their codes are read first, in a loop of independent loads,
    /// so that their cache misses overlap (docs/performance.md, change 21): call it on a few dozen records just read, whose
    /// codes are still in the core's cache.
    /// </summary>
    /// <param name="records">The records.</param>
    /// <param name="first">The first record to check.</param>
    /// <param name="count">How many.</param>
    /// <param name="results">Where the results go (at the records' indexes).</param>
    public void Check(IReadOnlyList<ReadRecord<InpatientCase>> records, int first, int count, QcCaseResult[] results) =>
        Check(records, first, count, results, hints: null);

    /// <summary>
    /// <see cref="Check(IReadOnlyList{ReadRecord{InpatientCase}}, int, int, QcCaseResult[])"/> with the tags the case reader
    /// noted for these records' known codes (read with <see cref="Vocabulary"/>, on this thread): a code with a hint is not
    /// looked up again. The results are the same.
    /// </summary>
    internal void Check(IReadOnlyList<ReadRecord<InpatientCase>> records, int first, int count, QcCaseResult[] results, CaseCodeHints? hints)
    {
        if (records is null || results is null)
        {
            throw new ArgumentNullException(records is null ? nameof(records) : nameof(results));
        }

        if (first < 0 || count < 0 || count > records.Count - first || count > results.Length - first)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "The records to check are outside the list or the results.");
        }

        if (_dictionary is not null)
        {
            ReadAhead(records, first, first + count, hints);
        }

        for (var i = first; i < first + count; i++)
        {
            results[i] = Check(records[i], new KnownTags(hints, records[i].RowNumber));
        }
    }

    /// <summary>
    /// Counts a record of the case reader in <paramref name="tally"/> as <see cref="Check(ReadRecord{InpatientCase})"/> would
    /// find it — the same rules, profile and conclusion — without building its issues or its result: for summaries of large
    /// files (<c>medpay monitor --check</c> without <c>--issues</c>), where millions of issue objects would only be counted.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="tally">Where it is counted (one per thread).</param>
    /// <returns>Its conclusion.</returns>
    public QcStatus Tally(ReadRecord<InpatientCase> record, QcTally tally)
    {
        if (record is null || tally is null)
        {
            throw new ArgumentNullException(record is null ? nameof(record) : nameof(tally));
        }

        return Tally(record, tally, default);
    }

    private QcStatus Tally(ReadRecord<InpatientCase> record, QcTally tally, KnownTags known)
    {
        var findings = new Counting(tally);
        var issues = record.Issues;
        if (record.Value is not { } c)
        {
            // As Check: a row the reader could not build keeps its reader issues as they are.
            for (var i = 0; i < issues.Count; i++)
            {
                findings.Add(issues[i], QcTally.FirstOfCode(issues, i));
            }

            return tally.AddCase(null, findings.Errors, findings.Warnings, findings.Issues);
        }

        for (var i = 0; i < issues.Count; i++)
        {
            // The profile applied as ApplyProfile applies it: a rule switched off is not counted, a rule's issue counts at its
            // profile severity, a reader's issue as the reader graded it.
            var issue = issues[i];
            if (!_grades.TryGetValue(issue.Code, out var grade))
            {
                findings.Add(issue, QcTally.FirstOfCode(issues, i));
            }
            else if (grade.Enabled)
            {
                findings.Add(grade, issue.Field, null);
            }
        }

        AddRules(c, Unreadable(issues), known, ref findings);
        return tally.AddCase(c.HospitalId, findings.Errors, findings.Warnings, findings.Issues);
    }

    /// <summary>
    /// Counts <paramref name="count"/> records of the case reader from <paramref name="first"/> as
    /// <see cref="Tally(ReadRecord{InpatientCase}, QcTally)"/> does one by one, with the code table's slots read first as
    /// <see cref="Check(IReadOnlyList{ReadRecord{InpatientCase}}, int, int, QcCaseResult[])"/> reads them.
    /// </summary>
    /// <param name="records">The records.</param>
    /// <param name="first">The first record to count.</param>
    /// <param name="count">How many.</param>
    /// <param name="tally">Where they are counted (one per thread).</param>
    /// <param name="statuses">Where their conclusions go (at the records' indexes).</param>
    public void Tally(IReadOnlyList<ReadRecord<InpatientCase>> records, int first, int count, QcTally tally, QcStatus[] statuses) =>
        Tally(records, first, count, tally, statuses, hints: null);

    /// <summary>
    /// <see cref="Tally(IReadOnlyList{ReadRecord{InpatientCase}}, int, int, QcTally, QcStatus[])"/> with the tags the case
    /// reader noted for these records' known codes (read with <see cref="Vocabulary"/>, on this thread): a code with a hint
    /// is not looked up again. The counts are the same.
    /// </summary>
    internal void Tally(IReadOnlyList<ReadRecord<InpatientCase>> records, int first, int count, QcTally tally, QcStatus[] statuses, CaseCodeHints? hints)
    {
        if (records is null || tally is null || statuses is null)
        {
            throw new ArgumentNullException(records is null ? nameof(records) : tally is null ? nameof(tally) : nameof(statuses));
        }

        if (first < 0 || count < 0 || count > records.Count - first || count > statuses.Length - first)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "The records to count are outside the list or the statuses.");
        }

        if (_dictionary is not null)
        {
            ReadAhead(records, first, first + count, hints);
        }

        for (var i = first; i < first + count; i++)
        {
            statuses[i] = Tally(records[i], tally, new KnownTags(hints, records[i].RowNumber));
        }
    }

    /// <summary>Reads the code table's slots of the records' codes: first finds them all, then reads them in a loop of
    /// independent loads. Changes nothing.</summary>
    private void ReadAhead(IReadOnlyList<ReadRecord<InpatientCase>> records, int first, int last, CaseCodeHints? hints)
    {
        var slots = t_slots ??= new int[1024];
        var count = 0;
        for (var i = first; i < last; i++)
        {
            if (records[i].Value is not { } c)
            {
                continue;
            }

            // The main diagnosis's text, which the main-diagnosis rules read first (CheckMain), is prefetched: converting
            // and checking the rows since its code was read can push it out of the core's cache (change 56; measured again
            // and kept after change 62 removed the reader's own read-ahead).
            CacheLine.Prefetch(c.MainDiagnosis.Value);

            // A code the reader noted a hint for is not looked up: only the others' slots are read. When there are as many
            // hints as the case lists codes (one per code read from the vocabulary, none for an empty one), there are almost
            // always none (a code a main column had too many of is hinted but not listed): at worst a read-ahead is missed.
            var known = new KnownTags(hints, records[i].RowNumber);
            var listed = (c.MainDiagnosis.IsEmpty ? 0 : 1) + c.SecondaryDiagnoses.Count + (c.MainProcedure.IsEmpty ? 0 : 1) + c.OtherProcedures.Count;
            if (listed > 0 && known.Count == listed)
            {
                continue;
            }

            if (!c.MainDiagnosis.IsEmpty && !known.Has(c.MainDiagnosis.Value))
            {
                Note(ref slots, ref count, _dxTable.SlotOf(c.MainDiagnosis.Value), procedure: false);
            }

            var secondary = c.SecondaryDiagnoses;
            for (var d = 0; d < secondary.Count; d++)
            {
                if (!secondary[d].IsEmpty && !known.Has(secondary[d].Value))
                {
                    Note(ref slots, ref count, _dxTable.SlotOf(secondary[d].Value), procedure: false);
                }
            }

            if (!c.MainProcedure.IsEmpty && !known.Has(c.MainProcedure.Value))
            {
                Note(ref slots, ref count, _pxTable.SlotOf(c.MainProcedure.Value), procedure: true);
            }

            var others = c.OtherProcedures;
            for (var p = 0; p < others.Count; p++)
            {
                if (!others[p].IsEmpty && !known.Has(others[p].Value))
                {
                    Note(ref slots, ref count, _pxTable.SlotOf(others[p].Value), procedure: true);
                }
            }
        }

        t_slots = slots;
        ulong touched = 0;
        for (var i = 0; i < count; i++)
        {
            var slot = slots[i];
            touched ^= slot >= 0 ? _dxTable.Touch(slot) : _pxTable.Touch(~slot);
        }

        System.Threading.Volatile.Write(ref _touched, (long)touched); // kept, so the loads above stay in the compiled code
    }

    /// <summary>Notes a slot found (a procedure's as its complement, so one array holds both).</summary>
    private static void Note(ref int[] slots, ref int count, int slot, bool procedure)
    {
        if (slot < 0)
        {
            return; // the code does not pack: the lookup goes to the dictionary
        }

        if (count == slots.Length)
        {
            Array.Resize(ref slots, count * 2);
        }

        slots[count++] = procedure ? ~slot : slot;
    }

    /// <summary>
    /// The fields the reader could not read (FIELD_INVALID): it filled them with a default (age 0, no date), so the rules
    /// that judge them would report the default, not the data — they are skipped; the reader's issue names the field.
    /// </summary>
    private static Unread Unreadable(IReadOnlyList<ValidationIssue> issues)
    {
        var unread = Unread.None;
        for (var i = 0; i < issues.Count; i++) // indexed: no enumerator to allocate per case
        {
            var issue = issues[i];
            if (issue.Code != IssueCodes.FieldInvalid)
            {
                continue;
            }

            unread |= issue.Field switch
            {
                "age" or "age_days" => Unread.Age,
                "sex" => Unread.Sex,
                "admission_date" => Unread.AdmissionDate,
                "discharge_date" => Unread.DischargeDate,
                "discharge_type" => Unread.DischargeType,
                "total_cost" => Unread.TotalCost,
                _ => Unread.None,
            };
        }

        return unread;
    }

    private QcCaseResult Finish(List<ValidationIssue>? issues, InpatientCase c, Unread unread = Unread.None, KnownTags known = default)
    {
        if (issues is not null)
        {
            ApplyProfile(issues);
        }

        var findings = new IssueList(issues);
        AddRules(c, unread, known, ref findings);
        return findings.Issues is null ? Clean : new QcCaseResult(findings.Issues);
    }

    /// <summary>Applies the profile to issues found elsewhere (basic checks): off rules dropped, severities changed.</summary>
    private void ApplyProfile(List<ValidationIssue> issues)
    {
        for (var i = issues.Count - 1; i >= 0; i--)
        {
            var issue = issues[i];
            if (!_grades.TryGetValue(issue.Code, out var grade))
            {
                continue; // a reader issue (FIELD_INVALID, ROW_MALFORMED …): kept as the reader graded it
            }

            if (!grade.Enabled)
            {
                issues.RemoveAt(i);
            }
            else if (grade.Severity != issue.Severity)
            {
                issues[i] = new ValidationIssue(issue.Code, issue.Field, grade.Severity, issue.MessageZh, issue.MessageEn, issue.Value);
            }
        }
    }

    private void AddRules<TFindings>(InpatientCase c, Unread unread, KnownTags known, ref TFindings findings)
        where TFindings : struct, IFindings
    {
        // Completeness (结算清单必填项).
        if (string.IsNullOrWhiteSpace(c.HospitalId))
        {
            Add(ref findings, QcRules.HospitalMissing, "hospital_id", null);
        }

        if (c.AdmissionDate is null && (unread & Unread.AdmissionDate) == 0)
        {
            Add(ref findings, QcRules.AdmissionDateMissing, "admission_date", null);
        }

        if (c.DischargeDate is null && (unread & Unread.DischargeDate) == 0)
        {
            Add(ref findings, QcRules.DischargeDateMissing, "discharge_date", null);
        }

        if (c.DischargeType == DischargeType.Unspecified && (unread & Unread.DischargeType) == 0)
        {
            Add(ref findings, QcRules.DischargeTypeMissing, "discharge_type", null);
        }

        if (c.Costs.Total.IsZero && (unread & Unread.TotalCost) == 0)
        {
            Add(ref findings, QcRules.TotalCostMissing, "total_cost", null);
        }

        if (c.AgeYears == 0 && c.AgeDays is null && (unread & Unread.Age) == 0)
        {
            Add(ref findings, QcRules.AgeDaysMissing, "age_days", null);
        }

        // Diagnoses: dictionary, gray codes, editions, sex and age lists; the main one's suitability.
        // Indexed loops, not AllDiagnoses()/AllProcedures(): no iterator to allocate per case. Field index: main first.
        var index = 0;
        if (!c.MainDiagnosis.IsEmpty)
        {
            CheckDiagnosis(c, unread, c.MainDiagnosis.Value, true, Field(DxFields, "diagnoses", index++), known, ref findings);
        }

        var secondary = c.SecondaryDiagnoses;
        for (var i = 0; i < secondary.Count; i++)
        {
            if (!secondary[i].IsEmpty)
            {
                CheckDiagnosis(c, unread, secondary[i].Value, false, Field(DxFields, "diagnoses", index), known, ref findings);
            }

            index++; // positions as AllDiagnoses() counts them (the basic checks' fields)
        }

        if (!c.MainDiagnosis.IsEmpty)
        {
            CheckMain(c, ref findings);
        }

        index = 0;
        if (!c.MainProcedure.IsEmpty)
        {
            CheckProcedure(c, unread, c.MainProcedure.Value, Field(PxFields, "procedures", index++), known, ref findings);
        }

        var others = c.OtherProcedures;
        for (var i = 0; i < others.Count; i++)
        {
            if (!others[i].IsEmpty)
            {
                CheckProcedure(c, unread, others[i].Value, Field(PxFields, "procedures", index), known, ref findings);
            }

            index++;
        }
    }

    private void CheckDiagnosis<TFindings>(InpatientCase c, Unread unread, string code, bool main, string field, KnownTags known, ref TFindings findings)
        where TFindings : struct, IFindings
    {
        var facts = Judge(CodeKind.Diagnosis, code, field, known, ref findings);
        CheckSexAndAge(c, unread, facts, QcRules.DiagnosisSexConflict, QcRules.DiagnosisAgeConflict, field, ref findings);
        if (main && facts.NotMain)
        {
            Add(ref findings, QcRules.MainDiagnosisNotAllowed, field, facts.Code);
        }
    }

    private void CheckMain<TFindings>(InpatientCase c, ref TFindings findings)
        where TFindings : struct, IFindings
    {
        var main = c.MainDiagnosis.Value;
        var letter = main[0];

        // 第二十章 V01–Y98: external causes are additional codes beside the nature of the injury (chapter XIX).
        if (letter is 'V' or 'W' or 'X' or 'Y')
        {
            Add(ref findings, QcRules.MainDiagnosisExternalCause, "diagnoses[0]", main);
        }

        // A bare asterisk code (the dictionaries hold asterisk codes only inside dagger+asterisk pairs such as A01.002+G01*).
        if (main[main.Length - 1] == '*' && main.IndexOf('+') < 0)
        {
            Add(ref findings, QcRules.MainDiagnosisAsterisk, "diagnoses[0]", main);
        }

        // Symptoms, signs and abnormal findings (chapter XVIII, R00–R99) as main while a definite diagnosis (chapters I–XVII,
        // XIX: A–Q, S–T) is reported.
        if (letter == 'R')
        {
            var secondary = c.SecondaryDiagnoses;
            for (var i = 0; i < secondary.Count; i++)
            {
                var first = secondary[i].IsEmpty ? ' ' : secondary[i].Value[0];
                if (first is (>= 'A' and <= 'Q') or 'S' or 'T')
                {
                    Add(ref findings, QcRules.MainDiagnosisSymptom, "diagnoses[0]", main);
                    break;
                }
            }
        }

        if (IsSequelae(main))
        {
            Add(ref findings, QcRules.MainDiagnosisSequelae, "diagnoses[0]", main);
        }
    }

    /// <summary>后遗症类目 — B90–B94, E64, E68, G09, I69, O97, T90–T98, Y85–Y89 (ICD-10 "sequelae of …" categories).</summary>
    internal static bool IsSequelae(string code)
    {
        if (code.Length < 3 || !CodeTextDigits(code, out var number))
        {
            return false;
        }

        return code[0] switch
        {
            'B' => number is >= 90 and <= 94,
            'E' => number is 64 or 68,
            'G' => number == 9,
            'I' => number == 69,
            'O' => number == 97,
            'T' => number is >= 90 and <= 98,
            'Y' => number is >= 85 and <= 89,
            _ => false,
        };
    }

    private static bool CodeTextDigits(string code, out int number)
    {
        number = 0;
        if (!(code[1] is >= '0' and <= '9') || !(code[2] is >= '0' and <= '9'))
        {
            return false;
        }

        number = ((code[1] - '0') * 10) + (code[2] - '0');
        return true;
    }

    private void CheckProcedure<TFindings>(InpatientCase c, Unread unread, string code, string field, KnownTags known, ref TFindings findings)
        where TFindings : struct, IFindings
    {
        var facts = Judge(CodeKind.Procedure, code, field, known, ref findings);
        CheckSexAndAge(c, unread, facts, QcRules.ProcedureSexConflict, QcRules.ProcedureAgeConflict, field, ref findings);
    }

    /// <summary>
    /// The dictionary's verdict on a code (in the edition, gray, of another edition mapped by a crosswalk, ambiguous or
    /// unknown) and the facts the clinical lists judge: the code's own, or the code the crosswalk gives — which is judged
    /// as if it had been written, gray included.
    /// </summary>
    private CodeFacts Judge<TFindings>(CodeKind kind, string code, string field, KnownTags tags, ref TFindings findings)
        where TFindings : struct, IFindings
    {
        if (_dictionary is not { } dictionary)
        {
            return Facts(code, kind, false);
        }

        var diagnosis = kind == CodeKind.Diagnosis;
        var gray = diagnosis ? QcRules.DiagnosisGray : QcRules.ProcedureGray;
        CodeFacts facts;
        if (tags.TryGet(code, out var packed) || (diagnosis ? _dxTable : _pxTable).TryGet(code, out packed))
        {
            // The table holds exactly the dictionary's facts of the codes that pack, and the reader's hint is one of them (the
            // vocabulary is built from the same facts, and a hint names the very string it was read as); a miss falls through
            // to the dictionary.
            facts = packed.Unpack(code);
            if (facts.Gray)
            {
                Add(ref findings, gray, field, code);
            }

            return facts;
        }

        // Not in the packed table: in the dictionary only if among the codes the table does not hold.
        if ((diagnosis ? _dxRest : _pxRest).TryGetValue(code, out facts))
        {
            if (facts.Gray)
            {
                Add(ref findings, gray, field, code);
            }

            return facts;
        }

        switch (dictionary.Map(code, kind, out var target))
        {
            case 1:
                Add(ref findings, diagnosis ? QcRules.DiagnosisEditionMapped : QcRules.ProcedureEditionMapped, field, target);
                facts = (diagnosis ? _dxFacts : _pxFacts)[target];
                if (facts.Gray)
                {
                    // A crosswalk may land on a gray code: the code the list would carry is still not for use.
                    Add(ref findings, gray, field, target);
                }

                return facts;
            case 2:
                Add(ref findings, QcRules.EditionMapAmbiguous, field, code);
                return Facts(code, kind, false);
            default:
                Add(ref findings, diagnosis ? QcRules.DiagnosisNotInDictionary : QcRules.ProcedureNotInDictionary, field, code);
                return Facts(code, kind, false);
        }
    }

    /// <summary>Sex- and age-specific codes (the region's lists) against the case's sex and age, when those were readable.</summary>
    private void CheckSexAndAge<TFindings>(InpatientCase c, Unread unread, CodeFacts facts, QcRule sexRule, QcRule ageRule, string field, ref TFindings findings)
        where TFindings : struct, IFindings
    {
        if (facts.Sex != Sex.Unknown && (unread & Unread.Sex) == 0 && c.Sex is Sex.Male or Sex.Female && c.Sex != facts.Sex)
        {
            Add(ref findings, sexRule, field, facts.Code);
        }

        if (facts.HasAge && (unread & Unread.Age) == 0 && facts.Age.Excludes(c))
        {
            Add(ref findings, ageRule, field, facts.Code);
        }
    }

    /// <summary>What the lists say about a code (and whether it is gray).</summary>
    private CodeFacts Facts(string code, CodeKind kind, bool gray)
    {
        if (kind == CodeKind.Diagnosis)
        {
            var hasAge = _lists.DiagnosisAge(code, out var range);
            return new CodeFacts(code, gray, _lists.DiagnosisSex(code), hasAge, range, _lists.IsNotMain(code));
        }

        var pxAge = _lists.ProcedureAge(code, out var pxRange);
        return new CodeFacts(code, gray, _lists.ProcedureSex(code), pxAge, pxRange, false);
    }

    private void Add<TFindings>(ref TFindings findings, QcRule rule, string field, string? value)
        where TFindings : struct, IFindings
    {
        var grade = _gradeOfRule[rule];
        if (grade.Enabled)
        {
            findings.Add(grade, field, value);
        }
    }

    private static string Field(string[] cache, string column, int index) =>
        index < cache.Length ? cache[index] : column + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static string[] Fields(string column, int count)
    {
        var fields = new string[count];
        for (var i = 0; i < count; i++)
        {
            fields[i] = column + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
        }

        return fields;
    }

    /// <summary>The entries of <paramref name="facts"/> that <paramref name="table"/> does not hold.</summary>
    private static Dictionary<string, CodeFacts> Rest(Dictionary<string, CodeFacts> facts, AsciiCodeTable<PackedFacts> table)
    {
        var rest = new Dictionary<string, CodeFacts>(StringComparer.Ordinal);
        foreach (var pair in facts)
        {
            if (!table.TryGet(pair.Key, out _))
            {
                rest.Add(pair.Key, pair.Value);
            }
        }

        return rest;
    }

    /// <summary>The codes whose facts pack, with their packed facts as vocabulary tags (the same entries as the packed table).</summary>
    private static IEnumerable<KeyValuePair<string, ulong>> Tags(Dictionary<string, CodeFacts> facts)
    {
        foreach (var pair in Packable(facts))
        {
            yield return new KeyValuePair<string, ulong>(pair.Key, pair.Value.ToTag());
        }
    }

    /// <summary>The entries whose facts fit a <see cref="PackedFacts"/> (every one the lists can produce; checked, not assumed).</summary>
    private static IEnumerable<KeyValuePair<string, PackedFacts>> Packable(Dictionary<string, CodeFacts> facts)
    {
        foreach (var pair in facts)
        {
            if (PackedFacts.TryPack(pair.Value, out var packed))
            {
                yield return new KeyValuePair<string, PackedFacts>(pair.Key, packed);
            }
        }
    }

    /// <summary>A code's facts in 6 bytes, for <see cref="AsciiCodeTable{T}"/>: ages (≤ 54 750 days or 150 years) as
    /// 16-bit numbers, the sex, and the flags.</summary>
    private readonly struct PackedFacts
    {
        private const byte GrayFlag = 1, HasAgeFlag = 2, InDaysFlag = 4, NotMainFlag = 8;
        private readonly ushort _min;
        private readonly ushort _max;
        private readonly byte _sex;
        private readonly byte _flags;

        private PackedFacts(ushort min, ushort max, byte sex, byte flags)
        {
            _min = min;
            _max = max;
            _sex = sex;
            _flags = flags;
        }

        public static bool TryPack(CodeFacts facts, out PackedFacts packed)
        {
            packed = default;
            if (facts.Age.Min < 0 || facts.Age.Min > ushort.MaxValue || facts.Age.Max < 0 || facts.Age.Max > ushort.MaxValue || (int)facts.Sex < 0 || (int)facts.Sex > byte.MaxValue)
            {
                return false;
            }

            var flags = (facts.Gray ? GrayFlag : 0) | (facts.HasAge ? HasAgeFlag : 0) | (facts.Age.InDays ? InDaysFlag : 0) | (facts.NotMain ? NotMainFlag : 0);
            packed = new PackedFacts((ushort)facts.Age.Min, (ushort)facts.Age.Max, (byte)facts.Sex, (byte)flags);
            return true;
        }

        /// <summary>The packed facts as one word (a vocabulary tag): ages, sex and flags in the low 48 bits.</summary>
        public ulong ToTag() => _min | ((ulong)_max << 16) | ((ulong)_sex << 32) | ((ulong)_flags << 40);

        /// <summary>The packed facts of a tag made by <see cref="ToTag"/>.</summary>
        public static PackedFacts FromTag(ulong tag) => new((ushort)(tag & 0xFFFF), (ushort)((tag >> 16) & 0xFFFF), (byte)((tag >> 32) & 0xFF), (byte)((tag >> 40) & 0xFF));

        /// <summary>The facts again, for the case's own text of the code (the same text as the dictionary's).</summary>
        public CodeFacts Unpack(string code) =>
            new(code, (_flags & GrayFlag) != 0, (Sex)_sex, (_flags & HasAgeFlag) != 0, AgeRange.Of(_min, _max, (_flags & InDaysFlag) != 0), (_flags & NotMainFlag) != 0);
    }

    /// <summary>The reader's hints for one record (none by default): its known codes' facts, by the very string read.</summary>
    private readonly struct KnownTags
    {
        private readonly CaseCodeHints? _hints;
        private readonly int _row;

        public KnownTags(CaseCodeHints? hints, int row)
        {
            _hints = hints;
            _row = row;
        }

        public bool Has(string code) => _hints is { } hints && hints.TryGet(_row, code, out _);

        /// <summary>How many of the row's codes have a tag.</summary>
        public int Count => _hints is { } hints ? hints.CountOf(_row) : 0;

        public bool TryGet(string code, out PackedFacts packed)
        {
            if (_hints is { } hints && hints.TryGet(_row, code, out var tag))
            {
                packed = PackedFacts.FromTag(tag);
                return true;
            }

            packed = default;
            return false;
        }
    }

    /// <summary>One code's facts: gray, and what the region's lists say.</summary>
    private readonly struct CodeFacts
    {
        public CodeFacts(string code, bool gray, Sex sex, bool hasAge, AgeRange age, bool notMain)
        {
            Code = code;
            Gray = gray;
            Sex = sex;
            HasAge = hasAge;
            Age = age;
            NotMain = notMain;
        }

        public string Code { get; }

        public bool Gray { get; }

        public Sex Sex { get; }

        public bool HasAge { get; }

        public AgeRange Age { get; }

        public bool NotMain { get; }
    }

    /// <summary>Where the rules' findings go. A struct per use, so that each use's rule code is compiled for it (no interface
    /// call per finding).</summary>
    private interface IFindings
    {
        /// <summary>A rule's finding under the profile (<paramref name="grade"/> is enabled).</summary>
        void Add(Grade grade, string field, string? value);
    }

    /// <summary>The findings as issues (<see cref="Check(ReadRecord{InpatientCase})"/>).</summary>
    private struct IssueList : IFindings
    {
        public IssueList(List<ValidationIssue>? issues) => Issues = issues;

        public List<ValidationIssue>? Issues { get; private set; }

        public void Add(Grade grade, string field, string? value) =>
            (Issues ??= new List<ValidationIssue>()).Add(value is null ? grade.Plain(field) : grade.Rule.Issue(grade.Severity, field, value));
    }

    /// <summary>The findings counted in a tally, with the case's own counts of errors, warnings and issues, and the rules it
    /// already has (so a case counts once under each).</summary>
    private struct Counting : IFindings
    {
        private readonly QcTally _tally;
        private ulong _rulesSeen;

        public Counting(QcTally tally)
        {
            _tally = tally;
            _rulesSeen = 0;
            Errors = 0;
            Warnings = 0;
            Issues = 0;
        }

        public int Errors { get; private set; }

        public int Warnings { get; private set; }

        public int Issues { get; private set; }

        public void Add(Grade grade, string field, string? value)
        {
            var bit = 1UL << grade.Ordinal;
            _tally.AddRule(grade.Ordinal, grade.Severity, (_rulesSeen & bit) == 0);
            _rulesSeen |= bit;
            Count(grade.Severity);
        }

        /// <summary>An issue kept as the reader graded it.</summary>
        public void Add(ValidationIssue issue, bool firstOfCode)
        {
            _tally.AddIssue(issue.Code, issue.Severity, firstOfCode);
            Count(issue.Severity);
        }

        private void Count(IssueSeverity severity)
        {
            Issues++;
            Errors += severity == IssueSeverity.Error ? 1 : 0;
            Warnings += severity == IssueSeverity.Warning ? 1 : 0;
        }
    }

    [Flags]
    private enum Unread
    {
        None = 0,
        Age = 1,
        Sex = 2,
        AdmissionDate = 4,
        DischargeDate = 8,
        DischargeType = 16,
        TotalCost = 32,
    }

    /// <summary>A rule under the profile: on or off, its severity, and its valueless issue made once.</summary>
    private sealed class Grade
    {
        private readonly QcRule _rule;
        private ValidationIssue? _plain;

        public Grade(QcRule rule, bool enabled, IssueSeverity severity)
        {
            _rule = rule;
            Enabled = enabled;
            Severity = severity;
            Ordinal = QcTally.OrdinalOf(rule);
        }

        public QcRule Rule => _rule;

        /// <summary>The rule's place in <see cref="QcRules.All"/> (below 64: one bit of a case's rules seen).</summary>
        public int Ordinal { get; }

        public bool Enabled { get; }

        public IssueSeverity Severity { get; }

        /// <summary>The issue without a value at the rule's own field (cached: millions of cases report the same one).</summary>
        public ValidationIssue Plain(string field)
        {
            if (field == _rule.Field)
            {
                return _plain ??= _rule.Issue(Severity, field, null);
            }

            return _rule.Issue(Severity, field, null);
        }
    }
}
