using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.QualityControl;

/// <summary>
/// 地方质控清单 — the lists a region supplies for the clinical-logic rules: sex-specific codes (性别限定), age-specific
/// codes (年龄限定) and codes that are never the main diagnosis (非主要诊断), for diagnoses and procedures. Data, not code:
/// read from CSV files named in the QC profile.
/// </summary>
/// <remarks>
/// <para>Format (docs/quality-control.md): header <c>list,kind,code,value</c>; <c>list</c> is <c>sex</c>, <c>age</c> or
/// <c>not_main</c>; <c>kind</c> is <c>dx</c> or <c>px</c>; <c>code</c> is a code or a code prefix (<c>O</c>, <c>N40</c>,
/// <c>68.4</c>) that every code starting with it matches; <c>value</c> is <c>male</c> or <c>female</c> (the only sex the code
/// fits) for <c>sex</c>, a range <c>min-max</c> in days (<c>0d-28d</c>) or years (<c>12y-60y</c>) for <c>age</c>, and empty
/// for <c>not_main</c>. Blank lines and lines starting with <c>#</c> are ignored. A corrupt line is refused with
/// <see cref="InvalidDataException"/> naming file, line and field. Immutable and thread-safe.</para>
/// </remarks>
public sealed class QcCodeLists
{
    private readonly PrefixTable<Sex> _dxSex;
    private readonly PrefixTable<Sex> _pxSex;
    private readonly PrefixTable<AgeRange> _dxAge;
    private readonly PrefixTable<AgeRange> _pxAge;
    private readonly PrefixTable<bool> _notMain;

    private QcCodeLists(PrefixTable<Sex> dxSex, PrefixTable<Sex> pxSex, PrefixTable<AgeRange> dxAge, PrefixTable<AgeRange> pxAge, PrefixTable<bool> notMain)
    {
        _dxSex = dxSex;
        _pxSex = pxSex;
        _dxAge = dxAge;
        _pxAge = pxAge;
        _notMain = notMain;
    }

    /// <summary>No lists: the list rules find nothing.</summary>
    public static QcCodeLists Empty { get; } = new(new(), new(), new(), new(), new());

    /// <summary>条目数 — entries read, all lists together.</summary>
    public int Count => _dxSex.Count + _pxSex.Count + _dxAge.Count + _pxAge.Count + _notMain.Count;

    /// <summary>Reads list files and merges them.</summary>
    /// <param name="paths">The files.</param>
    /// <returns>The lists.</returns>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A line is corrupt (file, line and field named).</exception>
    public static QcCodeLists Load(IEnumerable<string> paths)
    {
        if (paths is null)
        {
            throw new ArgumentNullException(nameof(paths));
        }

        var lists = new QcCodeLists(new(), new(), new(), new(), new());
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("QC list file not found: " + path, path);
            }

            using var reader = new StreamReader(path, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
            lists.ReadInto(reader, Path.GetFileName(path));
        }

        return lists;
    }

    /// <summary>Reads one list file's text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The file name for messages.</param>
    /// <returns>The lists.</returns>
    /// <exception cref="InvalidDataException">A line is corrupt (file, line and field named).</exception>
    public static QcCodeLists Read(TextReader reader, string source)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        var lists = new QcCodeLists(new(), new(), new(), new(), new());
        lists.ReadInto(reader, source ?? string.Empty);
        return lists;
    }

    /// <summary>The only sex a diagnosis fits, or <see cref="Sex.Unknown"/> when it is not on the list.</summary>
    /// <param name="code">The normalized code.</param>
    /// <returns>The sex.</returns>
    public Sex DiagnosisSex(string code) => _dxSex.Find(code, out var sex) ? sex : Sex.Unknown;

    /// <summary>The only sex a procedure fits, or <see cref="Sex.Unknown"/> when it is not on the list.</summary>
    /// <param name="code">The normalized code.</param>
    /// <returns>The sex.</returns>
    public Sex ProcedureSex(string code) => _pxSex.Find(code, out var sex) ? sex : Sex.Unknown;

    /// <summary>Whether the diagnosis is on the list of codes that are never the main diagnosis.</summary>
    /// <param name="code">The normalized code.</param>
    /// <returns>Whether it is listed.</returns>
    public bool IsNotMain(string code) => _notMain.Find(code, out _);

    internal bool DiagnosisAge(string code, out AgeRange range) => _dxAge.Find(code, out range);

    internal bool ProcedureAge(string code, out AgeRange range) => _pxAge.Find(code, out range);

    private void ReadInto(TextReader reader, string source)
    {
        var number = 0;
        var sawHeader = false;
        string? raw;
        while ((raw = ReadLine(reader, source, number + 1)) is not null)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(',').Select(f => f.Trim()).ToArray();
            if (!sawHeader)
            {
                if (!(fields.Length == 4 && fields[0] == "list" && fields[1] == "kind" && fields[2] == "code" && fields[3] == "value"))
                {
                    throw Refuse(source, number, "header", "the header must be list,kind,code,value");
                }

                sawHeader = true;
                continue;
            }

            if (fields.Length != 4)
            {
                throw Refuse(source, number, "value", "expected 4 fields: list,kind,code,value");
            }

            var diagnosis = fields[1] switch
            {
                "dx" => true,
                "px" => false,
                _ => throw Refuse(source, number, "kind", "kind is dx or px"),
            };
            var code = Prefix(fields[2], diagnosis) ?? throw Refuse(source, number, "code", diagnosis ? "not an ICD-10 code or prefix" : "not an ICD-9-CM-3 code or prefix");
            switch (fields[0])
            {
                case "sex":
                    var sex = fields[3] switch
                    {
                        "male" => Sex.Male,
                        "female" => Sex.Female,
                        _ => throw Refuse(source, number, "value", "the sex is male or female"),
                    };
                    Add(diagnosis ? _dxSex : _pxSex, code, sex, source, number);
                    break;
                case "age":
                    var range = AgeRange.TryParse(fields[3]) ?? throw Refuse(source, number, "value", "the age range is min-max in days (0d-28d) or years (12y-60y), min ≤ max");
                    Add(diagnosis ? _dxAge : _pxAge, code, range, source, number);
                    break;
                case "not_main":
                    if (!diagnosis)
                    {
                        throw Refuse(source, number, "kind", "not_main applies to diagnoses (dx)");
                    }

                    if (fields[3].Length != 0)
                    {
                        throw Refuse(source, number, "value", "not_main takes no value");
                    }

                    Add(_notMain, code, true, source, number);
                    break;
                default:
                    throw Refuse(source, number, "list", "list is sex, age or not_main");
            }
        }

        if (!sawHeader)
        {
            throw Refuse(source, Math.Max(1, number), "header", "no header line list,kind,code,value");
        }
    }

    private static void Add<T>(PrefixTable<T> table, string code, T value, string source, int line)
    {
        if (!table.Add(code, value))
        {
            throw Refuse(source, line, "code", "the code is listed twice in this list");
        }
    }

    /// <summary>A code or prefix normalized like case codes: letters upper-case, dot where the edition writes it.</summary>
    private static string? Prefix(string text, bool diagnosis)
    {
        if (text.Length == 0 || text.Length > 40)
        {
            return null;
        }

        var upper = text.ToUpperInvariant();
        if (diagnosis)
        {
            if (!(upper[0] is >= 'A' and <= 'Z'))
            {
                return null;
            }

            upper = upper.Substring(0, 1) + upper.Substring(1).Replace("X", "x"); // the extension mark is a lower-case x
            if (upper.Length > 3 && upper[3] != '.')
            {
                upper = upper.Substring(0, 3) + "." + upper.Substring(3);
            }
        }
        else if ((upper = upper.Replace("X", "x")).Length > 2 && upper[2] != '.')
        {
            upper = upper.Substring(0, 2) + "." + upper.Substring(2);
        }

        foreach (var ch in upper)
        {
            if (!(ch is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or 'x' or '+' or '*'))
            {
                return null;
            }
        }

        return upper;
    }

    private static string? ReadLine(TextReader reader, string source, int number)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException(source + ":" + number.ToString(CultureInfo.InvariantCulture) + ": bytes that are not UTF-8", e);
        }
    }

    private static InvalidDataException Refuse(string source, int line, string field, string reason) =>
        new(source + ":" + line.ToString(CultureInfo.InvariantCulture) + ": field " + field + ": " + reason);

    /// <summary>Codes and prefixes with a value; a code matches the longest listed prefix it starts with.</summary>
    private sealed class PrefixTable<T>
    {
        private readonly Dictionary<string, T> _entries = new(StringComparer.Ordinal);
        private int[] _lengths = Array.Empty<int>();

        public int Count => _entries.Count;

        public bool Add(string prefix, T value)
        {
            if (_entries.ContainsKey(prefix))
            {
                return false;
            }

            _entries[prefix] = value;
            if (Array.IndexOf(_lengths, prefix.Length) < 0)
            {
                _lengths = _lengths.Concat(new[] { prefix.Length }).OrderByDescending(l => l).ToArray();
            }

            return true;
        }

        public bool Find(string code, out T value)
        {
            foreach (var length in _lengths)
            {
                if (code.Length >= length && _entries.TryGetValue(length == code.Length ? code : code.Substring(0, length), out value!))
                {
                    return true;
                }
            }

            value = default!;
            return false;
        }
    }
}

/// <summary>年龄范围 — the ages a listed code fits, in days or in whole years.</summary>
internal readonly struct AgeRange
{
    private AgeRange(int min, int max, bool inDays)
    {
        Min = min;
        Max = max;
        InDays = inDays;
    }

    /// <summary>A range as read before (<see cref="TryParse"/> made it; the packed code facts give it back).</summary>
    public static AgeRange Of(int min, int max, bool inDays) => new(min, max, inDays);

    public int Min { get; }

    public int Max { get; }

    public bool InDays { get; }

    /// <summary>Whether the patient's age is outside the range; false when the age cannot be told (an infant without age in days).</summary>
    public bool Excludes(InpatientCase c)
    {
        if (InDays)
        {
            int days;
            if (c.AgeYears > 0)
            {
                days = c.AgeYears * 365;
            }
            else if (c.AgeDays is int d)
            {
                days = d;
            }
            else
            {
                return false;
            }

            return days < Min || days > Max;
        }

        return c.AgeYears < Min || c.AgeYears > Max;
    }

    public static AgeRange? TryParse(string text)
    {
        var dash = text.IndexOf('-');
        if (dash <= 0 || dash == text.Length - 1)
        {
            return null;
        }

        var from = text.Substring(0, dash);
        var to = text.Substring(dash + 1);
        var unit = from[from.Length - 1];
        if (unit is not ('d' or 'y') || to[to.Length - 1] != unit)
        {
            return null;
        }

        if (!int.TryParse(from.Substring(0, from.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            || !int.TryParse(to.Substring(0, to.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            || min > max || max > (unit == 'd' ? 54_750 : 150))
        {
            return null;
        }

        return new AgeRange(min, max, unit == 'd');
    }
}
