using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.Dip.TestSupport;

/// <summary>Parameters of a synthetic regional history.</summary>
public sealed record SyntheticHistoryOptions
{
    public int Seed { get; init; } = 20260101;

    public int Cases { get; init; } = 20_000;

    /// <summary>Disease-treatment clusters (a diagnosis with a treatment and an optional related procedure).</summary>
    public int Clusters { get; init; } = 400;

    public int Hospitals { get; init; } = 40;

    public int FirstYear { get; init; } = 2023;

    /// <summary>Zipf exponent of cluster sizes: larger means more skew (a few very common groups, a long tail).</summary>
    public double Skew { get; init; } = 1.1;
}

/// <summary>One generated case with everything a history case or a settlement-list case needs.</summary>
public sealed record SyntheticCase(
    string Id,
    int Year,
    string HospitalId,
    HospitalLevel Level,
    DiagnosisCode MainDiagnosis,
    ProcedureCode MainProcedure,
    IReadOnlyList<ProcedureCode> OtherProcedures,
    Money TotalCost,
    int AgeYears,
    int LengthOfStayDays,
    int IcuDays,
    DischargeType DischargeType)
{
    public InpatientCase ToInpatientCase() => new()
    {
        CaseId = Id,
        HospitalId = HospitalId,
        AgeYears = AgeYears,
        LengthOfStayDays = LengthOfStayDays,
        IcuDays = IcuDays,
        DischargeType = DischargeType,
        MainDiagnosis = MainDiagnosis,
        MainProcedure = MainProcedure,
        OtherProcedures = OtherProcedures,
        Costs = CostBreakdown.FromTotal(TotalCost),
        DischargeDate = new CalendarDate(Year, 6, 30),
    };

    public DipHistoryCase ToHistory(DipAuxiliaryTypingData typing) =>
        DipHistoryCase.FromCase(ToInpatientCase(), Level, typing)!.Value;
}

/// <summary>
/// Generates realistic regional histories from the code dictionaries in ../shared/data/codes: skewed cluster sizes
/// (Zipf), a log-normal cost distribution per cluster, hospital levels with their own cost levels, three years with
/// cost growth, related procedures that raise the cost by a few percent or by half, and auxiliary-type conditions
/// (age, ICU days, death, short stays) that raise the cost.
/// </summary>
public sealed class SyntheticHistory
{
    private static readonly HospitalLevel[] Levels =
    {
        HospitalLevel.Parse("3A"), HospitalLevel.Parse("3B"), HospitalLevel.Parse("2A"), HospitalLevel.Parse("2B"), HospitalLevel.Parse("1"),
    };

    private static readonly decimal[] LevelCostFactor = { 1.25m, 1.10m, 0.90m, 0.80m, 0.65m };

    private readonly Cluster[] _clusters;
    private readonly double[] _cumulative;
    private readonly (string Id, int LevelIndex)[] _hospitals;
    private readonly SyntheticHistoryOptions _options;

    private SyntheticHistory(SyntheticHistoryOptions options, IReadOnlyList<string> diagnoses, IReadOnlyList<string> procedures)
    {
        _options = options;
        var random = new Random(options.Seed);
        var usedSubcategories = new HashSet<string>(StringComparer.Ordinal);
        var clusters = new List<Cluster>();
        var surgical = procedures.Where(p => string.CompareOrdinal(p, "87") < 0).ToArray();
        var nonSurgical = procedures.Where(p => string.CompareOrdinal(p, "87") >= 0).ToArray();
        while (clusters.Count < options.Clusters)
        {
            var dx = diagnoses[random.Next(diagnoses.Count)];
            var sub = dx.Length > 4 && dx[3] == '.' ? dx.Substring(0, 5) : dx.Substring(0, 3);
            var treatment = random.NextDouble();
            var main = treatment < 0.4 ? string.Empty : treatment < 0.85 ? surgical[random.Next(surgical.Length)] : nonSurgical[random.Next(nonSurgical.Length)];
            if (!usedSubcategories.Add(sub + "|" + main))
            {
                continue;
            }

            var median = Math.Exp(8.6 + (random.NextDouble() * 2.2)) * (main.Length == 0 ? 0.6 : 1.4);
            var sigma = 0.25 + (random.NextDouble() * 0.35);
            string? related = null;
            var relatedFactor = 1.0;
            if (main.Length > 0 && random.NextDouble() < 0.3)
            {
                related = procedures[random.Next(procedures.Count)];
                relatedFactor = random.NextDouble() < 0.5 ? 1.03 : 1.5;
            }

            clusters.Add(new Cluster(DiagnosisCode.Parse(dx), main.Length == 0 ? default : ProcedureCode.Parse(main), related is null ? null : ProcedureCode.Parse(related), median, sigma, relatedFactor));
        }

        _clusters = clusters.ToArray();
        _cumulative = new double[_clusters.Length];
        var total = 0.0;
        for (var i = 0; i < _clusters.Length; i++)
        {
            total += 1.0 / Math.Pow(i + 1, options.Skew);
            _cumulative[i] = total;
        }

        for (var i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] /= total;
        }

        _hospitals = Enumerable.Range(1, options.Hospitals)
            .Select(i => ("H" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), Math.Min(Levels.Length - 1, (int)(random.NextDouble() * random.NextDouble() * Levels.Length * 1.6))))
            .ToArray();
    }

    /// <summary>The diagnosis and procedure codes of ../shared/data/codes (ZD_INFO.dat, SS_INFO.dat).</summary>
    public static (IReadOnlyList<string> Diagnoses, IReadOnlyList<string> Procedures) ReadCodes(string codesFolder)
    {
        static List<string> Read(string path) => File.ReadLines(path, Encoding.UTF8)
            .Select(l => l.Split(' ', 2)[0].Trim())
            .Where(c => c.Length > 0)
            .ToList();

        var dx = Read(Path.Combine(codesFolder, "ZD_INFO.dat")).Where(c => DiagnosisCode.TryParse(c, out _) && c.Length > 4).ToList();
        var px = Read(Path.Combine(codesFolder, "SS_INFO.dat")).Where(c => ProcedureCode.TryParse(c, out _) && c.Length == 7).ToList();
        return (dx, px);
    }

    public static SyntheticHistory Create(SyntheticHistoryOptions options, IReadOnlyList<string> diagnoses, IReadOnlyList<string> procedures) =>
        new(options, diagnoses, procedures);

    public IReadOnlyList<(string Id, HospitalLevel Level)> Hospitals => _hospitals.Select(h => (h.Id, Levels[h.LevelIndex])).ToArray();

    /// <summary>A procedure-attribute table for every procedure used: 00–86 surgery, 87–91 diagnostic, 92–99 therapeutic (ICD-9-CM-3 chapters).</summary>
    public ProcedureAttributeTable Attributes()
    {
        var codes = _clusters.SelectMany(c => new[] { c.Main, c.Related ?? default }).Where(c => !c.IsEmpty).Select(c => c.Value).Distinct(StringComparer.Ordinal);
        return new ProcedureAttributeTable(codes.Select(c => new KeyValuePair<string, DipProcedureAttribute>(c, AttributeOf(c))));
    }

    public static DipProcedureAttribute AttributeOf(string code) =>
        string.CompareOrdinal(code, "87") < 0 ? DipProcedureAttribute.Surgery
        : string.CompareOrdinal(code, "92") < 0 ? DipProcedureAttribute.Diagnostic
        : DipProcedureAttribute.Therapeutic;

    /// <summary>Generates the cases (deterministic for a seed).</summary>
    public IEnumerable<SyntheticCase> Cases(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var u = random.NextDouble();
            var index = Array.BinarySearch(_cumulative, u);
            var cluster = _clusters[index < 0 ? Math.Min(~index, _clusters.Length - 1) : index];
            var hospital = _hospitals[random.Next(_hospitals.Length)];
            var year = _options.FirstYear + random.Next(3);
            var withRelated = cluster.Related is not null && random.NextDouble() < 0.5;
            var age = random.NextDouble() < 0.05 ? random.Next(0, 7) : random.Next(18, 90);
            var icu = random.NextDouble() < 0.05 ? random.Next(2, 20) : 0;
            var death = random.NextDouble() < 0.01;
            var factor = cluster.Median
                * Math.Exp(cluster.Sigma * Normal(random))
                * (withRelated ? cluster.RelatedFactor : 1.0)
                * Math.Pow(1.03, year - _options.FirstYear)
                * (1.0 + (icu * 0.08))
                * (age >= 65 ? 1.1 : 1.0)
                * (death ? 1.4 : 1.0);
            var cost = Money.FromYuan((decimal)Math.Round(factor, 2, MidpointRounding.AwayFromZero) * LevelCostFactor[hospital.LevelIndex], RoundingRule.Default);
            // ICU days are part of the stay (the basic checks reject ICU days beyond the length of stay: FIELD_OUT_OF_RANGE(icu_days)).
            var los = Math.Max(icu, Math.Max(1, (int)Math.Round(Math.Exp(1.8 + (0.5 * Normal(random))), MidpointRounding.AwayFromZero)));
            yield return new SyntheticCase(
                "C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                year,
                hospital.Id,
                Levels[hospital.LevelIndex],
                cluster.Diagnosis,
                cluster.Main,
                withRelated ? new[] { cluster.Related!.Value } : Array.Empty<ProcedureCode>(),
                Money.Max(cost, Money.FromFen(100)),
                age,
                los,
                icu,
                death ? DischargeType.Death : DischargeType.MedicalAdvice);
        }
    }

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private sealed record Cluster(DiagnosisCode Diagnosis, ProcedureCode Main, ProcedureCode? Related, double Median, double Sigma, double RelatedFactor);
}
