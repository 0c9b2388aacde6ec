using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>
/// DRG结算定价结果 — the outcome of pricing one grouped case: either a settlement line (结算行) or the coded reasons
/// why there is none. Never both.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class DrgPricingResult
{
    internal DrgPricingResult(string caseId, SettlementLine? line, RelativeWeight? weight, Coefficient? hospitalCoefficient, IEnumerable<ValidationIssue> issues, DrgStandard? standard = null, DrgOutlierAssessment? outlier = null, decimal? payment = null)
    {
        Payment = payment;
        Standard = standard;
        Outlier = outlier;
        CaseId = caseId;
        Line = line;
        Weight = weight;
        HospitalCoefficient = hospitalCoefficient;
        Issues = new ReadOnlyCollection<ValidationIssue>(issues.ToArray());
        if (line is not null && Issues.Count > 0)
        {
            throw new ArgumentException("A priced case carries no issues.", nameof(issues));
        }
    }

    /// <summary>病例号 — the case id.</summary>
    public string CaseId { get; }

    /// <summary>Whether the case was priced (<see cref="Line"/> is set and <see cref="Issues"/> is empty).</summary>
    public bool IsPriced => Line is not null;

    /// <summary>结算行 — the settlement line, or null when the case cannot be priced.</summary>
    public SettlementLine? Line { get; }

    /// <summary>权重 — the DRG's relative weight from the table, or null when the case has no DRG with a weight entry.</summary>
    public RelativeWeight? Weight { get; }

    /// <summary>医院系数 — the coefficient used (the hospital's, or with a policy the table's or the level's), or null when the hospital is unknown.</summary>
    public Coefficient? HospitalCoefficient { get; }

    /// <summary>支付标准 — the case's standard at its level and fund (pricing with a policy), or null.</summary>
    public DrgStandard? Standard { get; }

    /// <summary>
    /// 病例支付 — with a policy, the case's payment before the patient's share: yuan (money form, or by item) or points;
    /// null without a policy or when the case is not priced.
    /// </summary>
    public decimal? Payment { get; }

    /// <summary>异常病例判定 — the outlier rule that paid the case (pricing with a policy that has outlier rules), or null.</summary>
    public DrgOutlierAssessment? Outlier { get; }

    /// <summary>问题 — why the case gives no line (errors with <see cref="DrgPricingIssueCodes"/>); empty when priced.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }
}
