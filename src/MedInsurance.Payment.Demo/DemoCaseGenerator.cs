using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.Demo;

/// <summary>
/// 示例病例生成器 — makes a deterministic year of synthetic settlement-list cases for the demo region: the demo
/// diagnoses and procedures, CC/MCC secondary diagnoses at realistic rates, costs that vary by hospital level with a
/// long right tail (so some cases are cost-deviation cases), funds, months and lengths of stay.
/// </summary>
/// <remarks>Same hospitals, year, count and seed → the same cases. Pure and thread-safe.</remarks>
public static class DemoCaseGenerator
{
    private static readonly Scenario[] Scenarios =
    {
        new("I20.000", "36.0700", 35_000m, 9, 60, 8, tertiaryOnly: true),
        new("I20.000", null, 6_300m, 7, 62, 12, tertiaryOnly: false),
        new("I20.900", null, 4_200m, 6, 66, 14, tertiaryOnly: false),
        new("I25.100", null, 5_700m, 8, 70, 8, tertiaryOnly: false),
        new("I21.900", null, 11_000m, 10, 68, 2, tertiaryOnly: false),
        new("R55.x00", null, 4_000m, 4, 58, 6, tertiaryOnly: false),
        new("K35.800x002", "47.0100", 11_600m, 6, 32, 12, tertiaryOnly: false),
        new("K35.800x002", "47.0900", 9_500m, 7, 36, 7, tertiaryOnly: false),
        new("K35.800", null, 4_400m, 5, 30, 3, tertiaryOnly: false),
        new("K25.900", null, 5_100m, 7, 52, 7, tertiaryOnly: false),
        new("K26.900", null, 4_900m, 6, 45, 5, tertiaryOnly: false),
        new("K52.900", null, 3_000m, 4, 40, 14, tertiaryOnly: false),
        new("A09.900", null, 2_800m, 4, 35, 12, tertiaryOnly: false),
        new("K59.000", null, 2_500m, 4, 62, 4, tertiaryOnly: false),
    };

    private static readonly string[] Mcc = { "I50.900", "J96.000" };
    private static readonly string[] Cc = { "E11.900", "I10.x00", "N18.900" };

    /// <summary>Generates cases.</summary>
    /// <param name="hospitals">The hospitals the cases are spread over (at least one).</param>
    /// <param name="year">The discharge year.</param>
    /// <param name="count">How many cases.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The cases, ids <c>DEMO-000001</c> upward.</returns>
    public static IReadOnlyList<InpatientCase> Generate(IReadOnlyList<Hospital> hospitals, int year, int count, int seed)
    {
        if (hospitals is null || hospitals.Count == 0)
        {
            throw new ArgumentException("At least one hospital is needed.", nameof(hospitals));
        }

        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The count cannot be negative.");
        }

        // System.Random with a seed is the same sequence on every .NET runtime (the seeded legacy algorithm).
#pragma warning disable CA5394 // Synthetic demo data, not security.
        var random = new Random(seed);
        var volume = hospitals.Select(h => h.Level.Tier switch
        {
            HospitalTier.Tertiary => 6,
            HospitalTier.Secondary => 3,
            _ => 1,
        }).ToArray();
        var totalVolume = volume.Sum();
        var cases = new List<InpatientCase>(count);
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(totalVolume);
            var index = 0;
            while (pick >= volume[index])
            {
                pick -= volume[index];
                index++;
            }

            var hospital = hospitals[index];
            var scenario = PickScenario(random, hospital);
            var secondary = new List<DiagnosisCode>();
            var severity = random.NextDouble();
            if (severity < 0.08)
            {
                secondary.Add(DiagnosisCode.Parse(Mcc[random.Next(Mcc.Length)]));
            }

            if (severity < 0.35)
            {
                secondary.Add(DiagnosisCode.Parse(Cc[random.Next(Cc.Length)]));
            }

            var levelFactor = hospital.Level.Tier switch
            {
                HospitalTier.Tertiary => 1.08m,
                HospitalTier.Secondary => 0.92m,
                _ => 0.8m,
            };
            var tail = random.NextDouble() < 0.04 ? 2.2m + ((decimal)random.NextDouble() * 2.5m) : 0.55m + ((decimal)random.NextDouble() * 0.9m);
            var severityFactor = severity < 0.08 ? 1.3m : severity < 0.35 ? 1.1m : 1.0m;
            var totalFen = decimal.ToInt64(decimal.Truncate(scenario.MeanCost * 100m * levelFactor * tail * severityFactor));
            var total = Money.FromFen(totalFen);
            var patientShare = Money.FromFen(totalFen * (20 + random.Next(15)) / 100);
#pragma warning restore CA5394
            var los = Math.Max(1, decimal.ToInt32(decimal.Truncate(scenario.MeanStay * (0.6m + (tail * 0.4m)))));
            var month = 1 + (i * 12 / Math.Max(1, count));
            var discharge = new DateTime(year, month, 1 + (i % 28), 0, 0, 0, DateTimeKind.Unspecified);
            var admission = discharge.AddDays(-los);
            cases.Add(new InpatientCase
            {
                CaseId = "DEMO-" + (i + 1).ToString("000000", CultureInfo.InvariantCulture),
                HospitalId = hospital.Id,
                Fund = i % 5 < 3 ? InsuranceFund.Employee : InsuranceFund.Resident,
                Sex = i % 2 == 0 ? Sex.Male : Sex.Female,
                AgeYears = Math.Max(18, scenario.MeanAge - 15 + (i % 30)),
                AdmissionDate = ToDate(admission),
                DischargeDate = ToDate(discharge),
                LengthOfStayDays = los,
                DischargeType = DischargeType.MedicalAdvice,
                MainDiagnosis = DiagnosisCode.Parse(scenario.Diagnosis),
                SecondaryDiagnoses = secondary,
                MainProcedure = scenario.Procedure is null ? default : ProcedureCode.Parse(scenario.Procedure),
                Costs = new CostBreakdown { Total = total, PatientPaid = patientShare, FundPaid = total - patientShare },
                PaymentMethod = PaymentMethod.Dip,
            });
        }

        return cases;
    }

    /// <summary>
    /// Generates the demo region's stays for the other inpatient methods (多元复合式): psychiatric and hospice stays and
    /// rehabilitation stays in a rehabilitation ward (按床日), caesarean sections and laparoscopic appendectomies (the
    /// single-disease list of <c>example-mix-2025</c>), one-day polypectomies and hernia repairs (日间手术) and dialysis for
    /// end-stage renal disease (按项目). Psychiatric, hospice, rehabilitation and day-surgery stays go to the general
    /// hospitals of level 二级 and above, the rest to every hospital. <see cref="Generate"/> is unchanged by this method.
    /// </summary>
    /// <param name="hospitals">The hospitals (at least one general hospital of level 二级 or above).</param>
    /// <param name="year">The discharge year.</param>
    /// <param name="count">How many stays.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The stays, ids <c>DEMO-M00001</c> upward; same arguments → the same stays.</returns>
    public static IReadOnlyList<DemoStay> GenerateOtherMethods(IReadOnlyList<Hospital> hospitals, int year, int count, int seed)
    {
        if (hospitals is null || hospitals.Count == 0)
        {
            throw new ArgumentException("At least one hospital is needed.", nameof(hospitals));
        }

        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The count cannot be negative.");
        }

        var general = hospitals.Where(h => h.Type == HospitalType.General && h.Level.Tier >= HospitalTier.Secondary).ToArray();
        if (general.Length == 0)
        {
            throw new ArgumentException("A general hospital of level 二级 or above is needed.", nameof(hospitals));
        }

        // (diagnosis, procedure, mean cost, minimum and maximum stay, ward, general hospitals only, frequency)
        var kinds = new (string Dx, string? Px, decimal Cost, int MinStay, int MaxStay, string? Ward, bool General, int Frequency)[]
        {
            ("F20.000", null, 260m, 20, 110, null, true, 8),             // cost per day
            ("F32.900", null, 240m, 14, 60, null, true, 5),
            ("Z50.100", null, 380m, 10, 60, "rehabilitation", true, 5),
            ("Z51.500", null, 330m, 5, 40, null, true, 2),
            ("O82.000", null, 5_200m, 3, 6, null, false, 8),
            ("K35.800x002", "47.0100", 7_000m, 3, 6, null, false, 5),
            ("K63.500", "45.4200", 2_900m, 1, 1, null, true, 4),
            ("K40.900", "53.0000", 6_000m, 1, 1, null, true, 3),
            ("N18.500", "39.9500", 4_500m, 2, 5, null, false, 3),
        };
        var total = kinds.Sum(k => k.Frequency);
#pragma warning disable CA5394 // Synthetic demo data, not security.
        var random = new Random(seed);
        var stays = new List<DemoStay>(count);
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(total);
            var kind = kinds[0];
            foreach (var k in kinds)
            {
                if (pick < k.Frequency)
                {
                    kind = k;
                    break;
                }

                pick -= k.Frequency;
            }

            var hospital = kind.General ? general[random.Next(general.Length)] : hospitals[random.Next(hospitals.Count)];
            var los = kind.MinStay + random.Next(kind.MaxStay - kind.MinStay + 1);
            var perDay = kind.Dx[0] == 'F' || kind.Dx.StartsWith("Z5", StringComparison.Ordinal);
            var factor = 0.8m + ((decimal)random.NextDouble() * 0.5m);
            var totalFen = decimal.ToInt64(decimal.Truncate((perDay ? kind.Cost * los : kind.Cost) * 100m * factor));
            var patientFen = totalFen * (15 + random.Next(15)) / 100;
#pragma warning restore CA5394
            var month = 1 + (i * 12 / Math.Max(1, count));
            var discharge = new DateTime(year, month, 1 + (i % 28), 0, 0, 0, DateTimeKind.Unspecified);
            stays.Add(new DemoStay(
                new InpatientCase
                {
                    CaseId = "DEMO-M" + (i + 1).ToString("00000", CultureInfo.InvariantCulture),
                    HospitalId = hospital.Id,
                    Fund = i % 5 < 3 ? InsuranceFund.Employee : InsuranceFund.Resident,
                    Sex = kind.Dx[0] == 'O' || i % 2 == 1 ? Sex.Female : Sex.Male,
                    AgeYears = kind.Dx[0] == 'O' ? 24 + (i % 15) : 30 + (i % 50),
                    AdmissionDate = ToDate(discharge.AddDays(-los)),
                    DischargeDate = ToDate(discharge),
                    LengthOfStayDays = los,
                    DischargeType = DischargeType.MedicalAdvice,
                    MainDiagnosis = DiagnosisCode.Parse(kind.Dx),
                    MainProcedure = kind.Px is null ? default : ProcedureCode.Parse(kind.Px),
                    Costs = new CostBreakdown { Total = Money.FromFen(totalFen), PatientPaid = Money.FromFen(patientFen), FundPaid = Money.FromFen(totalFen - patientFen) },
                },
                kind.Ward));
        }

        return stays;
    }

    private static Scenario PickScenario(Random random, Hospital hospital)
    {
        var eligible = Scenarios.Where(s => !s.TertiaryOnly || hospital.Level.Tier == HospitalTier.Tertiary).ToArray();
        var total = eligible.Sum(s => s.Frequency);
#pragma warning disable CA5394 // Synthetic demo data, not security.
        var pick = random.Next(total);
#pragma warning restore CA5394
        foreach (var scenario in eligible)
        {
            if (pick < scenario.Frequency)
            {
                return scenario;
            }

            pick -= scenario.Frequency;
        }

        return eligible[eligible.Length - 1];
    }

#if NET
    private static DateOnly ToDate(DateTime date) => DateOnly.FromDateTime(date);
#else
    private static DateTime ToDate(DateTime date) => date.Date;
#endif

    private sealed class Scenario
    {
        public Scenario(string diagnosis, string? procedure, decimal meanCost, int meanStay, int meanAge, int frequency, bool tertiaryOnly)
        {
            Diagnosis = diagnosis;
            Procedure = procedure;
            MeanCost = meanCost;
            MeanStay = meanStay;
            MeanAge = meanAge;
            Frequency = frequency;
            TertiaryOnly = tertiaryOnly;
        }

        public string Diagnosis { get; }

        public string? Procedure { get; }

        public decimal MeanCost { get; }

        public int MeanStay { get; }

        public int MeanAge { get; }

        public int Frequency { get; }

        public bool TertiaryOnly { get; }
    }
}
