using System.Collections.Generic;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// 门诊慢特病结算结果 — one claim paid under the chronic-disease policy: the disease and terms used, the split of the
/// claim's total into fund and person with each part of the person's share named, the reasons, and the line.
/// </summary>
/// <remarks>Total = fund + person; person = uncovered + deductible + coinsurance + beyond ceiling. Immutable; thread-safe.</remarks>
public sealed class ChronicClaimResult
{
    internal ChronicClaimResult(ChronicClaim claim, ChronicDisease? disease, ChronicTerms? terms, Money total, Money covered, Money deductible, Money coinsurance, Money beyondCeiling, Money fundPays, IReadOnlyList<string> reasons, string trace, SettlementLine? line)
    {
        Claim = claim;
        Disease = disease;
        Terms = terms;
        Total = total;
        Covered = covered;
        Deductible = deductible;
        Coinsurance = coinsurance;
        BeyondCeiling = beyondCeiling;
        FundPays = fundPays;
        Reasons = reasons;
        Trace = trace;
        Line = line;
    }

    /// <summary>The claim.</summary>
    public ChronicClaim Claim { get; }

    /// <summary>病种 — the disease applied (an old-list disease under the transition); null when not listed.</summary>
    public ChronicDisease? Disease { get; }

    /// <summary>待遇 — the terms applied; null when none.</summary>
    public ChronicTerms? Terms { get; }

    /// <summary>医疗总费用.</summary>
    public Money Total { get; }

    /// <summary>政策范围内费用 — the covered items' amount.</summary>
    public Money Covered { get; }

    /// <summary>范围外费用 — items not covered (the person pays).</summary>
    public Money Uncovered => Total - Covered;

    /// <summary>起付标准内 — the part that went to the deductible (the person pays).</summary>
    public Money Deductible { get; }

    /// <summary>按比例自付 — the person's share above the deductible.</summary>
    public Money Coinsurance { get; }

    /// <summary>超限额 — beyond the disease's or the person's annual ceiling (the person pays).</summary>
    public Money BeyondCeiling { get; }

    /// <summary>基金支付.</summary>
    public Money FundPays { get; }

    /// <summary>个人支付 — total − fund.</summary>
    public Money PersonPays => Total - FundPays;

    /// <summary>原因 — the codes (<see cref="OutpatientIssueCodes"/>) explaining what the person pays or which terms applied.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>计算过程 — the disease, terms and formula with the numbers, in English with the Chinese terms.</summary>
    public string Trace { get; }

    /// <summary>结算行 (<c>CHRONIC_OUTPATIENT</c>); null when the claim is not on the list or has no terms.</summary>
    public SettlementLine? Line { get; }
}
