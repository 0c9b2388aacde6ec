using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MedInsurance.Payment.Drg.Pricing;

internal sealed class DrgPricingPolicyJson
{
    public string? Name { get; set; }

    public string? Version { get; set; }

    public string? Region { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? EffectiveTo { get; set; }

    public string? Description { get; set; }

    public string? Form { get; set; }

    public string? PointSystem { get; set; }

    public decimal? PointScale { get; set; }

    public List<DrgRateJson>? Rates { get; set; }

    public Dictionary<string, decimal>? LevelCoefficients { get; set; }

    public int? BaseGroupLevel { get; set; }

    public DrgRoundingJson? Rounding { get; set; }

    public DrgLineRoundingJson? LineRounding { get; set; }

    public DrgOutliersJson? Outliers { get; set; }
}

internal sealed class DrgRateJson
{
    public string? Fund { get; set; }

    public int? Level { get; set; }

    public decimal? Yuan { get; set; }
}

internal sealed class DrgRoundingJson
{
    public string? Mode { get; set; }

    public int? Decimals { get; set; }
}

internal sealed class DrgLineRoundingJson
{
    public DrgRoundingJson? Money { get; set; }

    public DrgRoundingJson? Points { get; set; }
}

internal sealed class DrgOutliersJson
{
    public string? Comparator { get; set; }

    public string? ThresholdSource { get; set; }

    public decimal? LowMultiple { get; set; }

    public decimal? HighMultiple { get; set; }

    public List<DrgHighBandJson>? HighBands { get; set; }

    public string? LowPayment { get; set; }

    public string? HighPayment { get; set; }

    public decimal? HighExcessShare { get; set; }

    public decimal? ExtremeMultiple { get; set; }

    public int? LongStayDays { get; set; }

    public DrgIncompleteStayJson? IncompleteStay { get; set; }

    public decimal? ReferencePointValue { get; set; }
}

internal sealed class DrgHighBandJson
{
    public decimal? UpToBasePoints { get; set; }

    public decimal? Multiple { get; set; }
}

internal sealed class DrgIncompleteStayJson
{
    public int? MaxDays { get; set; }

    public List<string>? DischargeTypes { get; set; }

    public string? Payment { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(DrgPricingPolicyJson))]
internal sealed partial class DrgPricingJsonContext : JsonSerializerContext
{
}
