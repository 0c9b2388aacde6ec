using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using C = MedInsurance.Payment.Interchange.CaseCsvColumns;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 表头映射 — header names of a case file mapped to the case CSV's own names (<see cref="CaseCsvColumns"/>): the national
/// settlement-list (医保结算清单) names built in (<see cref="National"/>), and a HIS's own names from a two-column mapping
/// file <c>their_name,our_name</c> (<see cref="Read(TextReader, string)"/>). Names compare case-insensitively, trimmed.
/// </summary>
/// <remarks>
/// The case reader resolves each header cell through the given map, then <see cref="National"/>, then takes it as written;
/// two cells that resolve to the same column reject every row with <c>COLUMN_DUPLICATED</c>, never one chosen silently.
/// Immutable and thread-safe. Callable from C# 7.3.
/// </remarks>
public sealed class CaseHeaderMap
{
    private static readonly HashSet<string> Targets = new(C.All, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, string> _targets;

    private CaseHeaderMap(Dictionary<string, string> targets)
    {
        _targets = targets;
    }

    /// <summary>
    /// 国家医保结算清单字段名 — the national settlement-list names read beside the format's own (docs/formats.md, "National
    /// field names"): 清单流水号 → <c>id</c>, 定点医药机构代码 → <c>hospital_id</c>, 主要诊断代码 → <c>main_diagnosis</c>,
    /// 实际住院天数 → <c>los</c>, 出院时间 → <c>discharge_date</c>, 医疗总费用 → <c>total_cost</c> …
    /// </summary>
    public static CaseHeaderMap National { get; } = new(NationalNames());

    /// <summary>空映射 — no names mapped (the built-in national names still apply in the reader).</summary>
    public static CaseHeaderMap Empty { get; } = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>映射 — their name → our column name.</summary>
    public IReadOnlyDictionary<string, string> Entries => _targets;

    /// <summary>The case column a header name maps to, or null when this map does not name it.</summary>
    /// <param name="header">A header cell (trimmed here).</param>
    /// <returns>The column name of <see cref="CaseCsvColumns"/>, or null.</returns>
    public string? TargetOf(string header) =>
        header is not null && _targets.TryGetValue(header.Trim(), out var target) ? target : null;

    /// <summary>Whether a name is a column of the case CSV format (<see cref="CaseCsvColumns.All"/>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether known.</returns>
    public static bool IsColumn(string name) => name is not null && Targets.Contains(name.Trim());

    /// <summary>Reads a header mapping file (UTF-8 or GB18030 detected; header row <c>their_name,our_name</c> optional).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The map.</returns>
    /// <exception cref="InvalidDataException">When a line is not two names, a target is not a case column, a source repeats, or two sources map to the same target (message: file, line, field).</exception>
    public static CaseHeaderMap ReadFile(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        using var reader = new StringReader(TextEncodings.Decode(File.ReadAllBytes(path), TextEncodingChoice.Auto, Path.GetFileName(path), out _));
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads a header mapping: lines <c>their_name,our_name</c>, blank lines and lines starting with <c>#</c> skipped.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The file name for messages.</param>
    /// <returns>The map.</returns>
    /// <exception cref="InvalidDataException">When a line is not two names, a target is not a case column, a source repeats, or two sources map to the same target (message: file, line, field).</exception>
    public static CaseHeaderMap Read(TextReader reader, string source)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        source ??= "header map";
        var targets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sourceOfTarget = new Dictionary<string, (string Name, int Line)>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var text = line.Trim().TrimStart('\uFEFF');
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            var parts = text.Split(',');
            string Where(string field) => source + " line " + lineNumber.ToString(CultureInfo.InvariantCulture) + ", " + field + ": ";
            if (parts.Length != 2 || parts[0].Trim().Trim('"').Length == 0 || parts[1].Trim().Trim('"').Length == 0)
            {
                throw new InvalidDataException(Where("their_name,our_name") + "expected two names separated by one comma.");
            }

            var theirs = parts[0].Trim().Trim('"').Trim();
            var ours = parts[1].Trim().Trim('"').Trim();
            if (lineNumber == 1 && string.Equals(theirs, "their_name", StringComparison.OrdinalIgnoreCase) && string.Equals(ours, "our_name", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!Targets.Contains(ours))
            {
                throw new InvalidDataException(Where("our_name") + "'" + ours + "' is not a case column (" + string.Join(", ", C.All) + ").");
            }

            if (targets.ContainsKey(theirs))
            {
                throw new InvalidDataException(Where("their_name") + "'" + theirs + "' is mapped twice.");
            }

            if (sourceOfTarget.TryGetValue(ours, out var earlier))
            {
                throw new InvalidDataException(Where("our_name") + "'" + theirs + "' and '" + earlier.Name + "' (line " + earlier.Line.ToString(CultureInfo.InvariantCulture)
                    + ") both map to '" + ours + "': two columns cannot be the same column.");
            }

            targets.Add(theirs, C.All.First(c => string.Equals(c, ours, StringComparison.OrdinalIgnoreCase)));
            sourceOfTarget.Add(ours, (theirs, lineNumber));
        }

        return new CaseHeaderMap(targets);
    }

    /// <summary>The national names; each is a data item of the settlement list (医疗保障基金结算清单) or a common export spelling of one.</summary>
    private static Dictionary<string, string> NationalNames()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string column, params string[] aliases)
        {
            foreach (var alias in aliases)
            {
                names.Add(alias, column);
            }
        }

        Add(C.Id, "清单流水号", "结算清单流水号", "结算清单号");
        Add(C.HospitalId, "定点医药机构代码", "定点医药机构编码", "定点医药机构编号", "医疗机构代码");
        Add(C.Fund, "医保类型", "险种类型", "险种");
        Add(C.Sex, "性别");
        Add(C.Age, "年龄");
        Add(C.AgeDays, "天龄", "年龄（天）", "年龄(天)");
        Add(C.BirthWeight, "新生儿出生体重");
        Add(C.AdmissionWeight, "新生儿入院体重");
        Add(C.AdmissionDate, "入院时间", "入院日期");
        Add(C.DischargeDate, "出院时间", "出院日期");
        Add(C.LengthOfStay, "实际住院天数", "住院天数");
        Add(C.DischargeType, "离院方式");
        Add(C.MainDiagnosis, "主要诊断代码", "主要诊断编码", "主诊断代码", "主要诊断");
        Add(C.OtherDiagnoses, "其他诊断代码", "其他诊断编码", "相关诊断代码", "相关诊断编码", "相关诊断");
        Add(C.MainProcedure, "主要手术及操作代码", "主要手术及操作编码", "主要手术操作代码", "主要手术及操作");
        Add(C.OtherProcedures, "其他手术及操作代码", "其他手术及操作编码", "相关手术及操作代码", "相关手术及操作编码", "相关手术及操作");
        Add(C.TotalCost, "医疗总费用", "总费用", "金额合计", "住院总费用");
        Add(C.FundPaid, "医保统筹基金支付", "统筹基金支付");
        Add(C.PatientPaid, "个人负担");
        Add(C.PatientId, "人员编号", "个人编号", "医保编号", "psn_no");
        Add(C.AdmissionRoute, "入院途径");
        Add(C.OutOfCatalogCost, "个人自费", "全自费金额", "全自费", "目录外费用");
        foreach (var item in NationalChargeItems.Items)
        {
            Add(item.Column, item.Names);
        }

        return names;
    }
}
