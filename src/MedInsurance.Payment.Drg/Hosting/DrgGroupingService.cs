using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Hosting;

/// <summary>The DRG grouping service over one compiled grouper kernel.</summary>
internal sealed class DrgGroupingService : IDrgGroupingService
{
    private readonly DrgGrouper _grouper;
    private readonly IReadOnlyDictionary<string, RelativeWeight> _weights;
    private readonly PointValue? _baseRate;
    private readonly DrgSettlementPricing _pricing;

    public DrgGroupingService(RulePack pack, DrgPolicy policy, IReadOnlyDictionary<string, RelativeWeight> weights, PointValue? baseRate)
    {
        _grouper = new DrgGrouper(pack, policy);
        Edition = pack.Edition;
        _weights = weights;
        _baseRate = baseRate;
        _pricing = new DrgSettlementPricing(weights);
    }

    public string Edition { get; }

    public DrgResult Group(InpatientCase inpatientCase) =>
        _grouper.Group(inpatientCase ?? throw new ArgumentNullException(nameof(inpatientCase)));

    public IReadOnlyList<DrgResult> GroupBatch(IReadOnlyList<InpatientCase> cases)
    {
        if (cases is null)
        {
            throw new ArgumentNullException(nameof(cases));
        }

        var prepared = cases.Select(_grouper.Prepare).ToArray();
        var outcomes = new DrgOutcome[prepared.Length];
        _grouper.GroupBatch(prepared, outcomes, Environment.ProcessorCount);
        var results = new DrgResult[prepared.Length];
        for (var i = 0; i < prepared.Length; i++)
        {
            results[i] = _grouper.Describe(prepared[i], outcomes[i]);
        }

        return results;
    }

    public DrgPaymentEstimate Estimate(InpatientCase inpatientCase, Coefficient hospitalCoefficient)
    {
        var result = Group(inpatientCase);
        // A zero weight is a DRG the table lists without a weight (DrgWeightTable): no weight, never a standard of 0.
        if (result.Status != DrgStatus.Grouped || !_weights.TryGetValue(result.Drg, out var weight) || weight.Value == 0m)
        {
            return new DrgPaymentEstimate(result, null, null);
        }

        Money? standard = _baseRate is { } rate
            ? DrgPaymentStandard.Compute(weight, rate, hospitalCoefficient).Round(RoundingRule.Default)
            : null;
        return new DrgPaymentEstimate(result, weight, standard);
    }

    public DrgPricingResult Price(InpatientCase inpatientCase, Coefficient hospitalCoefficient) =>
        _pricing.Price(inpatientCase ?? throw new ArgumentNullException(nameof(inpatientCase)), Group(inpatientCase), hospitalCoefficient);
}
