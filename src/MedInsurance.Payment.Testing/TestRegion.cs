using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Testing;

/// <summary>
/// 内存测试地区 — the demo region (示例市, written by this project, not national data) held in memory with its kernels
/// built once: a CHS-DRG-format grouper, a DIP scorer, the pricing of both into settlement lines, and the clearing — for
/// integrators' tests that need real results without any file. Thread-safe; the results are those of the demo region's
/// tables (e.g. <c>TestCase.Inpatient("A1").Build()</c> groups to GD25 and scores 1 239 DIP points in DEMO-H1).
/// </summary>
public sealed class TestRegion
{
    private static readonly Lazy<TestRegion> Instance = new(() => new TestRegion(DemoRegion.Load()));

    private readonly DrgSettlementPricing _drgPricing;
    private readonly DipSettlementPricing _dipPricing;

    private TestRegion(DemoRegion region)
    {
        Region = region;
        DrgGrouper = new DrgGrouper(region.DrgRulePack, DrgPolicy.National);
        DipScorer = new DipScorer(region.DipCatalog, region.DipProfile, region.ProcedureAttributes, region.AuxiliaryTyping, region.DipStartOfYearPointValue);
        _drgPricing = new DrgSettlementPricing(region.DrgWeights);
        _dipPricing = new DipSettlementPricing(region.DipProfile);
    }

    /// <summary>The demo region, loaded once per process.</summary>
    public static TestRegion Demo => Instance.Value;

    /// <summary>示例地区 — its tables, hospitals, policies and case generators.</summary>
    public DemoRegion Region { get; }

    /// <summary>DRG分组器 over the demo rule pack with the national policy.</summary>
    public DrgGrouper DrgGrouper { get; }

    /// <summary>DIP打分器 over the demo catalog and profile.</summary>
    public DipScorer DipScorer { get; }

    /// <summary>Groups a case.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The DRG result with its trace.</returns>
    public DrgResult Group(InpatientCase inpatientCase) => DrgGrouper.Group(inpatientCase ?? throw new ArgumentNullException(nameof(inpatientCase)));

    /// <summary>Scores a case in its hospital (an unknown hospital scores with coefficient 1).</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The DIP result with its trace.</returns>
    public DipCaseResult Score(InpatientCase inpatientCase)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        return DipScorer.Score(inpatientCase, Region.DipHospital(inpatientCase.HospitalId));
    }

    /// <summary>DRG结算行 — groups the case and prices it into DRG points (RW × coefficient).</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <param name="hospitalCoefficient">The hospital's coefficient.</param>
    /// <returns>The line, or the coded reasons it has none.</returns>
    public DrgPricingResult PriceDrg(InpatientCase inpatientCase, Coefficient hospitalCoefficient) =>
        _drgPricing.Price(inpatientCase, Group(inpatientCase), hospitalCoefficient);

    /// <summary>DIP结算行 — scores the case and prices it into DIP points.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The line, or the coded reasons it has none.</returns>
    public DipPricingResult PriceDip(InpatientCase inpatientCase) => _dipPricing.Price(inpatientCase, Score(inpatientCase));

    /// <summary>年度清算 — clears settlement lines under the demo region's DIP policy and hospitals (or the given ones).</summary>
    /// <param name="lines">The year's lines.</param>
    /// <param name="policy">A policy (e.g. <see cref="TestPolicy.PointMethod"/>), or null for the demo region's.</param>
    /// <param name="hospitals">Hospitals, or null for the demo region's five.</param>
    /// <returns>The clearing result.</returns>
    public ClearingResult Clear(IEnumerable<SettlementLine> lines, SettlementPolicy? policy = null, IReadOnlyList<SettlementHospital>? hospitals = null) =>
        ClearingEngine.Run(policy ?? Region.SettlementPolicy, hospitals ?? Region.SettlementHospitals, (lines ?? throw new ArgumentNullException(nameof(lines))).ToArray(), Array.Empty<MonthlyPayment>(), 1);
}
