using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using MedInsurance.Payment.Dip.Internal;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// 手术操作属性表 — the region's table of procedure attributes (surgery / intervention / therapeutic / diagnostic),
/// from which comprehensive groups take their procedure class. Lookup is by the full code, then by the code
/// without its 医保版 extension (e.g. <c>47.0900x001</c> → <c>47.0900</c>).
/// </summary>
/// <threadsafety>Immutable after construction; safe to share across threads.</threadsafety>
public sealed class ProcedureAttributeTable
{
    private readonly Dictionary<CodeKey, DipProcedureAttribute> _attributes;
    private readonly PackedTable<DipProcedureAttribute> _packed;

    /// <summary>Creates a table from code → attribute pairs.</summary>
    /// <param name="entries">The entries; a code listed twice is a configuration error.</param>
    public ProcedureAttributeTable(IEnumerable<KeyValuePair<string, DipProcedureAttribute>> entries)
    {
        _attributes = new Dictionary<CodeKey, DipProcedureAttribute>(CodeKeyComparer.Instance);
        foreach (var entry in entries ?? throw new ArgumentNullException(nameof(entries)))
        {
            var code = (entry.Key ?? string.Empty).Trim();
            if (code.Length == 0)
            {
                throw new ArgumentException("A procedure-attribute entry has an empty code.", nameof(entries));
            }

            if (!_attributes.ContainsKey(new CodeKey(code)))
            {
                _attributes.Add(new CodeKey(code), entry.Value);
            }
            else
            {
                throw new ArgumentException("The procedure code '" + code + "' occurs twice in the procedure-attribute table.", nameof(entries));
            }
        }

        // Codes that pack into 128 bits are looked up as integers; whether a code packs depends only on its characters,
        // so a packable lookup never needs the string table.
        var packed = new List<KeyValuePair<PackedCodePair, DipProcedureAttribute>>();
        foreach (var pair in _attributes)
        {
            if (PackedCodePair.TryPackProcedure(pair.Key.Text, pair.Key.Length, out var key))
            {
                packed.Add(new KeyValuePair<PackedCodePair, DipProcedureAttribute>(key, pair.Value));
            }
        }

        _packed = new PackedTable<DipProcedureAttribute>(packed);
    }

    /// <summary>空表 — an empty table: every procedure is <see cref="DipProcedureAttribute.Unknown"/>.</summary>
    public static ProcedureAttributeTable Empty { get; } = new(Array.Empty<KeyValuePair<string, DipProcedureAttribute>>());

    /// <summary>条目数 — the number of entries.</summary>
    public int Count => _attributes.Count;

    /// <summary>查询属性 — the attribute of <paramref name="code"/>; allocation-free.</summary>
    /// <param name="code">The procedure code.</param>
    /// <returns>The attribute, or <see cref="DipProcedureAttribute.Unknown"/>.</returns>
    public DipProcedureAttribute Get(ProcedureCode code)
    {
        var value = code.Value;
        if (value.Length == 0)
        {
            return DipProcedureAttribute.Unknown;
        }

        if (Find(value, value.Length, out var attribute))
        {
            return attribute;
        }

        var baseLength = CodeKey.BaseLength(value);
        return baseLength < value.Length && Find(value, baseLength, out attribute)
            ? attribute
            : DipProcedureAttribute.Unknown;
    }

    private bool Find(string code, int length, out DipProcedureAttribute attribute) =>
        PackedCodePair.TryPackProcedure(code, length, out var key)
            ? _packed.TryGetValue(key, out attribute)
            : _attributes.TryGetValue(new CodeKey(code, length), out attribute);

    /// <summary>
    /// 读取CSV — reads a table with the header <c>procedure,attribute</c>; the attribute is
    /// <c>surgery|intervention|therapeutic|diagnostic</c> (or 手术/介入/治疗性操作/诊断性操作).
    /// </summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="source">The file name used in error messages.</param>
    /// <returns>The table.</returns>
    /// <exception cref="FormatException">A row is malformed (the message names the file and line).</exception>
    public static ProcedureAttributeTable ReadCsv(TextReader reader, string source)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        var entries = new List<KeyValuePair<string, DipProcedureAttribute>>();
        var line = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (line == 1 || text.Trim().Length == 0)
            {
                continue;
            }

            var parts = text.Split(',');
            if (parts.Length < 2 || !TryParseAttribute(parts[1].Trim(), out var attribute))
            {
                throw new FormatException(source + ", line " + line.ToString(CultureInfo.InvariantCulture)
                    + ": expected 'procedure,attribute' with attribute surgery, intervention, therapeutic or diagnostic.");
            }

            entries.Add(new KeyValuePair<string, DipProcedureAttribute>(parts[0].Trim(), attribute));
        }

        return new ProcedureAttributeTable(entries);
    }

    /// <summary>解析属性 — parses an attribute name (English or Chinese).</summary>
    /// <param name="text">The text.</param>
    /// <param name="attribute">The attribute.</param>
    /// <returns>Whether the text names an attribute.</returns>
    public static bool TryParseAttribute(string? text, out DipProcedureAttribute attribute)
    {
        switch ((text ?? string.Empty).Trim().ToUpperInvariant())
        {
            case "SURGERY" or "手术":
                attribute = DipProcedureAttribute.Surgery;
                return true;
            case "INTERVENTION" or "介入" or "介入治疗":
                attribute = DipProcedureAttribute.Intervention;
                return true;
            case "THERAPEUTIC" or "治疗性操作":
                attribute = DipProcedureAttribute.Therapeutic;
                return true;
            case "DIAGNOSTIC" or "诊断性操作":
                attribute = DipProcedureAttribute.Diagnostic;
                return true;
            default:
                attribute = DipProcedureAttribute.Unknown;
                return false;
        }
    }

    /// <summary>操作分类 — the comprehensive-group class an attribute maps to.</summary>
    /// <param name="attribute">The attribute.</param>
    /// <returns>The class.</returns>
    public static DipProcedureClass ClassOf(DipProcedureAttribute attribute) => attribute switch
    {
        DipProcedureAttribute.Surgery or DipProcedureAttribute.Intervention => DipProcedureClass.RelatedSurgery,
        DipProcedureAttribute.Therapeutic => DipProcedureClass.Therapeutic,
        DipProcedureAttribute.Diagnostic => DipProcedureClass.Diagnostic,
        _ => DipProcedureClass.Conservative,
    };
}
