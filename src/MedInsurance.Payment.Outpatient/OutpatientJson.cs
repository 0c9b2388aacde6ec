using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MedInsurance.Payment.Outpatient;

#pragma warning disable CA1812 // instantiated by the JSON source generator
internal sealed class CombinationTableJson
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Name { get; set; }

    public string? Basis { get; set; }

    public string? PointSystem { get; set; }

    public Dictionary<string, decimal>? FundShares { get; set; }

    public FeeForServiceJson? FeeForService { get; set; }

    public List<CombinationJson>? Combinations { get; set; }
}

internal sealed class FeeForServiceJson
{
    public Dictionary<string, decimal>? FundShares { get; set; }

    public string? PointSystem { get; set; }
}

internal sealed class CombinationJson
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Class { get; set; }

    public string? Match { get; set; }

    public List<string>? Codes { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public Dictionary<string, decimal>? Prices { get; set; }

    public Dictionary<string, decimal>? Points { get; set; }
}

internal sealed class ChronicPolicyJson
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Name { get; set; }

    public string? PointSystem { get; set; }

    public List<DiseaseJson>? Diseases { get; set; }

    public List<CeilingJson>? PersonCeilings { get; set; }

    public TransitionJson? Transition { get; set; }
}

internal sealed class DiseaseJson
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public List<string>? Diagnoses { get; set; }

    public List<string>? CoveredKinds { get; set; }

    public List<string>? CoveredItems { get; set; }

    public List<TermsJson>? Terms { get; set; }
}

internal sealed class TermsJson
{
    public string? Fund { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public decimal? Ratio { get; set; }

    public decimal? Deductible { get; set; }

    public decimal? Ceiling { get; set; }
}

internal sealed class CeilingJson
{
    public string? Fund { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public decimal? Ceiling { get; set; }
}

internal sealed class TransitionJson
{
    public string? CutOver { get; set; }

    public int? Years { get; set; }

    public List<DiseaseJson>? LegacyDiseases { get; set; }
}
#pragma warning restore CA1812

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(CombinationTableJson))]
[JsonSerializable(typeof(ChronicPolicyJson))]
internal sealed partial class OutpatientJsonContext : JsonSerializerContext
{
}
