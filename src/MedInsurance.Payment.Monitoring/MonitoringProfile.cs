using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 监测规则配置 — the named, versioned thresholds of the supervision indicators (智能监管指标): readmission windows,
/// split-admission window, low-standard-admission limits, overlong-stay line, low-risk-group rule and review list sizes.
/// Read from JSON and checked at load (<see cref="Parse"/>); <see cref="Default"/> is the embedded national default,
/// which cites its sources. Immutable and thread-safe.
/// </summary>
public sealed class MonitoringProfile
{
    private MonitoringProfile(string name, string version, IReadOnlyList<string> sources, int[] readmissionDays, int splitDays, bool splitSameHospital,
        int lowLos, decimal lowRatio, decimal rareShare, int overlong, decimal sdMultiplier, int maxReview, int driverGroups)
    {
        Name = name;
        Version = version;
        // Read-only wrappers over copies: the process-wide Default cannot be changed through a cast.
        Sources = Array.AsReadOnly(sources.ToArray());
        ReadmissionDays = Array.AsReadOnly((int[])readmissionDays.Clone());
        SplitAdmissionDays = splitDays;
        SplitAdmissionSameHospital = splitSameHospital;
        LowStandardMaxLosDays = lowLos;
        LowStandardMaxCostRatio = lowRatio;
        LowStandardRareShare = rareShare;
        OverlongStayDays = overlong;
        LowRiskSdMultiplier = sdMultiplier;
        MaxReviewCasesPerHospital = maxReview;
        SeverityDriverGroups = driverGroups;
    }

    /// <summary>默认配置 — the embedded national default profile (<c>national-default</c>).</summary>
    public static MonitoringProfile Default { get; } = LoadDefault();

    /// <summary>名称 — the profile's name.</summary>
    public string Name { get; }

    /// <summary>版本 — the profile's version.</summary>
    public string Version { get; }

    /// <summary>依据 — where each threshold comes from.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>再入院天数 — the readmission windows in days (出院后N天内再住院), ascending, e.g. 14 and 30.</summary>
    public IReadOnlyList<int> ReadmissionDays { get; }

    /// <summary>分解住院间隔 — a readmission of the same person within this many days, in the same or a related group, is a split-admission suspect.</summary>
    public int SplitAdmissionDays { get; }

    /// <summary>分解住院限同一医院 — whether a split-admission suspect needs both stays in the same hospital.</summary>
    public bool SplitAdmissionSameHospital { get; }

    /// <summary>低标入院最长住院日 — a low-standard admission stays at most this many days.</summary>
    public int LowStandardMaxLosDays { get; }

    /// <summary>低标入院费用比 — and costs at most this share of its group's regional mean cost.</summary>
    public decimal LowStandardMaxCostRatio { get; }

    /// <summary>低标入院罕见比例 — and is in a group where such short, cheap stays are at most this share of the group's cases.</summary>
    public decimal LowStandardRareShare { get; }

    /// <summary>超长住院天数 — a stay longer than this many days is overlong (超长住院).</summary>
    public int OverlongStayDays { get; }

    /// <summary>低风险组标准差倍数 — a group is low-risk when ln(mortality) is below the mean minus this many SDs of the groups' ln(mortality).</summary>
    public decimal LowRiskSdMultiplier { get; }

    /// <summary>每院复核病例上限 — cases to review listed per hospital and reason (all are counted).</summary>
    public int MaxReviewCasesPerHospital { get; }

    /// <summary>高套信号病组数 — how many ADRGs drive a severity shift in the cases to review.</summary>
    public int SeverityDriverGroups { get; }

    /// <summary>Reads a profile from a JSON file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="InvalidDataException">A field is missing, of the wrong type or out of range (message: file and field).</exception>
    public static MonitoringProfile Load(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Parses and checks a profile.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The name used in messages.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="InvalidDataException">A field is missing, of the wrong type or out of range (message: source and field).</exception>
    public static MonitoringProfile Parse(string json, string source)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        source ??= "monitoring profile";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(source + ": not valid JSON (" + ex.Message + ").", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException(source + ": the profile must be a JSON object.");
            }

            var known = new HashSet<string>(StringComparer.Ordinal)
            {
                "name", "version", "sources", "readmissionDays", "splitAdmissionDays", "splitAdmissionSameHospital", "lowStandardMaxLosDays",
                "lowStandardMaxCostRatio", "lowStandardRareShare", "overlongStayDays", "lowRiskSdMultiplier", "maxReviewCasesPerHospital", "severityDriverGroups",
            };
            foreach (var property in root.EnumerateObject())
            {
                if (!known.Contains(property.Name))
                {
                    throw new InvalidDataException(source + ", " + property.Name + ": unknown field (" + string.Join(", ", known) + ").");
                }
            }

            string Text(string field)
            {
                if (!root.TryGetProperty(field, out var e) || e.ValueKind != JsonValueKind.String || e.GetString()!.Trim().Length == 0)
                {
                    throw new InvalidDataException(source + ", " + field + ": required, a non-empty string.");
                }

                return e.GetString()!.Trim();
            }

            decimal Number(string field, decimal min, decimal max)
            {
                if (!root.TryGetProperty(field, out var e) || e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var value))
                {
                    throw new InvalidDataException(source + ", " + field + ": required, a number.");
                }

                if (value < min || value > max)
                {
                    throw new InvalidDataException(source + ", " + field + ": must be in [" + min.ToString(CultureInfo.InvariantCulture) + ", " + max.ToString(CultureInfo.InvariantCulture) + "].");
                }

                return value;
            }

            int Whole(string field, int min, int max)
            {
                var value = Number(field, min, max);
                if (value != decimal.Truncate(value))
                {
                    throw new InvalidDataException(source + ", " + field + ": must be a whole number.");
                }

                return (int)value;
            }

            var name = Text("name");
            var version = Text("version");
            var sources = new List<string>();
            if (root.TryGetProperty("sources", out var s))
            {
                if (s.ValueKind != JsonValueKind.Array || s.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
                {
                    throw new InvalidDataException(source + ", sources: must be an array of strings.");
                }

                sources.AddRange(s.EnumerateArray().Select(x => x.GetString()!));
            }

            if (!root.TryGetProperty("readmissionDays", out var r) || r.ValueKind != JsonValueKind.Array || r.GetArrayLength() == 0
                || r.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Number || !x.TryGetInt32(out var d) || d < 1 || d > 365))
            {
                throw new InvalidDataException(source + ", readmissionDays: required, a non-empty array of whole days in [1, 365].");
            }

            var days = r.EnumerateArray().Select(x => x.GetInt32()).ToArray();
            if (days.Distinct().Count() != days.Length || !days.SequenceEqual(days.OrderBy(d => d)))
            {
                throw new InvalidDataException(source + ", readmissionDays: must be ascending without repeats.");
            }

            if (!root.TryGetProperty("splitAdmissionSameHospital", out var same) || (same.ValueKind != JsonValueKind.True && same.ValueKind != JsonValueKind.False))
            {
                throw new InvalidDataException(source + ", splitAdmissionSameHospital: required, true or false.");
            }

            return new MonitoringProfile(
                name,
                version,
                sources.AsReadOnly(),
                days,
                Whole("splitAdmissionDays", 0, 365),
                same.GetBoolean(),
                Whole("lowStandardMaxLosDays", 0, 365),
                Number("lowStandardMaxCostRatio", 0m, 1m),
                Number("lowStandardRareShare", 0m, 1m),
                Whole("overlongStayDays", 1, 10000),
                Number("lowRiskSdMultiplier", 0m, 10m),
                Whole("maxReviewCasesPerHospital", 0, 100000),
                Whole("severityDriverGroups", 0, 1000));
        }
    }

    private static MonitoringProfile LoadDefault()
    {
        using var stream = typeof(MonitoringProfile).GetTypeInfo().Assembly.GetManifestResourceStream("MedInsurance.Payment.Monitoring.monitoring-default.json")
            ?? throw new InvalidOperationException("The embedded monitoring profile is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "monitoring-default.json");
    }
}
