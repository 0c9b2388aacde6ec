using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>
/// 分组政策配置 — a named, versioned grouping policy profile. National rules come from the rule pack; the switches a
/// region may set live here, as JSON (e.g. <c>{"name":"national","version":"2021","ambiguousGroupCheck":true}</c>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class DrgPolicy
{
    /// <summary>全国默认 — the national profile: QY ambiguous-group check on.</summary>
    public static DrgPolicy National { get; } = new() { Name = "national", Version = "chs-drg-2021", AmbiguousGroupCheck = true };

    /// <summary>Creates the national defaults; change them with an object initializer (C# 9+) or use the other constructor.</summary>
    public DrgPolicy()
    {
    }

    /// <summary>Creates a profile (for C# 7.3 callers, which cannot set <c>init</c> members).</summary>
    /// <param name="name">名称 — the profile name.</param>
    /// <param name="version">版本 — the profile version.</param>
    /// <param name="ambiguousGroupCheck">歧义组检查 — whether the QY ambiguous-group check runs.</param>
    public DrgPolicy(string name, string version, bool ambiguousGroupCheck = true)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Version = version ?? throw new ArgumentNullException(nameof(version));
        AmbiguousGroupCheck = ambiguousGroupCheck;
    }

    /// <summary>名称 — the profile name, e.g. <c>national</c> or a region's name.</summary>
    public string Name { get; init; } = "national";

    /// <summary>版本 — the profile version.</summary>
    public string Version { get; init; } = "chs-drg-2021";

    /// <summary>
    /// 歧义组检查 — whether a case with an operating-room procedure unrelated to its MDC is grouped as <c>xQY</c>
    /// (技术规范 §3.3; national default: on). Off: such cases fall to the MDC's medical ADRGs.
    /// </summary>
    public bool AmbiguousGroupCheck { get; init; } = true;

    /// <summary>Reads a profile from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="FormatException">The JSON is not a policy profile.</exception>
    public static DrgPolicy FromJson(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        try
        {
            return JsonSerializer.Deserialize(json, DrgPolicyJsonContext.Default.DrgPolicy)
                ?? throw new FormatException("DRG policy JSON is null.");
        }
        catch (JsonException e)
        {
            throw new FormatException("DRG policy JSON is invalid: " + e.Message, e);
        }
    }

    /// <summary>Writes the profile as JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, DrgPolicyJsonContext.Default.DrgPolicy);
}

/// <summary>System.Text.Json source-generated metadata for <see cref="DrgPolicy"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(DrgPolicy))]
internal sealed partial class DrgPolicyJsonContext : JsonSerializerContext
{
}
