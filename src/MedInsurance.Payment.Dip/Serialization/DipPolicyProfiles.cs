using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using MedInsurance.Payment.Dip.Serialization;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// DIP政策配置库 — reads and writes policy profiles as JSON (docs/formats-dip.md) and serves the built-in ones,
/// embedded as resources: <c>national-dip-1.0</c>, <c>national-dip-3.0</c>, <c>guangzhou</c>, <c>jining</c>.
/// </summary>
public static class DipPolicyProfiles
{
    private const string ResourcePrefix = "MedInsurance.Payment.Dip.Profiles.";
    private static readonly Lazy<Dictionary<string, DipPolicyProfile>> BuiltInProfiles = new(LoadBuiltIns);

    /// <summary>内置配置名称 — the names of the built-in profiles.</summary>
    public static IReadOnlyList<string> BuiltInNames => BuiltInProfiles.Value.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();

    /// <summary>取内置配置 — the built-in profile named <paramref name="name"/>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException">No such built-in profile.</exception>
    public static DipPolicyProfile BuiltIn(string name) => TryGetBuiltIn(name, out var profile)
        ? profile
        : throw new ArgumentException("No built-in DIP profile '" + name + "'; the built-in ones are " + string.Join(", ", BuiltInNames) + ".", nameof(name));

    /// <summary>查找内置配置 — tries to get a built-in profile.</summary>
    /// <param name="name">The name.</param>
    /// <param name="profile">The profile.</param>
    /// <returns>Whether it exists.</returns>
    public static bool TryGetBuiltIn(string name, out DipPolicyProfile profile)
    {
        if (name is not null && BuiltInProfiles.Value.TryGetValue(name, out var found))
        {
            profile = found;
            return true;
        }

        profile = null!;
        return false;
    }

    /// <summary>读取JSON — parses a profile.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The file name, for error messages.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="FormatException">The JSON is malformed or a field is invalid (the message names the file and field).</exception>
    public static DipPolicyProfile FromJson(string json, string source)
    {
        try
        {
            Interchange.JsonLineMap.RefuseNullArrayItems(json ?? throw new ArgumentNullException(nameof(json)), source, "DIP_JSON_INVALID");
        }
        catch (InvalidDataException e)
        {
            throw new FormatException(e.Message, e);
        }

        ProfileJson? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json ?? throw new ArgumentNullException(nameof(json)), DipJsonContext.Default.ProfileJson);
        }
        catch (JsonException e)
        {
            throw new FormatException(source + ": " + e.Message, e);
        }

        if (dto is null)
        {
            throw new FormatException(source + ": the profile is empty.");
        }

        var profile = new DipPolicyProfile
        {
            AuxiliaryBands = Bands(dto, source),
            SeverityTyping = EnumText.Parse(dto.SeverityTyping, DipSeverityTyping.Dip1, source, "severityTyping"),
            SeverityMinimumStayDays = dto.SeverityMinimumStayDays ?? 3,
            TumourHighCostMultiple = dto.TumourHighCostMultiple ?? 3m,
            TumourHighCostShare = dto.TumourHighCostShare ?? 0.5m,
            Name = dto.Name ?? throw new FormatException(source + ": field 'name' is required."),
            Version = dto.Version ?? "1",
            Description = dto.Description ?? string.Empty,
            Source = dto.Source ?? string.Empty,
            RatioBasis = EnumText.Parse(dto.RatioBasis, DipRatioBasis.GroupMean, source, "ratioBasis"),
            LowThreshold = dto.LowThreshold ?? 0.5m,
            LowInclusive = dto.LowInclusive ?? false,
            LowFormula = EnumText.Parse(dto.LowFormula, DipLowCaseFormula.ScoreTimesRatio, source, "lowFormula"),
            HighThreshold = dto.HighThreshold ?? 2m,
            HighInclusive = dto.HighInclusive ?? false,
            HighFormula = EnumText.Parse(dto.HighFormula, DipHighCaseFormula.RatioMinusThresholdPlusOne, source, "highFormula"),
            HighReview = dto.HighReview ?? false,
            ExtremeThreshold = dto.ExtremeThreshold,
            ExtremeInclusive = dto.ExtremeInclusive ?? false,
            ExtremeFormula = EnumText.Parse(dto.ExtremeFormula, DipExtremeCaseFormula.SameAsHigh, source, "extremeFormula"),
            ExtremeReview = dto.ExtremeReview ?? true,
            DeviationSkipsHospitalCoefficient = dto.DeviationSkipsHospitalCoefficient ?? false,
            PrimaryCareSkipsHospitalCoefficient = dto.PrimaryCareSkipsHospitalCoefficient ?? true,
            UnmatchedRule = EnumText.Parse(dto.UnmatchedRule, DipUnmatchedRule.NotScored, source, "unmatchedRule"),
            UnmatchedFactor = dto.UnmatchedFactor ?? 1m,
            PerDiemMinimumDays = dto.PerDiemMinimumDays ?? 0,
            ScoreDecimals = dto.ScoreDecimals ?? 4,
        };
        try
        {
            profile.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException(source + ": " + e.Message, e);
        }

        return profile;
    }

    /// <summary>读取文件 — reads a profile file.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The profile.</returns>
    public static DipPolicyProfile ReadFile(string path) => FromJson(File.ReadAllText(path, Encoding.UTF8), path);

    /// <summary>写出JSON — serializes a profile.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(DipPolicyProfile profile)
    {
        if (profile is null)
        {
            throw new ArgumentNullException(nameof(profile));
        }

        var dto = new ProfileJson
        {
            Name = profile.Name,
            Version = profile.Version,
            Description = profile.Description,
            Source = profile.Source,
            RatioBasis = EnumText.Snake(profile.RatioBasis),
            LowThreshold = profile.LowThreshold,
            LowInclusive = profile.LowInclusive,
            LowFormula = EnumText.Snake(profile.LowFormula),
            HighThreshold = profile.HighThreshold,
            HighInclusive = profile.HighInclusive,
            HighFormula = EnumText.Snake(profile.HighFormula),
            HighReview = profile.HighReview,
            ExtremeThreshold = profile.ExtremeThreshold,
            ExtremeInclusive = profile.ExtremeInclusive,
            ExtremeFormula = EnumText.Snake(profile.ExtremeFormula),
            ExtremeReview = profile.ExtremeReview,
            DeviationSkipsHospitalCoefficient = profile.DeviationSkipsHospitalCoefficient,
            PrimaryCareSkipsHospitalCoefficient = profile.PrimaryCareSkipsHospitalCoefficient,
            UnmatchedRule = EnumText.Snake(profile.UnmatchedRule),
            UnmatchedFactor = profile.UnmatchedFactor,
            PerDiemMinimumDays = profile.PerDiemMinimumDays,
            ScoreDecimals = profile.ScoreDecimals,
            AgeBands = new AgeBandsJson
            {
                NeonateMaxDays = profile.AuxiliaryBands.NeonateMaxDays,
                ChildMaxYears = profile.AuxiliaryBands.ChildMaxYears,
                AdolescentMaxYears = profile.AuxiliaryBands.AdolescentMaxYears,
                ElderlyMinYears = profile.AuxiliaryBands.ElderlyMinYears,
            },
            IcuBands = profile.AuxiliaryBands.IcuBandStartDays.ToList(),
            SeverityTyping = EnumText.Snake(profile.SeverityTyping),
            SeverityMinimumStayDays = profile.SeverityMinimumStayDays,
            TumourHighCostMultiple = profile.TumourHighCostMultiple,
            TumourHighCostShare = profile.TumourHighCostShare,
        };
        return JsonSerializer.Serialize(dto, DipJsonContext.Readable.ProfileJson);
    }

    /// <summary>
    /// The age and ICU bands of a profile file: each field of <c>ageBands</c> and the <c>icuBands</c> list default to
    /// <see cref="DipAuxiliaryBands.Default"/> when absent; inconsistent bands name the file and field.
    /// </summary>
    private static DipAuxiliaryBands Bands(ProfileJson dto, string source)
    {
        var d = DipAuxiliaryBands.Default;
        if (dto.AgeBands is null && dto.IcuBands is null)
        {
            return d;
        }

        var age = dto.AgeBands ?? new AgeBandsJson();
        try
        {
            return new DipAuxiliaryBands(
                age.NeonateMaxDays ?? d.NeonateMaxDays,
                age.ChildMaxYears ?? d.ChildMaxYears,
                age.AdolescentMaxYears ?? d.AdolescentMaxYears,
                age.ElderlyMinYears ?? d.ElderlyMinYears,
                dto.IcuBands ?? d.IcuBandStartDays.ToList());
        }
        catch (ArgumentException e)
        {
            throw new FormatException(source + ": " + e.Message, e);
        }
    }

    private static Dictionary<string, DipPolicyProfile> LoadBuiltIns()
    {
        var assembly = typeof(DipPolicyProfiles).Assembly;
        var result = new Dictionary<string, DipPolicyProfile>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var profile = FromJson(reader.ReadToEnd(), "embedded " + resource);
            result.Add(profile.Name, profile);
        }

        return result;
    }
}
