using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.IO;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// 门诊费用明细CSV — reads outpatient item lines
/// (<c>claim_id,person_id,institution_id,fund,date,item_code,item_kind,quantity,amount[,diagnosis]</c>). The first
/// columns are capitation's claim columns with the same meaning (<c>claim_id,person_id,institution_id,date</c>); the
/// rest describe the item. Formats in <c>docs/outpatient.md</c>. Every data row yields one record, in file order, with
/// coded issues naming the column; amounts and quantities are read strictly.
/// </summary>
/// <remarks>Streams (one row in memory). Thread-safe (no shared state).</remarks>
public static class OutpatientCsv
{
    /// <summary>The item-line columns (<c>diagnosis</c> is optional; the others are required).</summary>
    public static IReadOnlyList<string> ItemHeader { get; } = new[] { "claim_id", "person_id", "institution_id", "fund", "date", "item_code", "item_kind", "quantity", "amount", "diagnosis" };

    private const int RequiredColumns = 9;
    private static readonly ValidationIssue[] NoIssues = [];

    /// <summary>Reads item lines from decoded text lazily.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>One record per data row, in order.</returns>
    public static IEnumerable<OutpatientItemRecord> ReadItems(TextReader reader) => Iterate(CsvRows.Open(reader), null);

    /// <summary>
    /// Reads item lines from bytes lazily, in the encoding of <paramref name="options"/> (auto: BOM, else UTF-8 when
    /// valid, else GB18030); a row that cannot be split or decoded is rejected with its line and reading goes on.
    /// </summary>
    /// <param name="stream">The bytes (left open).</param>
    /// <param name="options">The encoding and the field and row limits.</param>
    /// <param name="completed">Called once at the end with rows in, read without an error, and rejected by the reader.</param>
    /// <returns>One record per data row, in order.</returns>
    public static IEnumerable<OutpatientItemRecord> ReadItems(Stream stream, CsvReadOptions options, Action<CsvReadReport>? completed) =>
        Iterate(CsvRows.Open(stream, options), completed);

    /// <summary>The required columns the header of <paramref name="header"/> lacks (empty when none).</summary>
    /// <param name="header">The header's column names.</param>
    /// <returns>The missing columns.</returns>
    public static IReadOnlyList<string> MissingColumns(IEnumerable<string> header)
    {
        var names = new HashSet<string>(header ?? throw new ArgumentNullException(nameof(header)), StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        for (var c = 0; c < RequiredColumns; c++)
        {
            if (!names.Contains(ItemHeader[c]))
            {
                missing.Add(ItemHeader[c]);
            }
        }

        return missing;
    }

    /// <summary>
    /// Reads item lines from bytes on several cores and hands the records back block by block, in file order, with
    /// memory bounded whatever the file size (并行读取): one thread splits the rows (and makes the encoding decision,
    /// which depends on earlier rows), <paramref name="threads"/> threads convert blocks of rows into records, and the
    /// calling thread receives each block in file order (<paramref name="consume"/>). The records are the same, row
    /// for row, as <see cref="ReadItems(Stream, CsvReadOptions, Action{CsvReadReport})"/> gives, whatever the thread count.
    /// </summary>
    /// <param name="stream">The bytes (left open).</param>
    /// <param name="options">The encoding and the field and row limits.</param>
    /// <param name="threads">Converting threads (at least 1; 1 reads on the calling thread).</param>
    /// <param name="consume">Called on the calling thread for each block of records (at most 4 096), in file order; the list is reused after it returns.</param>
    /// <returns>Rows in, read without an error, and rejected by the reader, and the encoding used.</returns>
    public static CsvReadReport ReadItemsInParallel(Stream stream, CsvReadOptions options, int threads, Action<IReadOnlyList<OutpatientItemRecord>> consume)
    {
        if (stream is null || options is null || consume is null)
        {
            throw new ArgumentNullException(stream is null ? nameof(stream) : options is null ? nameof(options) : nameof(consume));
        }

        if (threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), "At least one thread.");
        }

        using var input = CsvRows.Open(stream, options);
        var header = CsvRows.ReadHeader(input);
        if (header is null)
        {
            return CsvRows.Report(input, 0, 0);
        }

        var splitting = new ItemRows(input, header);
        long accepted = 0;
        var rows = CsvBlockPipeline.Run<ValidationIssue?, OutpatientItemRecord, bool>(
            input,
            threads,
            ParallelBlockSize,
            splitting.Start,
            replay => (new ItemRows(replay, header).Read, null),
            _ => true,
            (records, _) =>
            {
                for (var i = 0; i < records.Count; i++)
                {
                    accepted += records[i].IsRejected ? 0 : 1;
                }

                consume(records);
            });
        return CsvRows.Report(input, rows, accepted);
    }

    /// <summary>Rows per block of <see cref="ReadItemsInParallel"/>: item rows are short, so blocks are larger than the case reader's.</summary>
    private const int ParallelBlockSize = 4_096;

    private static IEnumerable<OutpatientItemRecord> Iterate(CsvInput input, Action<CsvReadReport>? completed)
    {
        using (input)
        {
            var header = CsvRows.ReadHeader(input);
            if (header is null)
            {
                completed?.Invoke(CsvRows.Report(input, 0, 0));
                yield break;
            }

            var items = new ItemRows(input, header);
            var row = 0;
            long accepted = 0;
            while (input.MoveNext())
            {
                row++;
                var record = items.Read(row, items.Start());
                accepted += record.IsRejected ? 0 : 1;
                yield return record;
            }

            completed?.Invoke(CsvRows.Report(input, row, accepted));
        }
    }

    /// <summary>
    /// The per-file state of the item reader: column positions, the header's missing columns, the repeated-text caches.
    /// <see cref="Start"/> is the part of a row that must run in file order (the row's structure and the encoding
    /// decision); <see cref="Read"/> converts the row given it (on any thread, one <see cref="ItemRows"/> per thread).
    /// </summary>
    private sealed class ItemRows
    {
        private readonly CsvInput _input;
        private readonly HeaderIndex _header;
        private readonly int[] _at = new int[ItemHeader.Count];
        private readonly List<ValidationIssue> _missing = [];
        private readonly RepeatedText _claims = new();
        private readonly RepeatedText _persons = new();

        public ItemRows(CsvInput input, HeaderIndex header)
        {
            _input = input;
            _header = header;
            for (var c = 0; c < _at.Length; c++)
            {
                _at[c] = header.IndexOf(ItemHeader[c]);
                if (_at[c] < 0 && c < RequiredColumns)
                {
                    _missing.Add(ValidationIssue.Error(OutpatientIssueCodes.FieldRequired, ItemHeader[c], "表头缺少必需列" + ItemHeader[c], "The header lacks the required column '" + ItemHeader[c] + "'."));
                }
            }
        }

        /// <summary>The row's structural or encoding problem (null when none; not looked at when the header lacks columns).</summary>
        public ValidationIssue? Start() => _missing.Count > 0 ? null : CsvRows.RowProblem(_input, _header);

        /// <summary>Converts the current row (1-based data row number <paramref name="row"/>) whose <see cref="Start"/> is <paramref name="problem"/>.</summary>
        public OutpatientItemRecord Read(int row, ValidationIssue? problem)
        {
            if (_missing.Count > 0)
            {
                return new OutpatientItemRecord(row, default, _missing);
            }

            if (problem is not null)
            {
                return new OutpatientItemRecord(row, default, [problem]);
            }

            var input = _input;
            var at = _at;
            var rows = input.Rows;
            List<ValidationIssue>? issues = null;
            var claimId = _claims.Read(input, at[0]);
            var person = _persons.Read(input, at[1]);
            if (claimId.Length == 0)
            {
                (issues ??= []).Add(RequiredIssue("claim_id"));
            }

            if (person.Length == 0)
            {
                (issues ??= []).Add(RequiredIssue("person_id"));
            }

            var institution = Required(input, at[2], "institution_id", shared: true, ref issues);
            var fund = FundOf(rows.Field(at[3]));
            if (fund == InsuranceFund.Other)
            {
                var fundText = Required(input, at[3], "fund", shared: true, ref issues);
                if (fundText.Length > 0 && !TryFund(fundText, out fund))
                {
                    (issues ??= []).Add(Invalid("fund", "险种（employee/职工、resident/居民）", "a fund (employee/职工, resident/居民)").WithValue(fundText));
                }
            }

            var date = 0;
            var dateBytes = rows.Field(at[4]);
            if (dateBytes.IsEmpty)
            {
                (issues ??= []).Add(RequiredIssue("date"));
            }
            else if (CsvValues.TryParseDate(dateBytes, out var y, out var m, out var d))
            {
                date = Dates.Key(y, m, d);
            }
            else
            {
                (issues ??= []).Add(Invalid("date", "日期（yyyy-MM-dd）", "a date (yyyy-MM-dd)").WithValue(input.Text(at[4])));
            }

            var code = Required(input, at[5], "item_code", shared: true, ref issues);
            var kind = KindOf(rows.Field(at[6]));
            if (kind == OutpatientItemKind.Unknown)
            {
                var kindText = Required(input, at[6], "item_kind", shared: true, ref issues);
                if (kindText.Length > 0 && (kind = Kind(kindText)) == OutpatientItemKind.Unknown)
                {
                    (issues ??= []).Add(Invalid("item_kind", "明细类别（drug/药品、consumable/耗材、procedure/诊疗、test/检查）", "an item kind (drug, consumable, procedure, test)").WithValue(kindText));
                }
            }

            var quantity = 0m;
            var quantityBytes = rows.Field(at[7]);
            if (quantityBytes.IsEmpty)
            {
                (issues ??= []).Add(RequiredIssue("quantity"));
            }
            else if (!TryQuantity(quantityBytes, out quantity))
            {
                (issues ??= []).Add(Invalid("quantity", "大于0的数量（如1或0.5）", "a quantity above 0 (such as 1 or 0.5)").WithValue(input.Text(at[7])));
            }

            long fen = 0;
            if (rows.Field(at[8]).IsEmpty)
            {
                (issues ??= []).Add(RequiredIssue("amount"));
            }
            else if (CsvRows.Yuan(input, at[8], "amount", OutpatientIssueCodes.FieldInvalid, out fen) is { } bad)
            {
                (issues ??= []).Add(bad);
            }
            else if (fen < 0)
            {
                (issues ??= []).Add(Invalid("amount", "不小于0的金额（退费应在导出前冲销）", "an amount of at least 0 (net refunds before export)").WithValue(input.Text(at[8])));
            }

            var diagnosis = at[9] >= 0 ? input.SharedText(at[9]) : string.Empty;
            var item = new OutpatientItem(claimId, person, institution, fund, date, code, kind, quantity, Money.FromFen(fen), diagnosis);
            return new OutpatientItemRecord(row, item, (IReadOnlyList<ValidationIssue>?)issues ?? NoIssues);
        }
    }

    private static readonly byte[] Employee = "employee"u8.ToArray();
    private static readonly byte[] Resident = "resident"u8.ToArray();
    private static readonly byte[] DrugWord = "drug"u8.ToArray();
    private static readonly byte[] TestWord = "test"u8.ToArray();
    private static readonly byte[] ProcedureWord = "procedure"u8.ToArray();
    private static readonly byte[] ConsumableWord = "consumable"u8.ToArray();

    /// <summary>The fund of the common lower-case English spellings straight from the bytes; Other for anything else (then read as text).</summary>
    private static InsuranceFund FundOf(ReadOnlySpan<byte> bytes) =>
        bytes.SequenceEqual(Employee) ? InsuranceFund.Employee : bytes.SequenceEqual(Resident) ? InsuranceFund.Resident : InsuranceFund.Other;

    /// <summary>The kind of the common lower-case English spellings straight from the bytes; Unknown for anything else (then read as text).</summary>
    private static OutpatientItemKind KindOf(ReadOnlySpan<byte> bytes) =>
        bytes.SequenceEqual(DrugWord) ? OutpatientItemKind.Drug
        : bytes.SequenceEqual(TestWord) ? OutpatientItemKind.Test
        : bytes.SequenceEqual(ProcedureWord) ? OutpatientItemKind.Procedure
        : bytes.SequenceEqual(ConsumableWord) ? OutpatientItemKind.Consumable
        : OutpatientItemKind.Unknown;

    /// <summary>
    /// The text of a column whose value repeats on consecutive rows (the claim id and person id of a claim's lines): the
    /// previous row's string when the bytes are the same, else a new one. Not thread-safe; one per reader.
    /// </summary>
    private sealed class RepeatedText
    {
        private byte[] _bytes = new byte[64];
        private int _length = -1;
        private string _text = string.Empty;

        public string Read(CsvInput input, int index)
        {
            var bytes = input.Rows.Field(index);
            if (_length == bytes.Length && bytes.SequenceEqual(_bytes.AsSpan(0, _length)))
            {
                return _text;
            }

            _text = input.Text(index);
            if (bytes.Length > _bytes.Length)
            {
                _bytes = new byte[bytes.Length * 2];
            }

            bytes.CopyTo(_bytes);
            _length = bytes.Length;
            return _text;
        }
    }

    /// <summary>Reads a fund word: <c>employee</c>/<c>职工</c>/<c>1</c> or <c>resident</c>/<c>居民</c>/<c>2</c>.</summary>
    internal static bool TryFund(string text, out InsuranceFund fund)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "EMPLOYEE": case "职工": case "职工医保": case "1":
                fund = InsuranceFund.Employee;
                return true;
            case "RESIDENT": case "居民": case "居民医保": case "2":
                fund = InsuranceFund.Resident;
                return true;
            default:
                fund = InsuranceFund.Other;
                return false;
        }
    }

    /// <summary>Reads an item kind word (English or Chinese); <see cref="OutpatientItemKind.Unknown"/> when none.</summary>
    internal static OutpatientItemKind Kind(string text)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "DRUG": case "药品": case "西药": case "中成药": case "中药饮片": return OutpatientItemKind.Drug;
            case "CONSUMABLE": case "耗材": case "医用耗材": return OutpatientItemKind.Consumable;
            case "PROCEDURE": case "诊疗": case "诊疗项目": case "手术": case "手术操作": case "治疗": return OutpatientItemKind.Procedure;
            case "TEST": case "检查": case "检验": case "检查检验": return OutpatientItemKind.Test;
            default: return OutpatientItemKind.Unknown;
        }
    }

    /// <summary>A strict quantity: digits with at most one decimal point (up to 4 decimals), above 0.</summary>
    private static bool TryQuantity(ReadOnlySpan<byte> bytes, out decimal quantity)
    {
        // The common case, a whole number of at most nine digits: the same decimal (scale 0) the parser below gives.
        if (bytes.Length <= 9)
        {
            var whole = 0;
            var digits = 0;
            while (digits < bytes.Length && bytes[digits] is >= (byte)'0' and <= (byte)'9')
            {
                whole = (whole * 10) + (bytes[digits++] - '0');
            }

            if (digits == bytes.Length && whole > 0)
            {
                quantity = whole;
                return true;
            }
        }

        quantity = 0m;
        var dots = 0;
        var decimals = 0;
        foreach (var b in bytes)
        {
            if (b == (byte)'.')
            {
                dots++;
            }
            else if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
            else if (dots == 1)
            {
                decimals++;
            }
        }

        return dots <= 1 && decimals <= 4 && bytes.Length <= 16 && bytes[0] != (byte)'.' && bytes[bytes.Length - 1] != (byte)'.'
            && Utf8Parser.TryParse(bytes, out quantity, out var consumed) && consumed == bytes.Length && quantity > 0m;
    }

    private static string Required(CsvInput input, int index, string column, bool shared, ref List<ValidationIssue>? issues)
    {
        var text = shared ? input.SharedText(index) : input.Text(index);
        if (text.Length == 0)
        {
            (issues ??= []).Add(RequiredIssue(column));
        }

        return text;
    }

    private static ValidationIssue RequiredIssue(string column) =>
        ValidationIssue.Error(OutpatientIssueCodes.FieldRequired, column, "缺少必填字段" + column, "The required field '" + column + "' is empty.");

    private static ValidationIssue Invalid(string column, string zh, string en) =>
        ValidationIssue.Error(OutpatientIssueCodes.FieldInvalid, column, column + "的值无效，应为" + zh, column + " is invalid: expected " + en + ".");
}
