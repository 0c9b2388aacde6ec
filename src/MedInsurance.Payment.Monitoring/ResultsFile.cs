using System;
using System.Globalization;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 分组结果文件 — reads a results file row by row, by header names, whichever command wrote it: <c>medpay drg group</c>
/// (<c>id, drg</c>), <c>medpay drg price</c> (<c>line_id, hospital_id, total_cost, points, drg, weight, outlier,
/// review_candidate</c>) or <c>medpay dip score</c> (<c>line_id, group_code, base_score, case_score, deviation, review</c>).
/// Streaming: the results are joined to the cases in file order (each results file has one row per case row, in order)
/// and the ids are compared; a row whose id differs is counted as not joined, never used for another case.
/// </summary>
internal sealed class ResultsFile : IDisposable
{
    /// <summary>The longest key of <see cref="_known"/>: the result columns of a row, their bytes and separators.</summary>
    private const int MaxKnownKey = 64;

    private readonly CsvInput _input;

    /// <summary>
    /// The results already read, by the bytes of their columns (group, weight, points, outlier or deviation, review): a
    /// results file repeats a few thousand combinations (a DRG's weight, its points when normal) millions of times, so each
    /// is parsed once and its <see cref="CaseResult"/> (immutable) shared by every row that has it, with whether its
    /// columns were unreadable (counted again for each row). Only rows whose result columns are ASCII are kept, so the
    /// file's encoding decision cannot change what the bytes mean.
    /// </summary>
    private readonly ByteKeyCache<Known> _known = new(1 << 16);
    private readonly int _id, _hospital, _group, _weight, _points, _outlier, _deviation, _reviewCandidate, _review, _cost;

    /// <summary>The columns a result is read from (−1: absent), the key of <see cref="_known"/>.</summary>
    private readonly int[] _resultColumns;

    private ResultsFile(CsvInput input, HeaderIndex header)
    {
        _input = input;
        int First(params string[] names)
        {
            foreach (var name in names)
            {
                if (header.IndexOf(name) is var i && i >= 0)
                {
                    return i;
                }
            }

            return -1;
        }

        _id = First("id", "line_id");
        _hospital = First("hospital_id");
        _group = First("drg", "group_code");
        _weight = First("weight", "base_score");
        _points = First("points", "case_score");
        _outlier = First("outlier");
        _deviation = First("deviation");
        _reviewCandidate = First("review_candidate");
        _review = First("review");
        _cost = First("total_cost");
        _resultColumns = new[] { _group, _weight, _points, _outlier, _deviation, _reviewCandidate, _review };
    }

    /// <summary>The data rows read so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Rows whose weight (<c>weight</c> or <c>base_score</c>) is not empty and not a number: used without a weight, counted.</summary>
    public long WeightUnreadable { get; private set; }

    /// <summary>Rows whose points (<c>points</c> or <c>case_score</c>) are not empty and not a number: used without points, counted.</summary>
    public long PointsUnreadable { get; private set; }

    /// <summary>Rows whose <c>outlier</c> is not empty and not normal/low/high/incomplete: used without a deviation flag, counted.</summary>
    public long OutlierUnreadable { get; private set; }

    /// <summary>Whether the file has the columns of a previous-year file (hospital, group, cost).</summary>
    public bool HasPreviousYearColumns => _hospital >= 0 && _group >= 0 && _cost >= 0;

    /// <summary>Opens a results file; null with the reason when it has no id or no group column.</summary>
    public static ResultsFile? Open(string path, out string? problem)
    {
        var input = CsvInput.Open(new System.IO.FileStream(path, System.IO.FileMode.Open, System.IO.FileAccess.Read, System.IO.FileShare.Read, 1 << 16), CsvReadOptions.Default, ownsStream: true);
        var header = CsvTables.ReadHeader(input);
        if (header is null)
        {
            input.Dispose();
            problem = "the file is empty";
            return null;
        }

        var file = new ResultsFile(input, header);
        if (file._id < 0 || file._group < 0)
        {
            input.Dispose();
            problem = "the header has no id (id or line_id) or no group (drg or group_code) column";
            return null;
        }

        problem = null;
        return file;
    }

    /// <summary>Whether the last row read has a total_cost column whose value is empty or unreadable (its cost is then not known, not 0).</summary>
    public bool CostUnreadable { get; private set; }

    /// <summary>Reads the next row: its id, result, hospital id and total cost (fen; see <see cref="CostUnreadable"/>).</summary>
    public bool Next(out string id, out CaseResult result, out string hospitalId, out long costFen)
    {
        if (!Next(out id, out result))
        {
            hospitalId = string.Empty;
            costFen = 0;
            return false;
        }

        hospitalId = _hospital < 0 ? string.Empty : _input.SharedText(_hospital);
        long fen = 0;
        CostUnreadable = _cost >= 0 && CsvValues.ParseYuan(_input.Rows.Field(_cost), out fen) != ValueStatus.Ok;
        costFen = _cost >= 0 && !CostUnreadable ? fen : 0;
        return true;
    }

    /// <summary>Reads the next row's id and result only (the join to the cases needs no hospital and no cost).</summary>
    public bool Next(out string id, out CaseResult result)
    {
        if (!NextResult(out result))
        {
            id = string.Empty;
            return false;
        }

        id = _input.Text(_id);
        return true;
    }

    /// <summary>Reads the next row's result; its id is then <see cref="TryIdBytes"/> (or <see cref="IdText"/>).</summary>
    public bool NextResult(out CaseResult result)
    {
        if (!_input.MoveNext())
        {
            result = null!;
            return false;
        }

        Rows++;
        Span<byte> key = stackalloc byte[MaxKnownKey];
        var keyLength = KnownKey(key);
        if (keyLength == 0 || !_known.TryGet(key.Slice(0, keyLength), out var known))
        {
            known = Parse();
            if (keyLength > 0)
            {
                _known.Add(key.Slice(0, keyLength), known);
            }
        }

        WeightUnreadable += known.BadWeight ? 1 : 0;
        PointsUnreadable += known.BadPoints ? 1 : 0;
        OutlierUnreadable += known.BadOutlier ? 1 : 0;
        result = known.Result;
        return true;
    }

    /// <summary>The current row's id as bytes when they are its text character for character (<see cref="CsvInput.TryVerbatimAscii"/>).</summary>
    public bool TryIdBytes(out ReadOnlySpan<byte> bytes) => _input.TryVerbatimAscii(_id, out bytes);

    /// <summary>The current row's id, decoded.</summary>
    public string IdText() => _input.Text(_id);

    /// <summary>The key of the current row's result columns in <paramref name="key"/>: their bytes, each followed by a
    /// separator (0x1F) or, for an absent column, by 0x1E; 0 when they do not fit or are not all ASCII.</summary>
    private int KnownKey(Span<byte> key)
    {
        var length = 0;
        foreach (var index in _resultColumns)
        {
            var bytes = index < 0 ? default : _input.Rows.Field(index);
            if (length + bytes.Length + 1 > key.Length || !_input.Rows.IsAscii(bytes))
            {
                return 0;
            }

            bytes.CopyTo(key.Slice(length));
            length += bytes.Length;
            key[length++] = index < 0 ? (byte)0x1E : (byte)0x1F;
        }

        return length;
    }

    /// <summary>Parses the current row's result columns, with which of them are unreadable (counted by the caller).</summary>
    private Known Parse()
    {
        var group = _input.SharedText(_group);
        if (group == "0000" || group.EndsWith("QY", StringComparison.Ordinal))
        {
            group = string.Empty;
        }

        var badOutlier = false;
        bool? deviation = _outlier >= 0 ? Outlier(out badOutlier) : _deviation >= 0 ? Flag(_deviation, "normal") : null;
        bool? review = _reviewCandidate >= 0 ? Bool(_reviewCandidate) : _review >= 0 ? Bool(_review) : null;
        var weight = Number(_weight, out var badWeight);
        var points = Number(_points, out var badPoints);
        return new Known(new CaseResult(group, weight, points, deviation, review), badWeight, badPoints, badOutlier);
    }

    public void Dispose() => _input.Dispose();

    /// <summary>A number, or null when the column is absent or the value empty; <paramref name="unreadable"/> when it is
    /// neither empty nor a number (counted by the caller, never silently null).</summary>
    private decimal? Number(int index, out bool unreadable)
    {
        unreadable = false;
        if (index < 0)
        {
            return null;
        }

        var bytes = _input.Rows.Field(index);
        if (bytes.IsEmpty)
        {
            return null;
        }

        if (TryParsePlainDecimal(bytes, out var plain))
        {
            return plain;
        }

        var text = _input.Text(index);
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        unreadable = true;
        return null;
    }

    /// <summary>The <c>medpay drg price</c> outlier kind: normal → false; low, high, incomplete → true; empty → null;
    /// anything else → null and <paramref name="unreadable"/> (counted in <see cref="OutlierUnreadable"/> by the caller).</summary>
    private bool? Outlier(out bool unreadable)
    {
        unreadable = false;
        // The values medpay drg price writes, read from the bytes; anything else (case, spaces, escapes) the slow way.
        var bytes = _input.Rows.Field(_outlier);
        if (bytes.IsEmpty)
        {
            return null;
        }

        if (bytes.SequenceEqual("normal"u8))
        {
            return false;
        }

        if (bytes.SequenceEqual("low"u8) || bytes.SequenceEqual("high"u8) || bytes.SequenceEqual("incomplete"u8))
        {
            return true;
        }

        var text = _input.Text(_outlier).ToLowerInvariant();
        switch (text)
        {
            case "":
                return null;
            case "normal":
                return false;
            case "low" or "high" or "incomplete":
                return true;
            default:
                unreadable = true;
                return null;
        }
    }

    private bool? Flag(int index, string normal)
    {
        var text = _input.Text(index);
        return text.Length == 0 ? null : !string.Equals(text, normal, StringComparison.OrdinalIgnoreCase);
    }

    private bool? Bool(int index) => _input.Rows.Field(index) is { Length: 1 } b && b[0] is (byte)'0' or (byte)'1' ? b[0] == '1' : _input.Text(index).ToUpperInvariant() switch
    {
        "1" or "TRUE" or "是" => true,
        "0" or "FALSE" or "否" => false,
        _ => null,
    };

    /// <summary>
    /// A plain decimal — an optional minus, 1 to 18 digits with at most one point between digits — read from the bytes,
    /// exactly as <c>decimal.TryParse</c> reads it (the same value and scale: <c>1.40</c> keeps two decimals). Anything
    /// else (spaces, a plus sign, thousands separators, an escaped cell, a negative zero, more digits) returns false and
    /// is read the slow way, so the result never differs from it.
    /// </summary>
    internal static bool TryParsePlainDecimal(ReadOnlySpan<byte> bytes, out decimal value)
    {
        value = 0m;
        var i = bytes.Length > 0 && bytes[0] == (byte)'-' ? 1 : 0;
        var negative = i == 1;
        long mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                if (++digits > 18)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (b - '0');
                scale = scale >= 0 ? scale + 1 : scale;
            }
            else if (b == (byte)'.' && scale < 0 && digits > 0 && i + 1 < bytes.Length)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || (negative && mantissa == 0))
        {
            return false;
        }

        value = new decimal(unchecked((int)(uint)mantissa), unchecked((int)(mantissa >> 32)), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>A result read before, and which of its columns were unreadable.</summary>
    private readonly struct Known
    {
        public Known(CaseResult result, bool badWeight, bool badPoints, bool badOutlier)
        {
            Result = result;
            BadWeight = badWeight;
            BadPoints = badPoints;
            BadOutlier = badOutlier;
        }

        public CaseResult Result { get; }

        public bool BadWeight { get; }

        public bool BadPoints { get; }

        public bool BadOutlier { get; }
    }
}
