using System;
using System.Collections.Generic;
using System.Globalization;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// 门诊慢特病计算器 — pays a year of chronic-disease claims: each person's claims in date order (ties by claim id), with
/// the deductible and ceilings carried per person, disease and year (and per person and year for the person ceiling).
/// </summary>
/// <remarks>
/// <para>Disease of a claim: when the claim is before the transition end and the person was certified for an old-list
/// disease before the cut-over whose diagnoses include the claim's diagnosis, that old-list disease and its terms
/// (老人老办法); otherwise the first current-list disease whose diagnoses include it (新人新办法); none → the person pays
/// all (<see cref="OutpatientIssueCodes.ChronicNotListed"/>). Payment: <see cref="ChronicFundPayment"/>.</para>
/// <para>The results depend only on the set of claims, not on their order (they are sorted). Thread-safe: each
/// <see cref="Calculate"/> call has its own state.</para>
/// </remarks>
public sealed class ChronicCalculator
{
    private readonly ChronicPolicy _policy;
    private readonly Dictionary<string, List<ChronicCertification>> _certifications = new(StringComparer.Ordinal);

    /// <summary>Creates a calculator.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="certifications">慢特病认定 — the persons' certifications (only old-list certifications before the cut-over change anything).</param>
    public ChronicCalculator(ChronicPolicy policy, IEnumerable<ChronicCertification> certifications)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        foreach (var c in certifications ?? throw new ArgumentNullException(nameof(certifications)))
        {
            if (!_certifications.TryGetValue(c.PersonId, out var list))
            {
                _certifications[c.PersonId] = list = [];
            }

            list.Add(c);
        }
    }

    /// <summary>The policy.</summary>
    public ChronicPolicy Policy => _policy;

    /// <summary>Pays the claims.</summary>
    /// <param name="claims">The claims, in any order.</param>
    /// <returns>One result per claim, in (person, date, claim id) order.</returns>
    public IReadOnlyList<ChronicClaimResult> Calculate(IEnumerable<ChronicClaim> claims)
    {
        var ordered = new List<ChronicClaim>(claims ?? throw new ArgumentNullException(nameof(claims)));
        ordered.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.PersonId, b.PersonId);
            if (c == 0)
            {
                c = a.ServiceDate.CompareTo(b.ServiceDate);
            }

            return c != 0 ? c : string.CompareOrdinal(a.ClaimId, b.ClaimId);
        });

        var diseaseUsed = new Dictionary<string, Used>(StringComparer.Ordinal);
        var personUsed = new Dictionary<string, Money>(StringComparer.Ordinal);
        var results = new List<ChronicClaimResult>(ordered.Count);
        foreach (var claim in ordered)
        {
            results.Add(Pay(claim, diseaseUsed, personUsed));
        }

        return results;
    }

    private ChronicClaimResult Pay(ChronicClaim claim, Dictionary<string, Used> diseaseUsed, Dictionary<string, Money> personUsed)
    {
        var total = Money.Zero;
        foreach (var item in claim.Items)
        {
            total += item.Amount;
        }

        var disease = DiseaseOf(claim);
        if (disease is null)
        {
            return new ChronicClaimResult(claim, null, null, total, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, [OutpatientIssueCodes.ChronicNotListed],
                "非慢特病病种: the diagnosis is on no disease list in force; the person pays " + total + " (" + OutpatientIssueCodes.ChronicNotListed + ")", null);
        }

        var terms = disease.TermsFor(claim.Fund, claim.ServiceDate);
        if (terms is null)
        {
            return new ChronicClaimResult(claim, disease, null, total, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, [OutpatientIssueCodes.ChronicNoTerms],
                "病种 " + disease.Code + ": no terms for the claim's fund and date; the person pays " + total + " (" + OutpatientIssueCodes.ChronicNoTerms + ")", null);
        }

        var covered = Money.Zero;
        foreach (var item in claim.Items)
        {
            if (disease.Covers(item))
            {
                covered += item.Amount;
            }
        }

        var year = Dates.Year(claim.ServiceDate).ToString("0000", CultureInfo.InvariantCulture);
        var diseaseKey = claim.PersonId + "\u0001" + year + "\u0001" + (disease.IsLegacy ? "L:" : "C:") + disease.Code;
        var personKey = claim.PersonId + "\u0001" + year;
        diseaseUsed.TryGetValue(diseaseKey, out var used);
        personUsed.TryGetValue(personKey, out var personFund);
        var personCeiling = _policy.PersonCeilingFor(claim.Fund, claim.ServiceDate);
        var split = ChronicFundPayment.Compute(covered, terms.Deductible - used.Deductible, terms.Ratio, terms.Ceiling - used.Fund, personCeiling is { } pc ? pc - personFund : null, RoundingRule.Default);
        diseaseUsed[diseaseKey] = new Used(used.Deductible + split.Deductible, used.Fund + split.Fund);
        personUsed[personKey] = personFund + split.Fund;

        var reasons = new List<string>();
        if (disease.IsLegacy)
        {
            reasons.Add(OutpatientIssueCodes.ChronicLegacyTerms);
        }

        if (covered < total)
        {
            reasons.Add(OutpatientIssueCodes.ChronicItemsNotCovered);
        }

        if (split.Deductible > Money.Zero)
        {
            reasons.Add(OutpatientIssueCodes.ChronicDeductible);
        }

        if (split.BeyondCeiling > Money.Zero)
        {
            reasons.Add(OutpatientIssueCodes.ChronicBeyondCeiling);
        }

        var trace = string.Format(
            CultureInfo.InvariantCulture,
            "{0} {1}{2}: covered C = {3} (uncovered {4}); deductible D = min(C, {5} left) = {6}; by ratio R = round((C − D) × {7}) = {8}; ceiling left = {9}{10}; fund F = {11}; person = {12}",
            disease.IsLegacy ? "原病种 (老人老办法)" : "病种",
            disease.Code,
            disease.IsLegacy ? " until " + Dates.Text(_policy.TransitionEnd) : string.Empty,
            covered,
            total - covered,
            terms.Deductible - used.Deductible,
            split.Deductible,
            terms.Ratio,
            split.Fund + split.BeyondCeiling,
            terms.Ceiling - used.Fund,
            personCeiling is { } p2 ? ", person ceiling left " + (p2 - personFund) : string.Empty,
            split.Fund,
            total - split.Fund);
        var line = new SettlementLine(claim.ClaimId, claim.InstitutionId, claim.Fund, claim.Items[0].Month, SettlementMethods.ChronicOutpatient, SettlementBasis.OfMoney(split.Fund, _policy.PointSystem), total, total - split.Fund, split.Fund);
        return new ChronicClaimResult(claim, disease, terms, total, covered, split.Deductible, split.Coinsurance, split.BeyondCeiling, split.Fund, reasons, trace, line);
    }

    private ChronicDisease? DiseaseOf(ChronicClaim claim)
    {
        if (_policy.CutOver > 0 && claim.ServiceDate < _policy.TransitionEnd && _certifications.TryGetValue(claim.PersonId, out var certified))
        {
            foreach (var legacy in _policy.LegacyDiseases)
            {
                foreach (var c in certified)
                {
                    if (c.CertifiedOn > 0 && c.CertifiedOn < _policy.CutOver && string.Equals(c.DiseaseCode, legacy.Code, StringComparison.OrdinalIgnoreCase) && legacy.HasDiagnosis(claim.Diagnosis))
                    {
                        return legacy;
                    }
                }
            }
        }

        foreach (var disease in _policy.Diseases)
        {
            if (disease.HasDiagnosis(claim.Diagnosis))
            {
                return disease;
            }
        }

        return null;
    }

    private readonly struct Used
    {
        public Used(Money deductible, Money fund)
        {
            Deductible = deductible;
            Fund = fund;
        }

        public Money Deductible { get; }

        public Money Fund { get; }
    }
}
