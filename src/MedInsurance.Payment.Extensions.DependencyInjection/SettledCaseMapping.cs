using System;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 结算明细映射 — turns a scored DIP case or a grouped DRG case into the settlement layer's <see cref="SettledCase"/>
/// (hospital, fund, discharge month, units, costs), the input of monthly pre-settlement and annual clearing.
/// </summary>
public static class SettledCaseMapping
{
    /// <summary>Maps a DIP result; null when the case was not scored or has no discharge date (report those separately).
    /// A case flagged for special review (特例单议) settles by its score until the agency records its decision.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <param name="result">Its DIP result.</param>
    /// <returns>The settled case, or null.</returns>
    public static SettledCase? FromDip(InpatientCase inpatientCase, DipCaseResult result)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        if (result.Status != DipCaseStatus.Scored || inpatientCase.DischargeDate is not { } discharged)
        {
            return null;
        }

        return Base(inpatientCase, discharged.Month) with
        {
            Method = PaymentMethod.Dip,
            Score = result.CaseScore,
        };
    }

    /// <summary>Maps a grouped DRG case with its weight; null when not grouped or without a discharge date.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <param name="result">Its grouping result.</param>
    /// <param name="weight">The DRG's relative weight.</param>
    /// <returns>The settled case, or null.</returns>
    public static SettledCase? FromDrg(InpatientCase inpatientCase, DrgResult result, RelativeWeight weight)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        if (result is null || result.Status != DrgStatus.Grouped || inpatientCase.DischargeDate is not { } discharged)
        {
            return null;
        }

        return Base(inpatientCase, discharged.Month) with { Method = PaymentMethod.Drg, Weight = weight };
    }

    private static SettledCase Base(InpatientCase c, int month) => new()
    {
        CaseId = c.CaseId,
        HospitalId = c.HospitalId,
        Fund = c.Fund,
        Month = month,
        TotalCost = c.Costs.Total,
        PatientPaid = c.Costs.PatientPaid,
        FundPaid = c.Costs.FundPaid,
    };
}
