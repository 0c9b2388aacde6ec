using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.QualityControl.Tests;

/// <summary>Hand-made cases, lists and a small hand-made 医保版2.0-shaped dictionary for the rule tests.</summary>
internal static class QcTestCases
{
    /// <summary>The demo region's lists (src/MedInsurance.Payment.Demo/Data/qc), copied beside the tests.</summary>
    public static string DemoFolder => Path.Combine(AppContext.BaseDirectory, "demo-qc");

    /// <summary>A complete, clean settlement-list case: male, 45, pneumonia with hypertension, a chest CT, 7 days.</summary>
    public static InpatientCase Clean() => new()
    {
        CaseId = "C1",
        HospitalId = "H1",
        Sex = Sex.Male,
        AgeYears = 45,
        AdmissionDate = new CalendarDate(2026, 3, 1),
        DischargeDate = new CalendarDate(2026, 3, 8),
        LengthOfStayDays = 7,
        DischargeType = DischargeType.MedicalAdvice,
        MainDiagnosis = DiagnosisCode.Parse("J18.900"),
        SecondaryDiagnoses = new[] { DiagnosisCode.Parse("I10.x00x002") },
        MainProcedure = ProcedureCode.Parse("87.4401"),
        Costs = new CostBreakdown { Total = Money.FromYuan(5_000m), Drugs = Money.FromYuan(2_000m), Other = Money.FromYuan(3_000m) },
    };

    public static DiagnosisCode Dx(string code) => DiagnosisCode.Parse(code);

    public static ProcedureCode Px(string code) => ProcedureCode.Parse(code);

    /// <summary>
    /// A hand-made dictionary folder in the 医保版2.0 file layout: J18.900, I10.x00x002, R50.900, N40.x00, C53.900,
    /// A00.000 (gray), O80.000, P07.300, Z37.000, W19.x00, I69.300, S72.000, A18.300x009+K93.0*; procedures 87.4401,
    /// 74.0x00, 60.5x00, 47.0900 (gray), 01.0900x006; crosswalks 医保版1.0 A18.300x009 → A18.300x009+K93.0*, 01.3900x003 →
    /// 01.0900x006, Z99.999 to two targets (ambiguous); 国临版 A02.100x004 → A00.000.
    /// </summary>
    public static string DictionaryFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "qc-dict-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "ZD_YB20_INFO.dat"), new[]
        {
            "J18.900 肺炎", "I10.x00x002 高血压", "R50.900 发热", "N40.x00 前列腺增生", "C53.900 宫颈恶性肿瘤", "A00.000 霍乱",
            "O80.000 自然分娩", "P07.300 早产儿", "Z37.000 单胎活产", "W19.x00 跌倒", "I69.300 脑梗死后遗症", "S72.000 股骨颈骨折",
            "A18.300x009+K93.0* 肠结核", "G01* 细菌性脑膜炎（星号）",
        });
        File.WriteAllLines(Path.Combine(folder, "SS_YB20_INFO.dat"), new[] { "87.4401 胸部CT", "74.0x00 剖宫产", "60.5x00 前列腺切除", "47.0900 阑尾切除", "01.0900x006 颅骨穿刺" });
        File.WriteAllLines(Path.Combine(folder, "ZD_YB20_GRAY.dat"), new[] { "A00.000" });
        File.WriteAllLines(Path.Combine(folder, "SS_YB20_GRAY.dat"), new[] { "47.0900" });
        File.WriteAllLines(Path.Combine(folder, "ZD_YB10_TO_YB20.dat"), new[] { "A18.300x009 A18.300x009+K93.0*", "Z99.999 J18.900", "Z99.999 R50.900" });
        File.WriteAllLines(Path.Combine(folder, "SS_YB10_TO_YB20.dat"), new[] { "01.3900x003 01.0900x006" });
        File.WriteAllLines(Path.Combine(folder, "ZD_GL20_TO_YB20.dat"), new[] { "A02.100x004 A00.000" });
        File.WriteAllLines(Path.Combine(folder, "SS_GL30_TO_YB20.dat"), new[] { "47.0100x001 47.0900" });
        return folder;
    }

    /// <summary>A checker with the demo lists and, when asked, the hand-made dictionary.</summary>
    public static QcChecker Checker(bool dictionary = false, string? rules = null)
    {
        var json = "{ \"name\": \"test\", \"version\": \"1\", \"lists\": [\"demo-qc-lists.csv\"]" + (rules is null ? string.Empty : ", \"rules\": " + rules) + " }";
        var profile = QcProfile.Parse(json, "test.json", DemoFolder);
        return new QcChecker(profile, dictionary ? QcCodeDictionary.Load(DictionaryFolder(), "yb2.0") : null);
    }

    public static IReadOnlyList<string> Codes(QcCaseResult result) => result.Issues.Select(i => i.ToCompactString()).ToArray();
}
