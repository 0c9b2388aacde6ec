using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Reporting;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// Rendering the HTML clearing report (清算报告) of a 500-hospital region (200 000 case lines cleared once in the setup,
/// case mix with deviation counts). The setup prints the report size.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*Report*'</c>.</remarks>
[QuickJob]
public class ReportBenchmarks
{
    private ClearingResult _result = null!;
    private ClearingReportOptions _options = null!;

    [Params(500)]
    public int Hospitals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var policy = SettlementPolicyLoader.LoadEmbedded("example-dip-2025");
        var rng = new Random(20250101);
        var hospitals = Enumerable.Range(0, Hospitals)
            .Select(i => new SettlementHospital
            {
                Hospital = new Hospital { Id = "H" + i.ToString("D4", CultureInfo.InvariantCulture), Name = "第" + i.ToString(CultureInfo.InvariantCulture) + "人民医院", Level = new HospitalLevel(HospitalTier.Tertiary, HospitalGrade.A) },
                AssessmentScore = rng.Next(60, 101),
                PriorYearFundPaid = Money.FromFen(rng.Next(1, int.MaxValue)),
            })
            .ToArray();
        var cases = new List<SettlementLine>(200_000);
        for (var i = 0; i < 200_000; i++)
        {
            cases.Add(new SettlementLine(
                "C" + i.ToString(CultureInfo.InvariantCulture),
                hospitals[rng.Next(hospitals.Length)].Id,
                rng.Next(3) == 0 ? InsuranceFund.Resident : InsuranceFund.Employee,
                rng.Next(1, 13),
                SettlementMethods.Dip,
                SettlementBasis.OfPoints("DIP", rng.Next(100, 5_000_000) / 1000m),
                patientPaid: Money.FromFen(rng.Next(0, 500_000)),
                fundPaid: Money.FromFen(rng.Next(0, 2_000_000))));
        }

        _result = ClearingEngine.Run(policy, hospitals, cases, [], -1);
        _options = new ClearingReportOptions { Region = "示例市", CaseMix = HospitalCaseMix.FromLines(cases, _result, CaseMixMethod.Dip, c => c.LineId.EndsWith('7')) };
        Console.WriteLine("// report size: " + System.Text.Encoding.UTF8.GetByteCount(Render()).ToString(CultureInfo.InvariantCulture) + " bytes for " + Hospitals.ToString(CultureInfo.InvariantCulture) + " hospitals");
    }

    [Benchmark]
    public string Render() => ClearingHtmlReport.Render(_result, _options);
}
