using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Settlement;
using static MedInsurance.Payment.Outpatient.Tests.Build;

namespace MedInsurance.Payment.Outpatient.Tests;

/// <summary>
/// The hand-computed combination days of docs/outpatient.md “Worked examples” on the demo table: a surgical, an
/// internal-medicine and an auxiliary day, a fee-for-service fallback, and a level without a price.
/// </summary>
public sealed class CombinationExampleTests
{
    private const InsuranceFund E = InsuranceFund.Employee;
    private const InsuranceFund R = InsuranceFund.Resident;

    [Fact]
    public void Surgical_day_beats_internal_medicine_and_takes_the_3A_price()
    {
        // P1, employee, DEMO-H1 (三级甲等), 2026-03-02, two claims: A1 86.3x00 320.00 + consumable 45.50 + drug 12.30; A2 XJ01CRA001 28.00.
        // Candidates SS01 (手术操作) and NK02 (内科诊疗) → SS01 by class. Price at 3A = 480.00 (the 3A key beats the tier's 450.00).
        // Fund = 480.00 × 0.8 = 384.00. Total 405.80; item fund 405.80 × 0.7 = 284.06; patient 121.74.
        var (days, rejected, _) = Group(
        [
            Item("A1", "P1", "DEMO-H1", E, 20260302, "86.3x00", OutpatientItemKind.Procedure, 320.00m),
            Item("A1", "P1", "DEMO-H1", E, 20260302, "C0312001", OutpatientItemKind.Consumable, 45.50m),
            Item("A1", "P1", "DEMO-H1", E, 20260302, "XD08AXA001", OutpatientItemKind.Drug, 12.30m),
            Item("A2", "P1", "DEMO-H1", E, 20260302, "XJ01CRA001", OutpatientItemKind.Drug, 28.00m),
        ]);
        Assert.Empty(rejected);
        var day = Assert.Single(days);
        Assert.Equal(("SS01", "86.3x00", ""), (day.Combination!.Code, day.MatchedCode, day.FallbackCode));
        Assert.Equal((2, 4, "A1"), (day.Claims, day.Items, day.UnitId));
        Assert.Equal(Y(405.80m), day.TotalCost);
        Assert.Equal(Y(480.00m), day.Price);
        Assert.Equal(Y(384.00m), day.FundPays);
        Assert.Equal(Y(284.06m), day.ItemFund);
        Assert.Equal(Y(121.74m), day.PatientPays);
        Assert.Equal((SettlementMethods.OutpatientCombination, Y(384.00m), 3), (day.Line.Method, day.Line.Basis.Amount, day.Line.Month));
        Assert.Contains("1 other candidate", day.Trace);
    }

    [Fact]
    public void Internal_medicine_day_needs_all_its_codes_and_takes_the_tier_price()
    {
        // P2, resident, DEMO-H3 (二级甲等): test 250301001 18.00 + drug XA10BAA001 36.40 → NK01 (match all). No "2A" key → tier "2": 150.00.
        // Fund = 150.00 × 0.7 = 105.00. Total 54.40; item fund 54.40 × 0.6 = 32.64; patient 21.76.
        var (days, _, _) = Group(
        [
            Item("B1", "P2", "DEMO-H3", R, 20260302, "250301001", OutpatientItemKind.Test, 18.00m),
            Item("B1", "P2", "DEMO-H3", R, 20260302, "XA10BAA001", OutpatientItemKind.Drug, 36.40m),
        ]);
        var day = Assert.Single(days);
        Assert.Equal("NK01", day.Combination!.Code);
        Assert.Equal(CombinationClass.InternalMedicine, day.Combination.Class);
        Assert.Equal((Y(150.00m), Y(105.00m), Y(32.64m), Y(21.76m)), (day.Price, day.FundPays, day.ItemFund, day.PatientPays));
    }

    [Fact]
    public void Auxiliary_day_with_two_auxiliary_candidates_takes_the_first_in_table_order()
    {
        // P3, employee, DEMO-H3: 340200003 60.00 (FZ02 by prefix 340200*) + 120400001 25.00 (FZ01). Same class → table order: FZ01.
        // Fund = 40.00 × 0.8 = 32.00. Total 85.00; item fund 85.00 × 0.7 = 59.50; patient 25.50.
        var (days, _, _) = Group(
        [
            Item("C1", "P3", "DEMO-H3", E, 20260303, "340200003", OutpatientItemKind.Procedure, 60.00m),
            Item("C1", "P3", "DEMO-H3", E, 20260303, "120400001", OutpatientItemKind.Procedure, 25.00m),
        ]);
        var day = Assert.Single(days);
        Assert.Equal(("FZ01", CombinationClass.AuxiliaryService), (day.Combination!.Code, day.Combination.Class));
        Assert.Equal((Y(40.00m), Y(32.00m), Y(59.50m), Y(25.50m)), (day.Price, day.FundPays, day.ItemFund, day.PatientPays));
    }

    [Fact]
    public void Day_matching_no_combination_falls_back_to_fee_for_service_with_the_reason()
    {
        // P4, resident, DEMO-H3: XA10BAA001 36.40 + XN02BEA001 15.55 — NK01 needs 250301001 too, nothing else matches.
        // Fee-for-service: fund = 51.95 × 0.6 = 31.17; patient 20.78.
        var (days, _, _) = Group(
        [
            Item("D1", "P4", "DEMO-H3", R, 20260303, "XA10BAA001", OutpatientItemKind.Drug, 36.40m),
            Item("D1", "P4", "DEMO-H3", R, 20260303, "XN02BEA001", OutpatientItemKind.Drug, 15.55m),
        ]);
        var day = Assert.Single(days);
        Assert.Null(day.Combination);
        Assert.False(day.IsCombination);
        Assert.Equal(OutpatientIssueCodes.NoCombination, day.FallbackCode);
        Assert.Equal((Y(31.17m), Y(20.78m)), (day.FundPays, day.PatientPays));
        Assert.Equal((SettlementMethods.FeeForService, Y(31.17m)), (day.Line.Method, day.Line.Basis.Amount));
    }

    [Fact]
    public void Surgical_code_on_a_drug_line_does_not_match_and_a_level_without_price_falls_back()
    {
        // 86.3x00 written as a drug line: surgical combinations match procedure lines only → no combination.
        var (days, _, _) = Group([Item("E1", "P5", "DEMO-H3", E, 20260304, "86.3x00", OutpatientItemKind.Drug, 100.00m)]);
        Assert.Equal(OutpatientIssueCodes.NoCombination, Assert.Single(days).FallbackCode);

        // At DEMO-H5 (一级) SS01 matches but has no level-1 price: fee-for-service 100.00 × 0.7 = 70.00.
        (days, _, _) = Group([Item("E2", "P5", "DEMO-H5", E, 20260304, "86.3x00", OutpatientItemKind.Procedure, 100.00m)]);
        var day = Assert.Single(days);
        Assert.Equal(("SS01", OutpatientIssueCodes.NoPriceAtLevel, Y(70.00m)), (day.Combination!.Code, day.FallbackCode, day.FundPays));

        // An institution missing from the hospital list: LEVEL_UNKNOWN.
        (days, _, _) = Group([Item("E3", "P5", "X-UNKNOWN", E, 20260304, "86.3x00", OutpatientItemKind.Procedure, 100.00m)]);
        Assert.Equal(OutpatientIssueCodes.LevelUnknown, Assert.Single(days).FallbackCode);
    }

    [Fact]
    public void Points_table_pays_points_times_the_fund_share()
    {
        const string json = """
            { "id": "pts", "version": "1", "basis": "points", "pointSystem": "DIP",
              "fundShares": { "employee": 0.8, "resident": 0.7 }, "feeForService": { "fundShares": { "employee": 0.7, "resident": 0.6 } },
              "combinations": [ { "code": "SS01", "class": "surgical", "codes": [ "86.3x00" ], "from": "2026-01-01", "points": { "3": 45.5 } } ] }
            """;
        // 45.5 points × 0.8 = 36.40 points in the DIP point system.
        var (days, _, _) = Group([Item("F1", "P6", "DEMO-H2", E, 20260305, "86.3x00", OutpatientItemKind.Procedure, 300.00m)], CombinationTableLoader.Parse(json, "pts.json"));
        var day = Assert.Single(days);
        Assert.Equal((45.5m, 36.40m), (day.Points, day.FundPoints));
        Assert.True(day.Line.Basis.IsPoints);
        Assert.Equal(("DIP", 36.40m), (day.Line.Basis.PointSystem, day.Line.Basis.Points));
    }

    [Fact]
    public void Line_book_sums_days_per_institution_fund_and_month()
    {
        var (days, _, _) = Group(
        [
            Item("B1", "P2", "DEMO-H3", R, 20260302, "250301001", OutpatientItemKind.Test, 18.00m),
            Item("B1", "P2", "DEMO-H3", R, 20260302, "XA10BAA001", OutpatientItemKind.Drug, 36.40m),
            Item("B2", "P7", "DEMO-H3", R, 20260303, "250301001", OutpatientItemKind.Test, 18.00m),
            Item("B2", "P7", "DEMO-H3", R, 20260303, "XA10BAA001", OutpatientItemKind.Drug, 36.40m),
        ]);
        var book = new OutpatientLineBook();
        days.ForEach(book.Add);
        var line = Assert.Single(book.Lines());
        Assert.Equal("OUTPATIENT_COMBINATION-DEMO-H3-resident-2026-03-M", line.LineId);
        Assert.Equal((Y(210.00m), Y(108.80m), Y(65.28m)), (line.Basis.Amount, line.TotalCost, line.FundPaid!.Value));
        Assert.Equal(2, days.Count(d => d.IsCombination));
    }

    [Fact]
    public void Combinations_apply_only_within_their_dates_and_method_names_normalise()
    {
        // The demo table's combinations run 2026-01-01 … 2026-12-31: the same surgical day in 2027 falls back.
        var (days, _, _) = Group([Item("G1", "P8", "DEMO-H1", E, 20270105, "86.3x00", OutpatientItemKind.Procedure, 300.00m)]);
        Assert.Equal(OutpatientIssueCodes.NoCombination, Assert.Single(days).FallbackCode);

        Assert.Equal(SettlementMethods.OutpatientCombination, SettlementMethods.Normalize("按诊疗组合付费"));
        Assert.Equal(SettlementMethods.ChronicOutpatient, SettlementMethods.Normalize("门诊慢特病"));
        Assert.Equal("OUTPATIENT_COMBINATION", SettlementMethods.Normalize("outpatient-combination"));
    }
}
