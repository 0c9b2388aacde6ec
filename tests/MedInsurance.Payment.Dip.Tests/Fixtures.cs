using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.Dip.Tests;

/// <summary>Small hand-written fixtures: cases, groups and catalogs.</summary>
internal static class Fixtures
{
    public static readonly DipHospitalContext Level3A = new(HospitalLevel.Parse("3A"), null);

    public static InpatientCase Case(string diagnosis, decimal cost, string mainProcedure = "", params string[] others) => new()
    {
        CaseId = "T1",
        HospitalId = "H1",
        AgeYears = 40,
        LengthOfStayDays = 7,
        DischargeType = DischargeType.MedicalAdvice,
        MainDiagnosis = DiagnosisCode.Parse(diagnosis),
        MainProcedure = mainProcedure.Length == 0 ? default : ProcedureCode.Parse(mainProcedure),
        OtherProcedures = others.Select(ProcedureCode.Parse).ToArray(),
        Costs = CostBreakdown.FromTotal(Money.FromYuan(cost)),
    };

    public static DipGroup Group(string code, string diagnosis, decimal score, decimal mean, string main = "", DipGroupKind kind = DipGroupKind.Core, params string[] related) => new()
    {
        Code = code,
        Kind = kind,
        Diagnosis = diagnosis,
        MainProcedure = main,
        RelatedProcedures = related,
        Score = new Score(score),
        MeanCost = Money.FromYuan(mean),
        CaseCount = 100,
    };

    /// <summary>A core group with its mean cost at some hospital levels (同级别次均费用), e.g. <c>("3A", 12_000m)</c>.</summary>
    public static DipGroup LevelGroup(string code, string diagnosis, decimal score, decimal mean, params (string Level, decimal Mean)[] levelMeans) => new()
    {
        Code = code,
        Diagnosis = diagnosis,
        Score = new Score(score),
        MeanCost = Money.FromYuan(mean),
        CaseCount = 100,
        LevelMeanCosts = levelMeans.ToDictionary(l => l.Level, l => Money.FromYuan(l.Mean)),
    };

    public static DipCatalog Catalog(params DipGroup[] groups) => new("test", "test", groups) { RegionalMeanCost = Money.FromYuan(10_000m) };

    public static DipScorer Scorer(DipCatalog catalog, string profile, decimal? pointValue = null, ProcedureAttributeTable? attributes = null, DipAuxiliaryTypingData? typing = null) =>
        new(catalog, DipPolicyProfiles.BuiltIn(profile), attributes ?? ProcedureAttributeTable.Empty, typing ?? DipAuxiliaryTypingData.None, pointValue is decimal pv ? new PointValue(pv) : null);

    public static DipHistoryCase History(int year, string diagnosis, decimal cost, string main = "", params string[] others) =>
        new(year, DiagnosisCode.Parse(diagnosis), main.Length == 0 ? default : ProcedureCode.Parse(main), others.Select(ProcedureCode.Parse).ToArray(), Money.FromYuan(cost));

    public static IEnumerable<DipHistoryCase> Repeat(int count, Func<int, DipHistoryCase> make) => Enumerable.Range(0, count).Select(make);
}
