using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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

    /// <summary>Reads a hospital CSV file (encoding detected: BOM, else UTF-8 when valid, else GB18030).</summary>
    /// <param name="path">The path.</param>
    /// <returns>One record per data row.</returns>
    public static IReadOnlyList<ReadRecord<HospitalRow>> ReadFile(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return ReadIterator(CsvTables.OpenFile(path, CsvReadOptions.Default), null).ToList();
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

        return ReadIterator(CsvInput.Open(reader, CsvReadOptions.Default), null);
    }

    /// <summary>Reads a hospital CSV byte stream lazily in the encoding of <paramref name="options"/>.</summary>
    /// <param name="stream">The bytes (left open).</param>
    /// <param name="options">The encoding and limits.</param>
    /// <param name="completed">Called once at the end with the rows in and out and the encoding used.</param>
    /// <returns>One record per data row, in order.</returns>
    public static IEnumerable<ReadRecord<HospitalRow>> Read(Stream stream, CsvReadOptions options, Action<CsvReadReport>? completed)
    {
        if (stream is null || options is null)
        {
            throw new ArgumentNullException(stream is null ? nameof(stream) : nameof(options));
        }

        return ReadIterator(CsvInput.Open(stream, options, ownsStream: false), completed);
    }

    private static IEnumerable<ReadRecord<HospitalRow>> ReadIterator(CsvInput input, Action<CsvReadReport>? completed)
    {
        using (input)
        {
            var header = CsvTables.ReadHeader(input);
            if (header is null)
            {
                completed?.Invoke(CsvTables.Report(input, 0, 0));
                yield break;
            }

            var extraColumns = header.Names.Where(n => !KnownColumns.Contains(n, StringComparer.OrdinalIgnoreCase)).ToArray();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var f = new FieldReader(input, header.IndexOf);
            long row = 0, accepted = 0;
            while (input.MoveNext())
            {
                row++;
                var record = ReadRow(input, header, f, extraColumns, seen, checked((int)row));
                accepted += record.IsRejected ? 0 : 1;
                yield return record;
            }

            completed?.Invoke(CsvTables.Report(input, row, accepted));
        }
    }

    private static ReadRecord<HospitalRow> ReadRow(CsvInput input, HeaderIndex header, FieldReader f, string[] extraColumns, HashSet<string> seen, int row)
    {
        var issues = f.Issues;
        issues.Clear();
        if (!header.Has(IdColumn))
        {
            issues.Add(CsvTables.MissingColumn(IdColumn));
        }

        if (CsvTables.RowProblem(input, header, out var undecodable) is { } problem)
        {
            issues.Add(problem);
            var badId = undecodable && input.FindUndecodable() == header.IndexOf(IdColumn) ? string.Empty : f.Text(IdColumn);
            return new ReadRecord<HospitalRow>(row, badId, null, CsvTables.Snapshot(issues));
        }

        var id = f.Text(IdColumn);
        if (header.Has(IdColumn) && id.Length == 0)
        {
            issues.Add(ValidationIssue.Error(IssueCodes.FieldRequired, IdColumn, "缺少医疗机构代码", "The hospital id is missing."));
        }
        else if (id.Length > 0 && !seen.Add(id))
        {
            issues.Add(ValidationIssue.Error(IssueCodes.CaseIdDuplicated, IdColumn, "医疗机构代码“" + id + "”重复", "The hospital id '" + id + "' occurs more than once."));
        }

        var levelText = f.Text(LevelColumn);
        var level = default(HospitalLevel);
        if (levelText.Length > 0 && !HospitalLevel.TryParse(levelText, out level))
        {
            f.Invalid(LevelColumn, levelText, "医院等级，如三级甲等或3A", "a level such as 三级甲等 or 3A");
        }

        var type = ReadType(f);
        var extras = extraColumns.ToDictionary(c => c, c => f.Text(c), StringComparer.OrdinalIgnoreCase);
        HospitalRow? value = id.Length == 0
            ? null
            : new HospitalRow(new Hospital { Id = id, Name = f.Text(NameColumn), Level = level, Type = type }, extras);
        return new ReadRecord<HospitalRow>(row, id, value, CsvTables.Snapshot(issues));
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
