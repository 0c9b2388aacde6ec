using System;
using System.Collections.Generic;
using System.IO;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Drg.Loading;

/// <summary>
/// 编译规则包 — saves a loaded <see cref="RulePack"/> as JSON and reloads it without parsing the rule text again
/// (for deployments that ship the checked pack rather than the PDF transcription).
/// </summary>
/// <remarks>Thread-safe. The JSON carries a format version; a file of another version is refused.</remarks>
public static class CompiledRulePack
{
    /// <summary>The format version written (2: with <c>conventions</c> and <c>loadReport</c>); version 1 is still read.</summary>
    public const int FormatVersion = 2;

    /// <summary>Writes a pack as JSON (its load report holds only the counts).</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="stream">The stream to write to (left open).</param>
    public static void Save(RulePack pack, Stream stream)
    {
        if (pack is null)
        {
            throw new ArgumentNullException(nameof(pack));
        }

        var report = new ReportBuilder();
        RuleTextLoader.RecordCounts(pack, report);
        Save(new RulePackLoadResult(pack, report.Build(pack.Edition)), stream);
    }

    /// <summary>Writes a loaded pack and its load report as JSON (规则包JSON, docs/formats-drg.md): the converter from the rule text.</summary>
    /// <param name="loaded">The pack and report, e.g. from <see cref="RuleTextLoader.Load(string, string)"/>.</param>
    /// <param name="stream">The stream to write to (left open).</param>
    public static void Save(RulePackLoadResult loaded, Stream stream)
    {
        if (loaded is null)
        {
            throw new ArgumentNullException(nameof(loaded));
        }

        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        var dto = ToDto(loaded.Pack);
        dto.Conventions = CompiledPackConversion.ToDto(loaded.Pack.Conventions);
        dto.LoadReport = CompiledPackConversion.ToDto(loaded.Report);
        JsonSerializer.Serialize(stream, dto, CompiledPackJsonContext.Readable.PackDto);
    }

    /// <summary>Reads a pack written by <see cref="Save(RulePack, Stream)"/>.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The pack.</returns>
    /// <exception cref="FormatException">The content is not a compiled pack of version 1 or 2, or a field is missing or invalid (the message names the JSON path).</exception>
    public static RulePack Load(Stream stream) => LoadWithReport(stream, "pack.json").Pack;

    /// <summary>
    /// Reads a rule-pack JSON with its load report: the counts are recomputed from the content (as the text loader does)
    /// and must equal the counts the file states; notes and unparsed lines are those of the conversion.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <param name="source">The file name used in messages.</param>
    /// <returns>The pack and its report; check it with <see cref="RulePackIntegrity.CheckCompiled"/> before use.</returns>
    /// <exception cref="FormatException">Not valid JSON (with line), another format version, or a missing, null or invalid field (with its JSON path, e.g. <c>$.adrgs[3].mainDiagnoses[2]</c>).</exception>
    public static RulePackLoadResult LoadWithReport(Stream stream, string source)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        PackDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(stream, CompiledPackJsonContext.Default.PackDto);
        }
        catch (JsonException e)
        {
            throw new FormatException(source + ": " + (e.Path ?? "$") + " (line " + ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture) + "): not valid rule-pack JSON: " + e.Message, e);
        }

        if (dto is null || dto.FormatVersion is not (1 or FormatVersion))
        {
            throw new FormatException(source + ": $.formatVersion: compiled DRG pack has format version " + (dto?.FormatVersion.ToString(CultureInfo.InvariantCulture) ?? "none") + "; expected 1 or " + FormatVersion.ToString(CultureInfo.InvariantCulture) + ".");
        }

        CompiledPackValidator.Validate(dto, source);
        EditionConventions conventions;
        try
        {
            conventions = dto.Conventions is null ? EditionConventions.ChsDrg11 : CompiledPackConversion.FromDto(dto.Conventions, source, "$.conventions");
        }
        catch (ArgumentException e)
        {
            throw new FormatException(source + ": $.conventions: " + e.Message, e);
        }

        RulePack pack;
        try
        {
            pack = FromDto(dto, conventions);
        }
        catch (ArgumentException e)
        {
            // Whatever the validator does not name: still a refusal of the file, never a crash.
            throw new FormatException(source + ": $: " + e.Message, e);
        }

        var report = new ReportBuilder();
        var listed = dto.LoadReport?.Counts.FirstOrDefault(c => c.File == RuleTextLoader.AdrgFile && c.Table == "ADRG")?.Codes;
        RuleTextLoader.RecordCounts(pack, report, listed);
        var built = report.Build(pack.Edition);
        if (dto.LoadReport is { } saved)
        {
            CompiledPackConversion.CompareCounts(saved, built, source);
            foreach (var n in saved.Notes)
            {
                report.Note(n);
            }

            foreach (var u in saved.Unparsed)
            {
                report.Unparsed(u.File, u.Line, u.Text, u.Reason);
            }

            built = report.Build(pack.Edition);
        }

        return new RulePackLoadResult(pack, built);
    }

    /// <summary>Reads an edition's prose rules (版本约定) from JSON: the <c>conventions</c> object of the rule-pack format, alone in a file.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="source">The file name used in messages.</param>
    /// <returns>The conventions.</returns>
    /// <exception cref="FormatException">Not valid JSON, or a missing or invalid field (with its JSON path).</exception>
    public static EditionConventions ReadConventions(Stream stream, string source)
    {
        if (stream is null || source is null)
        {
            throw new ArgumentNullException(stream is null ? nameof(stream) : nameof(source));
        }

        ConventionsDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(stream, CompiledPackJsonContext.Default.ConventionsDto);
        }
        catch (JsonException e)
        {
            throw new FormatException(source + ": " + (e.Path ?? "$") + " (line " + ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture) + "): not valid conventions JSON: " + e.Message, e);
        }

        if (dto is null)
        {
            throw new FormatException(source + ": $: no conventions object.");
        }

        try
        {
            return CompiledPackConversion.FromDto(dto, source, "$");
        }
        catch (ArgumentException e)
        {
            throw new FormatException(source + ": $: " + e.Message, e);
        }
    }

    private static PackDto ToDto(RulePack pack) => new()
    {
        FormatVersion = FormatVersion,
        Edition = pack.Edition,
        Mdcs = pack.Mdcs.Select(m => new MdcDto
        {
            Code = m.Code,
            Name = m.Name,
            MainDiagnoses = m.MainDiagnoses.ToList(),
            TraumaRegions = m.TraumaRegions.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            AdditionalTraumaRegions = m.AdditionalTraumaRegions.Count == 0 ? null : m.AdditionalTraumaRegions.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal),
            File = m.Source.File,
            Line = m.Source.Line,
        }).ToList(),
        Adrgs = pack.Adrgs.Select(a => new AdrgDto
        {
            Code = a.Code,
            Name = a.Name,
            Mdc = a.Mdc,
            MainDiagnoses = a.MainDiagnoses.ToList(),
            AnyDiagnoses = a.AnyDiagnoses.ToList(),
            MainProcedures = a.MainProcedures.ToList(),
            Tables = a.ProcedureTables.Select(t => new TableDto { Number = t.Number, Codes = t.Codes.ToList() }).ToList(),
            Combinations = a.TableCombinations.Select(c => c.ToList()).ToList(),
            RequiresOperatingRoomProcedure = a.RequiresOperatingRoomProcedure,
            RequiresNoProcedure = a.RequiresNoProcedure,
            AgeMinDays = a.AgeBand.MinDays,
            AgeMaxDays = a.AgeBand.MaxDays,
            WeightMinGrams = a.BirthWeightBand.MinGrams,
            WeightMaxGrams = a.BirthWeightBand.MaxGrams,
            File = a.Source.File,
            Line = a.Source.Line,
        }).ToList(),
        Drgs = pack.Drgs.Select(d => new DrgDto { Code = d.Code, Name = d.Name, File = d.Source.File, Line = d.Source.Line }).ToList(),
        Complications = pack.Complications.Values.OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new ComplicationDto { Code = c.Code, Level = (int)c.Level, ExclusionTable = c.ExclusionTable, File = c.Source.File, Line = c.Source.Line }).ToList(),
        ExclusionTables = pack.ExclusionTables.Values.OrderBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => new ExclusionDto { Id = t.Id, MainDiagnoses = t.MainDiagnoses.ToList(), File = t.Source.File, Line = t.Source.Line }).ToList(),
    };

    private static RulePack FromDto(PackDto d, EditionConventions conventions) => new(
        d.Edition,
        d.Mdcs.Select(m => new MdcRule(m.Code, m.Name, m.MainDiagnoses, m.TraumaRegions, m.AdditionalTraumaRegions?.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal), new SourceLocation(m.File, m.Line))),
        d.Adrgs.Select(a => new AdrgRule(
            a.Code,
            a.Name,
            a.Mdc,
            a.MainDiagnoses,
            a.AnyDiagnoses,
            a.MainProcedures,
            a.Tables.Select(t => new ProcedureTable(t.Number, t.Codes)),
            a.Combinations.Select(c => (IEnumerable<int>)c),
            a.RequiresOperatingRoomProcedure,
            a.RequiresNoProcedure,
            new AgeBand(a.AgeMinDays, a.AgeMaxDays),
            new WeightBand(a.WeightMinGrams, a.WeightMaxGrams),
            new SourceLocation(a.File, a.Line))),
        d.Drgs.Select(x => new DrgRule(x.Code, x.Name, new SourceLocation(x.File, x.Line))),
        d.Complications.Select(c => new ComplicationRule(c.Code, (ComplicationLevel)c.Level, c.ExclusionTable, new SourceLocation(c.File, c.Line))),
        d.ExclusionTables.Select(t => new ExclusionTable(t.Id, t.MainDiagnoses, new SourceLocation(t.File, t.Line))),
        conventions);
}

#pragma warning disable CA1002, CA2227, SA1402 // JSON transfer objects: mutable lists are what the serializer fills.
internal sealed class PackDto
{
    public int FormatVersion { get; set; }

    public string Edition { get; set; } = string.Empty;

    public List<MdcDto> Mdcs { get; set; } = new();

    public List<AdrgDto> Adrgs { get; set; } = new();

    public List<DrgDto> Drgs { get; set; } = new();

    public List<ComplicationDto> Complications { get; set; } = new();

    public List<ExclusionDto> ExclusionTables { get; set; } = new();

    /// <summary>Version 2; absent: the CHS-DRG 1.1 conventions.</summary>
    public ConventionsDto? Conventions { get; set; }

    /// <summary>Version 2; absent: counts only.</summary>
    public ReportDto? LoadReport { get; set; }
}

internal sealed class MdcDto
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public List<string> MainDiagnoses { get; set; } = new();

    public Dictionary<string, string> TraumaRegions { get; set; } = new();

    /// <summary>Optional (absent in packs written before it existed): codes listed under more than one region.</summary>
    public Dictionary<string, List<string>>? AdditionalTraumaRegions { get; set; }

    public string File { get; set; } = string.Empty;

    public int Line { get; set; }
}

internal sealed class AdrgDto
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Mdc { get; set; } = string.Empty;

    public List<string> MainDiagnoses { get; set; } = new();

    public List<string> AnyDiagnoses { get; set; } = new();

    public List<string> MainProcedures { get; set; } = new();

    public List<TableDto> Tables { get; set; } = new();

    public List<List<int>> Combinations { get; set; } = new();

    public bool RequiresOperatingRoomProcedure { get; set; }

    public bool RequiresNoProcedure { get; set; }

    public int AgeMinDays { get; set; }

    public int AgeMaxDays { get; set; }

    public int WeightMinGrams { get; set; }

    public int WeightMaxGrams { get; set; }

    public string File { get; set; } = string.Empty;

    public int Line { get; set; }
}

internal sealed class TableDto
{
    public int Number { get; set; }

    public List<string> Codes { get; set; } = new();
}

internal sealed class DrgDto
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string File { get; set; } = string.Empty;

    public int Line { get; set; }
}

internal sealed class ComplicationDto
{
    public string Code { get; set; } = string.Empty;

    public int Level { get; set; }

    public string? ExclusionTable { get; set; }

    public string File { get; set; } = string.Empty;

    public int Line { get; set; }
}

internal sealed class ExclusionDto
{
    public string Id { get; set; } = string.Empty;

    public List<string> MainDiagnoses { get; set; } = new();

    public string File { get; set; } = string.Empty;

    public int Line { get; set; }
}
#pragma warning restore CA1002, CA2227, SA1402

/// <summary>System.Text.Json source-generated metadata for the compiled pack.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PackDto))]
[JsonSerializable(typeof(ConventionsDto))]
internal sealed partial class CompiledPackJsonContext : JsonSerializerContext
{
    private static CompiledPackJsonContext? s_readable;

    /// <summary>The same metadata writing Chinese names as is (not <c>\uXXXX</c>). Built on first use.</summary>
    public static CompiledPackJsonContext Readable => s_readable ??= new(new System.Text.Json.JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    });

}
