using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 医疗机构CSV读取 — reads hospitals from the hospital CSV format:
/// <c>hospital_id,name,level,type</c> plus optional columns that later layers read (e.g. <c>coefficient</c>).
/// </summary>
/// <remarks>Every data row yields exactly one record, in file order; bad rows carry coded issues. Thread-safe.</remarks>
public static class HospitalCsvReader
{
    /// <summary>医疗机构代码 (required).</summary>
    public const string IdColumn = "hospital_id";

    /// <summary>名称.</summary>
    public const string NameColumn = "name";

    /// <summary>等级 — <c>三级甲等</c>-style text or <c>3A</c>-style codes.</summary>
    public const string LevelColumn = "level";

    /// <summary>类别 — <c>general|specialist|tcm|primary</c> (also 综合/专科/中医/基层).</summary>
    public const string TypeColumn = "type";

    private static readonly string[] KnownColumns = { IdColumn, NameColumn, LevelColumn, TypeColumn };

    /// <summary>Reads a hospital CSV file.</summary>
    /// <param name="path">The path.</param>
    /// <returns>One record per data row.</returns>
    public static IReadOnlyList<ReadRecord<HospitalRow>> ReadFile(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return Read(reader).ToList();
    }

    /// <summary>Reads hospital CSV text lazily.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>One record per data row, in order.</returns>
    public static IEnumerable<ReadRecord<HospitalRow>> Read(TextReader reader)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        return ReadIterator(reader);
    }

    private static IEnumerable<ReadRecord<HospitalRow>> ReadIterator(TextReader reader)
    {
        string? badData = null;
        using var csv = new CsvReader(reader, CsvTables.Configuration(args => badData ??= args.RawRecord));
        if (!csv.Read() || !csv.ReadHeader())
        {
            yield break;
        }

        var header = new HeaderIndex(csv.HeaderRecord ?? Array.Empty<string>());
        var extraColumns = header.Names.Where(n => !KnownColumns.Contains(n, StringComparer.OrdinalIgnoreCase)).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var row = 0;
        while (csv.Read())
        {
            row++;
            var issues = new List<ValidationIssue>();
            var f = new FieldReader(column => header.Get(csv, column), issues);
            var id = f.Text(IdColumn);
            if (!header.Has(IdColumn))
            {
                issues.Add(CsvTables.MissingColumn(IdColumn));
            }
            else if (id.Length == 0)
            {
                issues.Add(ValidationIssue.Error(IssueCodes.FieldRequired, IdColumn, "缺少医疗机构代码", "The hospital id is missing."));
            }
            else if (!seen.Add(id))
            {
                issues.Add(ValidationIssue.Error(IssueCodes.CaseIdDuplicated, IdColumn, "医疗机构代码“" + id + "”重复", "The hospital id '" + id + "' occurs more than once."));
            }

            var levelText = f.Text(LevelColumn);
            var level = default(HospitalLevel);
            if (levelText.Length > 0 && !HospitalLevel.TryParse(levelText, out level))
            {
                f.Invalid(LevelColumn, levelText, "医院等级，如三级甲等或3A", "a level such as 三级甲等 or 3A");
            }

            // CsvHelper reports bad data while fields are read, so check after reading them.
            if (badData is not null)
            {
                issues.Add(CsvTables.MalformedRow(row));
                badData = null;
            }

            var type = ReadType(f);
            var extras = extraColumns.ToDictionary(c => c, c => f.Text(c), StringComparer.OrdinalIgnoreCase);
            HospitalRow? value = id.Length == 0
                ? null
                : new HospitalRow(new Hospital { Id = id, Name = f.Text(NameColumn), Level = level, Type = type }, extras);
            yield return new ReadRecord<HospitalRow>(row, id, value, issues);
        }
    }

    private static HospitalType ReadType(FieldReader f)
    {
        var text = f.Text(TypeColumn);
        switch (text.ToUpperInvariant())
        {
            case "" or "GENERAL" or "综合" or "综合医院":
                return HospitalType.General;
            case "SPECIALIST" or "专科" or "专科医院":
                return HospitalType.Specialist;
            case "TCM" or "中医" or "中医医院":
                return HospitalType.TraditionalChineseMedicine;
            case "PRIMARY" or "基层" or "基层医疗机构":
                return HospitalType.PrimaryCare;
            default:
                f.Invalid(TypeColumn, text, "general、specialist、tcm或primary", "general, specialist, tcm or primary");
                return HospitalType.General;
        }
    }
}
