using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Dip;

namespace MedInsurance.Payment.Hosting;

/// <summary>The DIP scoring service over one scorer and the region's hospitals.</summary>
internal sealed class DipScoringService : IDipScoringService
{
    private readonly DipScorer _scorer;
    private readonly IReadOnlyDictionary<string, DipHospitalContext> _hospitals;
    private readonly PointValue? _pointValue;
    private readonly DipSettlementPricing _pricing;

    public DipScoringService(DipScorer scorer, IReadOnlyDictionary<string, DipHospitalContext> hospitals, PointValue? pointValue)
    {
        _scorer = scorer;
        _pricing = new DipSettlementPricing(scorer.Profile);
        _hospitals = hospitals;
        _pointValue = pointValue;
    }

    public DipCatalog Catalog => _scorer.Catalog;

    public DipCaseResult Score(InpatientCase inpatientCase)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        var hospital = _hospitals.TryGetValue(inpatientCase.HospitalId, out var context) ? context : DipHospitalContext.Unknown;
        return _scorer.Score(inpatientCase, hospital);
    }

    public IReadOnlyList<DipCaseResult> ScoreBatch(IReadOnlyList<InpatientCase> cases) =>
        (cases ?? throw new ArgumentNullException(nameof(cases))).Select(Score).ToArray();

    public Money? ExpectedPayment(DipCaseResult result) =>
        _pointValue is { } value && result.Status == DipCaseStatus.Scored
            ? result.CaseScore.ToMoney(value).Round(RoundingRule.Default)
            : null;

    public DipPricingResult Price(InpatientCase inpatientCase, DipCaseResult result) =>
        _pricing.Price(inpatientCase ?? throw new ArgumentNullException(nameof(inpatientCase)), result);
}
