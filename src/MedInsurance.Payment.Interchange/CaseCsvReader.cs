using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Validation;
using C = MedInsurance.Payment.Interchange.CaseCsvColumns;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 病例CSV读取 — reads settlement-list cases from the case CSV format (header row, <c>|</c> between codes), streaming:
/// memory stays bounded whatever the file size.
/// </summary>
/// <remarks>
/// <para>Every data row yields exactly one <see cref="ReadRecord{T}"/>, in file order: a case, or a rejected row with
/// coded issues naming each bad column (never its value). Nothing throws on bad data; only I/O failures and null
/// arguments do. Each row is also checked by <see cref="InpatientCaseValidator"/>.</para>
/// <para>Rows are split by a byte-level RFC 4180 reader (see <c>docs/performance.md</c> for why not a CSV library): a
/// quote that is not closed rejects only the line it opened on and reading resumes at the next line; a field or row
/// past the limits of <see cref="CsvReadOptions"/> is a coded rejection; bytes that are not valid in the file's
/// encoding reject their row (<c>TEXT_ENCODING_INVALID</c>), never decoded into replacement characters; amounts are
/// read strictly (<c>1234.56</c> or <c>1,234.56</c>, at most two decimals; <c>1,5</c> is invalid).</para>
/// <para>Header names: the format's own (<see cref="CaseCsvColumns"/>), the national settlement-list names
/// (<see cref="CaseHeaderMap.National"/>) and, with the overloads that take one, a HIS's own names
/// (<see cref="CaseHeaderMap"/>); two header cells naming the same column reject every row (<c>COLUMN_DUPLICATED</c>).</para>
/// <para>Thread-safe (no shared state); each enumeration reads on the calling thread.</para>
/// </remarks>
public static class CaseCsvReader
{
    /// <summary>
    /// 分块行数 — the most records in a block of <see cref="ReadInParallel{TResult}(Stream, CsvReadOptions, CaseHeaderMap, int, Func{IReadOnlyList{ReadRecord{InpatientCase}}, TResult}, Action{IReadOnlyList{ReadRecord{InpatientCase}}, TResult})"/>: enough to amortise a block's
    /// hand-over, few enough that the blocks in flight stay a few MB. A caller sizing per-block buffers uses this.
    /// </summary>
    public const int ParallelBlockSize = 1_024;

    private static readonly string[] RequiredColumns = { C.Id, C.Diagnoses };

    /// <summary>Reads a case CSV file (encoding detected: BOM, else UTF-8 when valid, else GB18030).</summary>
    /// <param name="path">The file path.</param>
    /// <returns>One record per data row, in order.</returns>
    public static IReadOnlyList<ReadRecord<InpatientCase>> ReadFile(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return ReadIterator(CsvTables.OpenFile(path, CsvReadOptions.Default), null).ToList();
    }

    /// <summary>Reads case CSV text lazily, one record per data row.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The records, in order.</returns>
    public static IEnumerable<ReadRecord<InpatientCase>> Read(TextReader reader) => Read(reader, CsvReadOptions.Default, null);

    /// <summary>Reads case CSV text lazily under the given limits, one record per data row.</summary>
    /// <param name="reader">The text (already decoded: <see cref="CsvReadOptions.Encoding"/> is not used).</param>
    /// <param name="options">The limits.</param>
    /// <param name="completed">Called once when the enumeration reaches the end, with the rows in and out.</param>
    /// <returns>The records, in order.</returns>
    public static IEnumerable<ReadRecord<InpatientCase>> Read(TextReader reader, CsvReadOptions options, Action<CsvReadReport>? completed)
    {
        if (reader is null || options is null)
        {
            throw new ArgumentNullException(reader is null ? nameof(reader) : nameof(options));
        }

        return ReadIterator(CsvInput.Open(reader, options), completed);
    }

    /// <summary>Reads a case CSV byte stream lazily in the encoding of <paramref name="options"/>, one record per data row.</summary>
    /// <param name="stream">The bytes (left open).</param>
    /// <param name="options">The encoding (<c>auto</c>, <c>utf-8</c>, <c>gb18030</c>) and limits.</param>
    /// <param name="completed">Called once when the enumeration reaches the end, with the rows in and out and the encoding used.</param>
    /// <returns>The records, in order.</returns>
    public static IEnumerable<ReadRecord<InpatientCase>> Read(Stream stream, CsvReadOptions options, Action<CsvReadReport>? completed)
    {
        if (stream is null || options is null)
        {
            throw new ArgumentNullException(stream is null ? nameof(stream) : nameof(options));
        }

        return ReadIterator(CsvInput.Open(stream, options, ownsStream: false), completed);
    }

    /// <summary>
    /// Reads case CSV text lazily with a header map: header cells named in <paramref name="headerMap"/> (a HIS's own
    /// names, <see cref="CaseHeaderMap.Read(TextReader, string)"/>) are read as the case columns they map to, before the
    /// national names (<see cref="CaseHeaderMap.National"/>) and the format's own.
    /// </summary>
    /// <param name="reader">The text (already decoded).</param>
    /// <param name="options">The limits.</param>
    /// <param name="headerMap">表头映射, or null for the national names and the format's own only.</param>
    /// <param name="completed">Called once when the enumeration reaches the end, with the rows in and out.</param>
    /// <returns>The records, in order.</returns>
    public static IEnumerable<ReadRecord<InpatientCase>> Read(TextReader reader, CsvReadOptions options, CaseHeaderMap? headerMap, Action<CsvReadReport>? completed)
    {
        if (reader is null || options is null)
        {
            throw new ArgumentNullException(reader is null ? nameof(reader) : nameof(options));
        }

        return ReadIterator(CsvInput.Open(reader, options), headerMap, completed);
    }

    /// <summary>Reads a case CSV byte stream lazily with a header map (see <see cref="Read(TextReader, CsvReadOptions, CaseHeaderMap, Action{CsvReadReport})"/>).</summary>
    /// <param name="stream">The bytes (left open).</param>
    /// <param name="options">The encoding and limits.</param>
    /// <param name="headerMap">表头映射, or null for the national names and the format's own only.</param>
    /// <param name="completed">Called once when the enumeration reaches the end, with the rows in and out and the encoding used.</param>
    /// <returns>The records, in order.</returns>
    public static IEnumerable<ReadRecord<InpatientCase>> Read(Stream stream, CsvReadOptions options, CaseHeaderMap? headerMap, Action<CsvReadReport>? completed)
    {
        if (stream is null || options is null)
        {
            throw new ArgumentNullException(stream is null ? nameof(stream) : nameof(options));
        }

        return ReadIterator(CsvInput.Open(stream, options, ownsStream: false), headerMap, completed);
    }

    /// <summary>
    /// Reads a case CSV byte stream on several cores and hands the records back block by block, in file order, with
    /// memory bounded whatever the file size: the calling thread splits the rows and checks ids for duplicates (the work
    /// that depends on earlier rows) and receives each block with its result in file order (<paramref name="consume"/>:
    /// writing); <paramref name="threads"/> − 1 other threads, and the calling thread when it is free, convert and
    /// validate blocks of rows and run <paramref name="transform"/> on each (grouping, scoring …). The records are the same, row for row, as
    /// <see cref="Read(Stream, CsvReadOptions, CaseHeaderMap, Action{CsvReadReport})"/> gives, whatever the thread count.
    /// </summary>
    /// <typeparam name="TResult">What <paramref name="transform"/> computes for a block.</typeparam>
    /// <param name="stream">The bytes (left open).</param>
    /// <param name="options">The encoding and limits.</param>
    /// <param name="headerMap">表头映射, or null for the national names and the format's own only.</param>
    /// <param name="threads">Threads doing the work, the calling thread included (at least 1; 1 runs everything on the calling thread).</param>
    /// <param name="transform">Called on any of the threads for each block of records (at most <see cref="ParallelBlockSize"/>, in file order within the block); must be thread-safe across blocks.</param>
    /// <param name="consume">Called on the calling thread for each block and its result, in file order; the list is reused after it returns.</param>
    /// <returns>The rows in and out and the encoding used.</returns>
    public static CsvReadReport ReadInParallel<TResult>(
        Stream stream,
        CsvReadOptions options,
        CaseHeaderMap? headerMap,
        int threads,
        Func<IReadOnlyList<ReadRecord<InpatientCase>>, TResult> transform,
        Action<IReadOnlyList<ReadRecord<InpatientCase>>, TResult> consume) =>
        ReadInParallel(stream, options, headerMap, threads, transform, consume, converted: null, vocabulary: null);

    /// <summary>
    /// <see cref="ReadInParallel{TResult}(Stream, CsvReadOptions, CaseHeaderMap, int, Func{IReadOnlyList{ReadRecord{InpatientCase}}, TResult}, Action{IReadOnlyList{ReadRecord{InpatientCase}}, TResult})"/>
    /// with <paramref name="converted"/> called on the converting thread after each run of at most 64 records of a block is
    /// converted (the block's records so far, the run's first index, its count, and the thread's <see cref="CaseCodeHints"/>),
    /// before the block's transform: for work on each record while what its conversion touched is still in the core's cache
    /// (<c>medpay check</c> and <c>medpay monitor --check</c> check it there). With a <paramref name="vocabulary"/> of known codes
    /// (a checker's dictionary, <see cref="CaseCodeVocabulary"/>) the records are the same, and the hints hold the tags of the
    /// known codes of the rows just converted (null without a vocabulary).
    /// </summary>
    internal static CsvReadReport ReadInParallel<TResult>(
        Stream stream,
        CsvReadOptions options,
        CaseHeaderMap? headerMap,
        int threads,
        Func<IReadOnlyList<ReadRecord<InpatientCase>>, TResult> transform,
        Action<IReadOnlyList<ReadRecord<InpatientCase>>, TResult> consume,
        Action<IReadOnlyList<ReadRecord<InpatientCase>>, int, int, CaseCodeHints?>? converted,
        CaseCodeVocabulary? vocabulary)
    {
        if (stream is null || options is null || transform is null || consume is null)
        {
            throw new ArgumentNullException(stream is null ? nameof(stream) : options is null ? nameof(options) : transform is null ? nameof(transform) : nameof(consume));
        }

        if (threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), "At least one thread.");
        }

        using var input = CsvInput.Open(stream, options, ownsStream: false);
        if (OpenHeader(input, headerMap, out var duplicates) is not { } header)
        {
            return CsvTables.Report(input, 0, 0);
        }

        var splitting = new CaseRows(input, header, duplicates, vocabulary: null);
        long accepted = 0;
        var rows = CsvBlockPipeline.Run<RowStart, ReadRecord<InpatientCase>, TResult>(
            input,
            threads,
            ParallelBlockSize,
            splitting.StartDeferred,
            replay =>
            {
                var converting = new CaseRows(replay, header, duplicates, vocabulary);
                var hints = converting.Hints;
                Action<IReadOnlyList<ReadRecord<InpatientCase>>, int, int>? runConverted = converted is null ? null : (records, first, count) => converted(records, first, count, hints);
                return (converting.Read, runConverted);
            },
            transform,
            (records, result) =>
            {
                for (var i = 0; i < records.Count; i++)
                {
                    accepted += records[i].IsRejected ? 0 : 1;
                }

                consume(records, result);
            },
            splitting.FinishStarts);
        return CsvTables.Report(input, rows, accepted);
    }

    private static IEnumerable<ReadRecord<InpatientCase>> ReadIterator(CsvInput input, Action<CsvReadReport>? completed) => ReadIterator(input, null, completed);

    /// <summary>The header read and mapped (null for an empty file), with the pairs of header cells that name the same column.</summary>
    private static HeaderIndex? OpenHeader(CsvInput input, CaseHeaderMap? headerMap, out List<(string Target, string First, string Second)> duplicates)
    {
        duplicates = new List<(string Target, string First, string Second)>();
        return CsvTables.ReadHeader(input)?.Mapped(name => headerMap?.TargetOf(name) ?? CaseHeaderMap.National.TargetOf(name), duplicates);
    }

    private static IEnumerable<ReadRecord<InpatientCase>> ReadIterator(CsvInput input, CaseHeaderMap? headerMap, Action<CsvReadReport>? completed)
    {
        using (input)
        {
            if (OpenHeader(input, headerMap, out var duplicates) is not { } header)
            {
                completed?.Invoke(CsvTables.Report(input, 0, 0));
                yield break;
            }

            var rows = new CaseRows(input, header, duplicates, vocabulary: null);
            long row = 0, accepted = 0;
            while (input.MoveNext())
            {
                row++;
                var record = rows.Read(checked((int)row));
                accepted += record.IsRejected ? 0 : 1;
                yield return record;
            }

            completed?.Invoke(CsvTables.Report(input, row, accepted));
        }
    }

    /// <summary>The part of a row read in file order: its structural problem (null when none), its id, whether the id repeats an earlier row's.</summary>
    private readonly struct RowStart
    {
        public RowStart(ValidationIssue? problem, string id, bool duplicate)
        {
            Problem = problem;
            Id = id;
            Duplicate = duplicate;
        }

        public ValidationIssue? Problem { get; }

        public string Id { get; }

        public bool Duplicate { get; }
    }

    /// <summary>The per-file state of the case reader: column positions, caches of parsed codes and values, ids seen.</summary>
    private sealed class CaseRows
    {
        private readonly CsvInput _input;
        private readonly HeaderIndex _header;
        private readonly FieldReader _f;
        private readonly string[] _missing;
        /// <summary>The rows after which the id set is sized for the whole file (<see cref="IdSet.Reserve"/>).</summary>
        private const int ReserveAfterRows = 1000;

        private readonly IdSet _ids = new();
        private string?[] _blockIds = Array.Empty<string?>();
        private bool[] _blockAdded = Array.Empty<bool>();

        /// <summary>With a vocabulary, a cache that holds this many codes is large: the codes outside the vocabulary (another
        /// edition, lower case) are many, so the cache is asked first, as without a vocabulary.</summary>
        private const int LargeCache = 4_096;
        private readonly ByteKeyCache<DiagnosisCode> _diagnoses = new(1 << 17); // up to 65 536 codes: the whole ICD-10 医保版 in use in a region
        private readonly ByteKeyCache<ProcedureCode> _procedures = new(1 << 16);
        private readonly ByteKeyCache<Sex> _sexes = new(64);
        private readonly ByteKeyCache<InsuranceFund> _funds = new(64);
        private readonly ByteKeyCache<PaymentMethod> _methods = new(64);
        private readonly ByteKeyCache<AdmissionRoute> _routes = new(64);
        private readonly KnownCodeTable<DiagnosisCode>? _knownDiagnoses;
        private readonly KnownCodeTable<ProcedureCode>? _knownProcedures;
        private readonly List<DiagnosisCode> _secondary = new();
        private readonly List<ProcedureCode> _others = new();
        private readonly List<DiagnosisCode> _moreDiagnoses = new();
        private readonly CodeProbes _diagnosisProbes = new();
        private readonly CodeProbes _procedureProbes = new();
        private readonly List<ProcedureCode> _moreProcedures = new();
        private readonly ValidationIssue[] _headerIssues;
        private readonly int _mainDx, _otherDx, _mainPx, _otherPx;
        private readonly int _id, _hospital, _fund, _sex, _age, _ageDays, _birthWeight, _admissionWeight, _admission, _discharge, _los,
            _dischargeType, _dx, _px, _icu, _total, _drug, _consumable, _treatment, _surgery, _examination, _other, _fundPaid, _patientPaid, _method,
            _patientId, _route, _outOfCatalog;

        /// <summary>The header index of each national charge item (<see cref="NationalChargeItems.Items"/>), −1 when absent.</summary>
        private readonly int[] _charges;
        private readonly bool _anyCharge;
        private long _started;

        public CaseRows(CsvInput input, HeaderIndex header, List<(string Target, string First, string Second)> duplicates, CaseCodeVocabulary? vocabulary)
        {
            _input = input;
            _knownDiagnoses = vocabulary?.Diagnoses;
            _knownProcedures = vocabulary?.Procedures;
            Hints = vocabulary is null ? null : new CaseCodeHints();
            _header = header;
            _f = new FieldReader(input, header.IndexOf);
            _missing = RequiredColumns.Where(c => !header.Has(c) && !(c == C.Diagnoses && header.Has(C.MainDiagnosis))).ToArray();
            var headerIssues = duplicates
                .Select(d => ValidationIssue.Error(
                    IssueCodes.ColumnDuplicated, d.Target, "表头中有两列对应同一字段（" + d.First + "、" + d.Second + "）", "Two header columns ('" + d.First + "', '" + d.Second + "') map to the same column."))
                .ToList();
            foreach (var (combined, main, other) in new[] { (C.Diagnoses, C.MainDiagnosis, C.OtherDiagnoses), (C.Procedures, C.MainProcedure, C.OtherProcedures) })
            {
                if (header.Has(combined) && (header.Has(main) || header.Has(other)))
                {
                    headerIssues.Add(ValidationIssue.Error(
                        IssueCodes.ColumnDuplicated, combined, "表头同时有" + combined + "与" + main + "/" + other, "The header has both '" + combined + "' and '" + main + "'/'" + other + "'."));
                }
            }

            _charges = NationalChargeItems.Items.Select(i => header.IndexOf(i.Column)).ToArray();
            _anyCharge = _charges.Any(i => i >= 0);
            foreach (var into in NationalChargeItems.Items.Select(i => i.Into).Distinct())
            {
                var items = NationalChargeItems.Items.Where(i => i.Into == into && header.Has(i.Column)).Select(i => i.Column).ToArray();
                if (header.Has(into) && items.Length > 0)
                {
                    headerIssues.Add(ValidationIssue.Error(
                        IssueCodes.ColumnDuplicated, into, "表头同时有" + into + "与汇入它的收费项目列（" + string.Join("、", items) + "）", "The header has both '" + into + "' and the charge items that sum into it (" + string.Join(", ", items) + ")."));
                }
            }

            _headerIssues = headerIssues.ToArray();
            _mainDx = header.IndexOf(C.MainDiagnosis);
            _otherDx = header.IndexOf(C.OtherDiagnoses);
            _mainPx = header.IndexOf(C.MainProcedure);
            _otherPx = header.IndexOf(C.OtherProcedures);
            _id = header.IndexOf(C.Id);
            _hospital = header.IndexOf(C.HospitalId);
            _fund = header.IndexOf(C.Fund);
            _sex = header.IndexOf(C.Sex);
            _age = header.IndexOf(C.Age);
            _ageDays = header.IndexOf(C.AgeDays);
            _birthWeight = header.IndexOf(C.BirthWeight);
            _admissionWeight = header.IndexOf(C.AdmissionWeight);
            _admission = header.IndexOf(C.AdmissionDate);
            _discharge = header.IndexOf(C.DischargeDate);
            _los = header.IndexOf(C.LengthOfStay);
            _dischargeType = header.IndexOf(C.DischargeType);
            _dx = header.IndexOf(C.Diagnoses);
            _px = header.IndexOf(C.Procedures);
            _icu = header.IndexOf(C.IcuDays);
            _total = header.IndexOf(C.TotalCost);
            _drug = header.IndexOf(C.DrugCost);
            _consumable = header.IndexOf(C.ConsumableCost);
            _treatment = header.IndexOf(C.TreatmentCost);
            _surgery = header.IndexOf(C.SurgeryCost);
            _examination = header.IndexOf(C.ExaminationCost);
            _other = header.IndexOf(C.OtherCost);
            _fundPaid = header.IndexOf(C.FundPaid);
            _patientPaid = header.IndexOf(C.PatientPaid);
            _method = header.IndexOf(C.PaymentMethod);
            _patientId = header.IndexOf(C.PatientId);
            _route = header.IndexOf(C.AdmissionRoute);
            _outOfCatalog = header.IndexOf(C.OutOfCatalogCost);
        }

        /// <summary>The tags of the known codes of the rows this instance converted last (null without a vocabulary).</summary>
        public CaseCodeHints? Hints { get; }

        /// <summary>Reads the current row: <see cref="Start"/> then <see cref="Read(int, RowStart)"/>, on one thread.</summary>
        public ReadRecord<InpatientCase> Read(int row) => Read(row, Start());

        /// <summary>
        /// What must be known of the current row in file order (so on the splitting thread when rows are converted on
        /// several): its structural problem, its id, and whether that id was seen on an earlier row of the file.
        /// </summary>
        public RowStart Start()
        {
            var start = StartDeferred();
            return start.Problem is null && start.Id.Length > 0 && !_ids.Add(start.Id) ? new RowStart(null, start.Id, duplicate: true) : start;
        }

        /// <summary>
        /// <see cref="Start"/> without the duplicate-id check, which <see cref="FinishStarts"/> then does for a block of
        /// rows at once (in file order, so each row is marked exactly as <see cref="Start"/> would mark it).
        /// </summary>
        public RowStart StartDeferred()
        {
            if (++_started == ReserveAfterRows)
            {
                // Size the id set for the whole file once (when its length is known), from the bytes the first rows took.
                var expected = _input.Rows.EstimateRecords(_started);
                if (expected > 0)
                {
                    var ids = Math.Min(expected, IdSet.MaxReserve);
                    _ids.Reserve(ids + (ids / 16));
                }
            }

            if (CsvTables.RowProblem(_input, _header, out var undecodable) is { } problem)
            {
                // A row that cannot be split or decoded is not read further: only its id, when it is readable.
                var badId = undecodable && _input.FindUndecodable() == _id ? string.Empty : _f.Text(_id);
                return new RowStart(problem, badId, duplicate: false);
            }

            return new RowStart(null, _f.Text(_id), duplicate: false);
        }

        /// <summary>The duplicate-id check of a block of rows started with <see cref="StartDeferred"/>, in file order.</summary>
        public void FinishStarts(RowStart[] starts, int count)
        {
            if (_blockIds.Length < count)
            {
                _blockIds = new string?[count];
                _blockAdded = new bool[count];
            }

            for (var i = 0; i < count; i++)
            {
                // A row with a structural problem is not checked (Start does not check it either).
                _blockIds[i] = starts[i].Problem is null ? starts[i].Id : null;
            }

            _ids.Add(_blockIds, count, _blockAdded);
            for (var i = 0; i < count; i++)
            {
                if (!_blockAdded[i])
                {
                    starts[i] = new RowStart(null, starts[i].Id, duplicate: true);
                }

                _blockIds[i] = null;
            }
        }

        /// <summary>The next code of an ASCII code field (up to the next <c>|</c>), and the rest after it; <paramref name="last"/>
        /// when there is no separator left.</summary>
        /// <remarks>A code is a few bytes: a plain loop finds its end before a vectorised <c>IndexOf</c> call has set up
        /// (docs/performance.md, change 61).</remarks>
        private static ReadOnlySpan<byte> NextCode(ref ReadOnlySpan<byte> rest, out bool last)
        {
            var end = 0;
            while ((uint)end < (uint)rest.Length && rest[end] != (byte)C.CodeSeparator)
            {
                end++;
            }

            last = end == rest.Length;
            var piece = last ? rest : rest.Slice(0, end);
            rest = last ? default : rest.Slice(end + 1);
            return piece;
        }

        /// <summary>Converts the current row, whose <see cref="Start"/> is given (any thread; one per <see cref="CaseRows"/>).</summary>
        public ReadRecord<InpatientCase> Read(int row, RowStart start)
        {
            Hints?.Begin(row);
            var issues = _f.Issues;
            issues.Clear();
            foreach (var column in _missing)
            {
                issues.Add(CsvTables.MissingColumn(column));
            }

            issues.AddRange(_headerIssues);

            if (start.Problem is { } problem)
            {
                issues.Add(problem);
                return new ReadRecord<InpatientCase>(row, start.Id, null, CsvTables.Snapshot(issues));
            }

            var id = start.Id;
            InpatientCase? value = null;
            if (_missing.Length == 0 && _headerIssues.Length == 0)
            {
                value = BuildCase(id, out var interned);
                List<ValidationIssue>? validated = issues;
                InpatientCaseValidator.Validate(value, ref validated, interned);
            }

            if (start.Duplicate)
            {
                issues.Add(ValidationIssue.Error(
                    IssueCodes.CaseIdDuplicated, C.Id, "病例号“" + id + "”在本批次中重复", "The case id '" + id + "' occurs more than once in this batch."));
            }

            return new ReadRecord<InpatientCase>(row, id, value, CsvTables.Snapshot(issues));
        }

        /// <summary>Builds the current row's case; <paramref name="interned"/> says which code lists came wholly from the
        /// vocabulary (one string per code text: the basic checks find their repeats by reference).</summary>
        private InpatientCase BuildCase(string id, out InternedCodes interned)
        {
            var f = _f;
            var dxInterned = true;
            var pxInterned = true;
            Prepare(_diagnosisProbes, _dx, _knownDiagnoses, _diagnoses);
            Prepare(_procedureProbes, _px, _knownProcedures, _procedures);
            var mainDiagnosis = _dx >= 0 || _mainDx < 0
                ? Codes(_dx, C.Diagnoses, _knownDiagnoses, _diagnoses, _secondary, DiagnosisCode.Read, ref dxInterned, _diagnosisProbes)
                : SplitCodes(_mainDx, C.MainDiagnosis, _otherDx, C.OtherDiagnoses, _knownDiagnoses, _diagnoses, _secondary, _moreDiagnoses, DiagnosisCode.Read, ref dxInterned);
            var mainProcedure = _px >= 0 || (_mainPx < 0 && _otherPx < 0)
                ? Codes(_px, C.Procedures, _knownProcedures, _procedures, _others, ProcedureCode.Read, ref pxInterned, _procedureProbes)
                : SplitCodes(_mainPx, C.MainProcedure, _otherPx, C.OtherProcedures, _knownProcedures, _procedures, _others, _moreProcedures, ProcedureCode.Read, ref pxInterned);
            interned = (dxInterned ? InternedCodes.Diagnoses : InternedCodes.None) | (pxInterned ? InternedCodes.Procedures : InternedCodes.None);
            return new InpatientCase
            {
                CaseId = id,
                HospitalId = _input.SharedText(_hospital),
                PatientId = _f.Text(_patientId),
                Fund = Choice(_fund, AbsentFund, C.Fund, _funds, ParseFund, "employee、resident、other（职工、居民、其他）", "employee, resident or other", InsuranceFund.Other),
                Sex = Choice(_sex, AbsentSex, C.Sex, _sexes, ParseSex, "1（男）、2（女）、0或9", "1 (male), 2 (female), 0 or 9", Sex.Unknown),
                AgeYears = f.Int(_age, C.Age, 0, 150, 0),
                AgeDays = f.OptionalInt(_ageDays, C.AgeDays, 0, 366),
                BirthWeightGrams = f.OptionalInt(_birthWeight, C.BirthWeight, 0, 20000),
                AdmissionWeightGrams = f.OptionalInt(_admissionWeight, C.AdmissionWeight, 0, 20000),
                AdmissionDate = f.Date(_admission, C.AdmissionDate),
                DischargeDate = f.Date(_discharge, C.DischargeDate),
                LengthOfStayDays = f.Int(_los, C.LengthOfStay, -100000, 100000, 0),
                DischargeType = ReadDischargeType(),
                AdmissionRoute = Choice(_route, AbsentRoute, C.AdmissionRoute, _routes, ParseAdmissionRoute, "1（急诊）、2（门诊）、3（其他医疗机构转入）或9（其他）", "1 (emergency), 2 (outpatient), 3 (referred from another institution) or 9 (other)", AdmissionRoute.Unspecified),
                MainDiagnosis = mainDiagnosis,
                SecondaryDiagnoses = _secondary,
                MainProcedure = mainProcedure,
                OtherProcedures = _others,
                IcuDays = f.Int(_icu, C.IcuDays, 0, 100000, 0),
                Costs = ReadCosts(),
                OutOfCatalogCost = f.Money(_outOfCatalog, C.OutOfCatalogCost),
                PaymentMethod = Choice(_method, AbsentMethod, C.PaymentMethod, _methods, ParsePaymentMethod, "drg、dip、per_diem、capitation、fee_for_service或single_disease", "drg, dip, per_diem, capitation, fee_for_service or single_disease", PaymentMethod.Unspecified),
            };
        }

        private CostBreakdown ReadCosts()
        {
            var f = _f;
            if (_total < 0 && _drug < 0 && _consumable < 0 && _treatment < 0 && _surgery < 0 && _examination < 0 && _other < 0 && _fundPaid < 0 && _patientPaid < 0 && !_anyCharge)
            {
                return CostBreakdown.None;
            }

            return new CostBreakdown
            {
                Total = f.Money(_total, C.TotalCost),
                Drugs = Category(_drug, C.DrugCost),
                Consumables = Category(_consumable, C.ConsumableCost),
                Treatment = Category(_treatment, C.TreatmentCost),
                Surgery = Category(_surgery, C.SurgeryCost),
                Examination = Category(_examination, C.ExaminationCost),
                Other = Category(_other, C.OtherCost),
                FundPaid = f.Money(_fundPaid, C.FundPaid),
                PatientPaid = f.Money(_patientPaid, C.PatientPaid),
            };
        }

        /// <summary>One of the six cost columns: its own value, or the sum of the national charge items that sum into it
        /// (<see cref="NationalChargeItems"/>; each item read strictly and rejected by its own column name).</summary>
        private Money Category(int index, string column)
        {
            if (index >= 0 || !_anyCharge)
            {
                return _f.Money(index, column);
            }

            var sum = Money.Zero;
            var items = NationalChargeItems.Items;
            for (var i = 0; i < items.Count; i++)
            {
                if (_charges[i] >= 0 && string.Equals(items[i].Into, column, StringComparison.Ordinal))
                {
                    sum += _f.Money(_charges[i], items[i].Column);
                }
            }

            return sum;
        }

        private DischargeType ReadDischargeType()
        {
            var value = _f.OptionalInt(_dischargeType, C.DischargeType, 0, 9);
            if (value is null)
            {
                return DischargeType.Unspecified;
            }

            if (value is 6 or 7 or 8)
            {
                _f.Invalid(C.DischargeType, value.Value.ToString(CultureInfo.InvariantCulture), "1、2、3、4、5或9", "1, 2, 3, 4, 5 or 9");
                return DischargeType.Unspecified;
            }

            return (DischargeType)value.Value;
        }

        /// <summary>An enumeration column: the same bytes are parsed once per file. A column absent from the header is
        /// <paramref name="absent"/> (what its parser gives an empty cell), answered inlined without a lookup, as
        /// <see cref="FieldReader"/> answers absent numbers and dates (docs/performance.md, change 63).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private T Choice<T>(int index, T absent, string column, ByteKeyCache<T> cache, Func<string, T?> parse, string expectedZh, string expectedEn, T fallback)
            where T : struct =>
            index < 0 ? absent : ReadChoice(index, column, cache, parse, expectedZh, expectedEn, fallback);

        private T ReadChoice<T>(int index, string column, ByteKeyCache<T> cache, Func<string, T?> parse, string expectedZh, string expectedEn, T fallback)
            where T : struct
        {
            var bytes = _input.Rows.Field(index);
            if (cache.TryGet(bytes, out var known))
            {
                return known;
            }

            var text = _input.Text(index);
            if (parse(text) is { } value)
            {
                cache.Add(bytes, value);
                return value;
            }

            _f.Invalid(column, text, expectedZh, expectedEn);
            return fallback;
        }

        /// <summary>
        /// Splits a code field of the current row into its codes, packs each and asks for its first slot in the vocabulary's
        /// table (<see cref="KnownCodeTable{T}.Prefetch"/>), before <see cref="Codes"/> looks any of them up: the misses of a
        /// row's lookups then overlap (docs/performance.md, change 64). Prepared only where the processor has a prefetch
        /// instruction (<see cref="CacheLine.CanPrefetch"/>) and <see cref="Codes"/> would ask the vocabulary first of a
        /// non-empty ASCII field; otherwise <see cref="Codes"/> splits the field itself, as before.
        /// </summary>
        private void Prepare<T>(CodeProbes probes, int index, KnownCodeTable<T>? known, ByteKeyCache<T> cache)
            where T : struct, ICodeText
        {
            probes.Clear();
            if (!CacheLine.CanPrefetch || index < 0 || known is null || cache.Count >= LargeCache)
            {
                return;
            }

            var bytes = _input.Rows.Field(index);
            if (bytes.IsEmpty || !_input.Rows.IsAscii(bytes))
            {
                return;
            }

            var start = 0;
            while (true)
            {
                var piece = NextCode(ref bytes, out var last);
                var slot = known.Prefetch(piece, out var a, out var b);
                probes.Add(start, piece.Length, a, b, slot);
                if (last)
                {
                    return;
                }

                start += piece.Length + 1;
            }
        }

        /// <summary>
        /// A code list column: the first code is returned, the others are put in <paramref name="rest"/> (cleared first).
        /// Codes already seen in this file come from the cache; a bad code adds its issues under <c>column[i]</c>.
        /// <paramref name="interned"/> is cleared when a code of the field did not come from the vocabulary. When
        /// <paramref name="probes"/> holds the field prepared (<see cref="Prepare"/>), its codes are looked up from there.
        /// </summary>
        private T Codes<T>(int index, string column, KnownCodeTable<T>? known, ByteKeyCache<T> cache, List<T> rest, Func<string, string, ParseResult<T>> read, ref bool interned, CodeProbes? probes = null)
            where T : struct, ICodeText
        {
            rest.Clear();
            T main = default;
            var bytes = _input.Rows.Field(index);
            if (probes is { Count: > 0 })
            {
                // Prepared: the vocabulary is asked first (the cache was small when prepared, and nothing has filled it since).
                for (var i = 0; i < probes.Count; i++)
                {
                    ref readonly var probe = ref probes[i];
                    var piece = bytes.Slice(probe.Start, probe.Length);
                    T code = default;
                    var fromVocabulary = probe.Slot >= 0 && KnownAt(known!, probe, out code);
                    var hit = fromVocabulary || cache.TryGet(piece, out code);
                    Piece(piece, i, hit, fromVocabulary, code, column, cache, rest, read, ref main, ref interned);
                }

                probes.Clear(); // used once: a later call without Prepare splits the field itself
                return main;
            }

            if (bytes.IsEmpty)
            {
                return main;
            }

            if (!_input.Rows.IsAscii(bytes))
            {
                // Full-width or other non-ASCII text: the separator is looked for in the decoded text.
                interned = false;
                var parts = _input.Text(index).Split(C.CodeSeparator);
                for (var i = 0; i < parts.Length; i++)
                {
                    Add(read(parts[i], Indexed(column, i)), i, ref main, rest);
                }

                return main;
            }

            // The cache holds only codes the vocabulary does not (it is filled below, after the vocabulary missed), so the order
            // of the two lookups changes no code: the cache is asked first once it is large (many codes outside the vocabulary:
            // another edition, lower case), else the vocabulary, which most codes are in.
            var cacheFirst = known is null || cache.Count >= LargeCache;
            var position = 0;
            while (true)
            {
                var piece = NextCode(ref bytes, out var last);
                T code = default;
                var found = cacheFirst && cache.TryGet(piece, out code);
                var fromVocabulary = !found && Known(known, piece, out code);
                var hit = fromVocabulary || found || (!cacheFirst && cache.TryGet(piece, out code));
                Piece(piece, position, hit, fromVocabulary, code, column, cache, rest, read, ref main, ref interned);
                if (last)
                {
                    return main;
                }

                position++;
            }
        }

        /// <summary>One code of a code field, at <paramref name="position"/>: <paramref name="code"/> when it was found
        /// (<paramref name="hit"/>: in the vocabulary or the cache), else the bytes parsed (and cached when they are a code;
        /// their issues added when not).</summary>
        private void Piece<T>(ReadOnlySpan<byte> piece, int position, bool hit, bool fromVocabulary, T code, string column, ByteKeyCache<T> cache, List<T> rest, Func<string, string, ParseResult<T>> read, ref T main, ref bool interned)
            where T : struct, ICodeText
        {
            if (hit)
            {
                interned &= fromVocabulary; // a cached code's text is this thread's own, not the vocabulary's
                Place(code, position, ref main, rest);
                return;
            }

            interned = false;
            var result = read(CsvInput.Ascii(piece), Indexed(column, position));
            if (result.Success)
            {
                cache.Add(piece, result.Value);
            }

            Add(result, position, ref main, rest);
        }

        /// <summary>A dictionary code from the vocabulary: the code the reader would parse these bytes to; its tag is noted
        /// for the check.</summary>
        private bool Known<T>(KnownCodeTable<T>? known, ReadOnlySpan<byte> piece, out T code)
            where T : struct, ICodeText
        {
            if (known is not null && known.TryGet(piece, out code, out var text, out var tag))
            {
                Hints!.Add(text, tag);
                return true;
            }

            code = default;
            return false;
        }

        /// <summary><see cref="Known{T}"/> for a code prepared by <see cref="Prepare"/>.</summary>
        private bool KnownAt<T>(KnownCodeTable<T> known, in CodeProbes.Probe probe, out T code)
            where T : struct, ICodeText
        {
            if (known.TryGetAt(probe.A, probe.B, probe.Slot, out code, out var text, out var tag))
            {
                Hints!.Add(text, tag);
                return true;
            }

            return false;
        }

        /// <summary>
        /// Codes split over a main column (one code) and an others column (codes separated by <c>|</c>), as the national
        /// settlement list writes them: the main code is returned, the others are put in <paramref name="rest"/>.
        /// </summary>
        private T SplitCodes<T>(int mainIndex, string mainColumn, int otherIndex, string otherColumn, KnownCodeTable<T>? known, ByteKeyCache<T> cache, List<T> rest, List<T> more, Func<string, string, ParseResult<T>> read, ref bool interned)
            where T : struct, ICodeText
        {
            var main = Codes(mainIndex, mainColumn, known, cache, rest, read, ref interned);
            if (rest.Count > 0)
            {
                _f.Invalid(mainColumn, _input.Text(mainIndex), "一个代码（其他代码填入" + otherColumn + "）", "one code (the others go in " + otherColumn + ")");
                rest.Clear();
            }

            if (otherIndex >= 0 && !_f.IsEmpty(otherIndex))
            {
                var first = Codes(otherIndex, otherColumn, known, cache, more, read, ref interned);
                if (!EqualityComparer<T>.Default.Equals(first, default))
                {
                    rest.Add(first);
                }

                rest.AddRange(more);
            }

            return main;
        }

        private void Add<T>(ParseResult<T> result, int position, ref T main, List<T> rest)
            where T : struct
        {
            if (!result.Success)
            {
                _f.Issues.AddRange(result.Issues);
            }
            else
            {
                Place(result.Value, position, ref main, rest);
            }
        }

        /// <summary>A code read at <paramref name="position"/> of its field: the first is the main one, the others go to <paramref name="rest"/>.</summary>
        private static void Place<T>(T code, int position, ref T main, List<T> rest)
        {
            if (position == 0)
            {
                main = code;
            }
            else
            {
                rest.Add(code);
            }
        }

        private static string Indexed(string column, int i) => column + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
    }

    // What a column absent from the header reads as: an empty cell, which each parser below accepts (CaseRows.Choice).
    private static readonly InsuranceFund AbsentFund = ParseFund(string.Empty) ?? throw new InvalidOperationException("An empty fund must parse.");
    private static readonly Sex AbsentSex = ParseSex(string.Empty) ?? throw new InvalidOperationException("An empty sex must parse.");
    private static readonly AdmissionRoute AbsentRoute = ParseAdmissionRoute(string.Empty) ?? throw new InvalidOperationException("An empty admission route must parse.");
    private static readonly PaymentMethod AbsentMethod = ParsePaymentMethod(string.Empty) ?? throw new InvalidOperationException("An empty payment method must parse.");

    private static Sex? ParseSex(string text) => text.ToUpperInvariant() switch
    {
        "" or "0" => Sex.Unknown,
        "1" or "男" or "M" or "MALE" => Sex.Male,
        "2" or "女" or "F" or "FEMALE" => Sex.Female,
        "9" => Sex.NotStated,
        _ => null,
    };

    private static AdmissionRoute? ParseAdmissionRoute(string text) => text.Trim() switch
    {
        "" => AdmissionRoute.Unspecified,
        "1" or "急诊" => AdmissionRoute.Emergency,
        "2" or "门诊" => AdmissionRoute.Outpatient,
        "3" or "其他医疗机构转入" or "转入" or "转院" => AdmissionRoute.Referral,
        "9" or "其他" => AdmissionRoute.Other,
        _ => null,
    };

    private static InsuranceFund? ParseFund(string text) => text.ToUpperInvariant() switch
    {
        "" or "OTHER" or "其他" or "0" => InsuranceFund.Other,
        "EMPLOYEE" or "职工" or "310" or "1" => InsuranceFund.Employee,
        "RESIDENT" or "居民" or "390" or "2" => InsuranceFund.Resident,
        _ => null,
    };

    private static PaymentMethod? ParsePaymentMethod(string text) => text.ToUpperInvariant() switch
    {
        "" => PaymentMethod.Unspecified,
        "DRG" => PaymentMethod.Drg,
        "DIP" => PaymentMethod.Dip,
        "PER_DIEM" or "按床日" => PaymentMethod.PerDiem,
        "CAPITATION" or "按人头" => PaymentMethod.Capitation,
        "FEE_FOR_SERVICE" or "按项目" => PaymentMethod.FeeForService,
        "SINGLE_DISEASE" or "按单病种" => PaymentMethod.SingleDisease,
        _ => null,
    };
}
