using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MedInsurance.Payment.Dip.Serialization;

/// <summary>JSON shape of a policy profile (see docs/formats-dip.md).</summary>
internal sealed class ProfileJson
{
    public string? Name { get; set; }

    public string? Version { get; set; }

    public string? Description { get; set; }

    public string? Source { get; set; }

    public string? RatioBasis { get; set; }

    public decimal? LowThreshold { get; set; }

    public bool? LowInclusive { get; set; }

    public string? LowFormula { get; set; }

    public decimal? HighThreshold { get; set; }

    public bool? HighInclusive { get; set; }

    public string? HighFormula { get; set; }

    public bool? HighReview { get; set; }

    public decimal? ExtremeThreshold { get; set; }

    public bool? ExtremeInclusive { get; set; }

    public string? ExtremeFormula { get; set; }

    public bool? ExtremeReview { get; set; }

    public bool? DeviationSkipsHospitalCoefficient { get; set; }

    public bool? PrimaryCareSkipsHospitalCoefficient { get; set; }

    public string? UnmatchedRule { get; set; }

    public decimal? UnmatchedFactor { get; set; }

    public int? PerDiemMinimumDays { get; set; }

    public int? ScoreDecimals { get; set; }

    public AgeBandsJson? AgeBands { get; set; }

    public List<int>? IcuBands { get; set; }

    public string? SeverityTyping { get; set; }

    public int? SeverityMinimumStayDays { get; set; }

    public decimal? TumourHighCostMultiple { get; set; }

    public decimal? TumourHighCostShare { get; set; }
}

/// <summary>JSON shape of a profile's age bands (see docs/formats-dip.md).</summary>
internal sealed class AgeBandsJson
{
    public int? NeonateMaxDays { get; set; }

    public int? ChildMaxYears { get; set; }

    public int? AdolescentMaxYears { get; set; }

    public int? ElderlyMinYears { get; set; }
}

/// <summary>JSON shape of a catalog.</summary>
internal sealed class CatalogJson
{
    public string? Format { get; set; }

    public string? Edition { get; set; }

    public string? Region { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? EffectiveTo { get; set; }

    public decimal? RegionalMeanCost { get; set; }

    public decimal? ScoreScale { get; set; }

    public Dictionary<string, decimal>? LevelCoefficients { get; set; }

    public List<GroupJson>? Groups { get; set; }
}

/// <summary>JSON shape of a group.</summary>
internal sealed class GroupJson
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Diagnosis { get; set; }

    public string? MainProcedure { get; set; }

    public List<string>? RelatedProcedures { get; set; }

    public string? ProcedureClass { get; set; }

    public decimal Score { get; set; }

    public decimal MeanCost { get; set; }

    public int CaseCount { get; set; }

    public decimal Cv { get; set; }

    public Dictionary<string, decimal>? LevelCoefficients { get; set; }

    public Dictionary<string, decimal>? LevelMeanCosts { get; set; }

    public Dictionary<string, decimal>? AuxiliaryCoefficients { get; set; }
}

/// <summary>JSON shape of the auxiliary-typing lists.</summary>
internal sealed class TypingJson
{
    public List<string>? Cc { get; set; }

    public List<string>? Mcc { get; set; }

    public List<string>? Tumour { get; set; }

    public List<string>? Metastasis { get; set; }

    public List<string>? Radiotherapy { get; set; }

    public List<string>? Chemotherapy { get; set; }

    public List<string>? Malignant { get; set; }

    public List<string>? FailureShockSepsis { get; set; }

    public List<string>? OrganLesionInfection { get; set; }

    public int? ShortStayDays { get; set; }
}

/// <summary>Source-generated System.Text.Json metadata for the DIP formats.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ProfileJson))]
[JsonSerializable(typeof(CatalogJson))]
[JsonSerializable(typeof(TypingJson))]
internal sealed partial class DipJsonContext : JsonSerializerContext
{
    private static DipJsonContext? s_readable;

    /// <summary>The same metadata writing Chinese text as is (not <c>\uXXXX</c>), for files people read. Built on first use.</summary>
    public static DipJsonContext Readable => s_readable ??= new(new System.Text.Json.JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

}
