using System.Collections.Generic;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Outpatient;

/// <summary>慢特病待遇 — a disease's terms for a fund and a date range: fund ratio, deductible and annual ceiling.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ChronicTerms
{
    /// <summary>Creates terms.</summary>
    /// <param name="fund">险种 — the fund; <see cref="InsuranceFund.Other"/> for every fund.</param>
    /// <param name="from">生效日期 as <c>yyyyMMdd</c>.</param>
    /// <param name="to">失效日期 (inclusive) as <c>yyyyMMdd</c>.</param>
    /// <param name="ratio">基金支付比例 — 0–1.</param>
    /// <param name="deductible">起付标准 — per person, disease and year.</param>
    /// <param name="ceiling">年度最高支付限额 — the fund's annual ceiling per person and disease.</param>
    public ChronicTerms(InsuranceFund fund, int from, int to, decimal ratio, Money deductible, Money ceiling)
    {
        Fund = fund;
        From = from;
        To = to;
        Ratio = ratio;
        Deductible = deductible;
        Ceiling = ceiling;
    }

    /// <summary>险种 (<see cref="InsuranceFund.Other"/>: every fund).</summary>
    public InsuranceFund Fund { get; }

    /// <summary>生效日期 (<c>yyyyMMdd</c>).</summary>
    public int From { get; }

    /// <summary>失效日期 (<c>yyyyMMdd</c>, inclusive).</summary>
    public int To { get; }

    /// <summary>基金支付比例.</summary>
    public decimal Ratio { get; }

    /// <summary>起付标准.</summary>
    public Money Deductible { get; }

    /// <summary>年度最高支付限额.</summary>
    public Money Ceiling { get; }

    /// <summary>Whether the terms apply to a claim of <paramref name="fund"/> on <paramref name="serviceDate"/>.</summary>
    /// <param name="fund">The fund.</param>
    /// <param name="serviceDate">The date (<c>yyyyMMdd</c>).</param>
    /// <returns>True when they apply.</returns>
    public bool Applies(InsuranceFund fund, int serviceDate) => (Fund == InsuranceFund.Other || Fund == fund) && serviceDate >= From && serviceDate <= To;
}

/// <summary>
/// 门诊慢特病病种 — one disease of a list: its diagnosis codes (a code ending in <c>*</c> is a prefix), the items it
/// covers (kinds, and item codes when the list names them), and its terms.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ChronicDisease
{
    internal ChronicDisease(string code, string name, IReadOnlyList<string> diagnoses, IReadOnlyList<OutpatientItemKind> coveredKinds, IReadOnlyList<string> coveredItems, IReadOnlyList<ChronicTerms> terms, bool legacy)
    {
        Code = code;
        Name = name;
        Diagnoses = diagnoses;
        CoveredKinds = coveredKinds;
        CoveredItems = coveredItems;
        Terms = terms;
        IsLegacy = legacy;
    }

    /// <summary>病种编码.</summary>
    public string Code { get; }

    /// <summary>病种名称.</summary>
    public string Name { get; }

    /// <summary>诊断编码 — exact codes or prefixes (<c>I10*</c>).</summary>
    public IReadOnlyList<string> Diagnoses { get; }

    /// <summary>支付范围（类别） — the item kinds covered; empty for every kind.</summary>
    public IReadOnlyList<OutpatientItemKind> CoveredKinds { get; }

    /// <summary>支付范围（项目） — the item codes covered (exact or prefix); empty for every code of the covered kinds.</summary>
    public IReadOnlyList<string> CoveredItems { get; }

    /// <summary>待遇 — the terms by fund and date.</summary>
    public IReadOnlyList<ChronicTerms> Terms { get; }

    /// <summary>原地方病种 — on the older local list (老人老办法), not the current one.</summary>
    public bool IsLegacy { get; }

    /// <summary>Whether the diagnosis is one of the disease's.</summary>
    /// <param name="diagnosis">The diagnosis code.</param>
    /// <returns>True when it matches.</returns>
    public bool HasDiagnosis(string diagnosis)
    {
        foreach (var pattern in Diagnoses)
        {
            if (CodePattern.Matches(pattern, diagnosis ?? string.Empty))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an item is within the disease's covered items.</summary>
    /// <param name="item">The item.</param>
    /// <returns>True when covered.</returns>
    public bool Covers(OutpatientItem item)
    {
        if (CoveredKinds.Count > 0)
        {
            var kind = false;
            foreach (var k in CoveredKinds)
            {
                kind |= k == item.Kind;
            }

            if (!kind)
            {
                return false;
            }
        }

        if (CoveredItems.Count == 0)
        {
            return true;
        }

        foreach (var pattern in CoveredItems)
        {
            if (CodePattern.Matches(pattern, item.ItemCode))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The terms for a fund and date, or null.</summary>
    /// <param name="fund">The fund.</param>
    /// <param name="serviceDate">The date (<c>yyyyMMdd</c>).</param>
    /// <returns>The first applicable terms in list order, or null.</returns>
    public ChronicTerms? TermsFor(InsuranceFund fund, int serviceDate)
    {
        foreach (var terms in Terms)
        {
            if (terms.Applies(fund, serviceDate))
            {
                return terms;
            }
        }

        return null;
    }
}

/// <summary>个人年度限额 — a per-person annual ceiling across all chronic diseases, for a fund and dates.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class PersonCeiling
{
    /// <summary>Creates a ceiling.</summary>
    /// <param name="fund">险种 (<see cref="InsuranceFund.Other"/>: every fund).</param>
    /// <param name="from">生效日期 (<c>yyyyMMdd</c>).</param>
    /// <param name="to">失效日期 (<c>yyyyMMdd</c>, inclusive).</param>
    /// <param name="ceiling">年度最高支付限额.</param>
    public PersonCeiling(InsuranceFund fund, int from, int to, Money ceiling)
    {
        Fund = fund;
        From = from;
        To = to;
        Ceiling = ceiling;
    }

    /// <summary>险种.</summary>
    public InsuranceFund Fund { get; }

    /// <summary>生效日期.</summary>
    public int From { get; }

    /// <summary>失效日期.</summary>
    public int To { get; }

    /// <summary>年度最高支付限额.</summary>
    public Money Ceiling { get; }
}

/// <summary>
/// 门诊慢特病政策 — the region's chronic and special outpatient disease list with its terms, the per-person annual
/// ceilings, and the transition for persons certified under the older local list (老人老办法、新人新办法): a person
/// certified for an old-list disease before <see cref="CutOver"/> keeps the old terms for claims before
/// <see cref="TransitionEnd"/> (the cut-over plus <see cref="TransitionYears"/> years); everyone else, and every claim from
/// then on, is under the current list.
/// </summary>
/// <remarks>Immutable; thread-safe. Built and validated by <see cref="ChronicPolicyLoader"/>.</remarks>
public sealed class ChronicPolicy
{
    internal ChronicPolicy(string id, string version, string name, string? pointSystem, IReadOnlyList<ChronicDisease> diseases, IReadOnlyList<ChronicDisease> legacyDiseases, int cutOver, int transitionYears, IReadOnlyList<PersonCeiling> personCeilings)
    {
        Id = id;
        Version = version;
        Name = name;
        PointSystem = pointSystem;
        Diseases = diseases;
        LegacyDiseases = legacyDiseases;
        CutOver = cutOver;
        TransitionYears = transitionYears;
        PersonCeilings = personCeilings;
    }

    /// <summary>政策编号.</summary>
    public string Id { get; }

    /// <summary>版本.</summary>
    public string Version { get; }

    /// <summary>名称.</summary>
    public string Name { get; }

    /// <summary>点数体系 — the pool whose budget pays the lines; null for outside every pool.</summary>
    public string? PointSystem { get; }

    /// <summary>现行病种目录 — the current list.</summary>
    public IReadOnlyList<ChronicDisease> Diseases { get; }

    /// <summary>原地方病种目录 — the older local list (empty when there is no transition).</summary>
    public IReadOnlyList<ChronicDisease> LegacyDiseases { get; }

    /// <summary>新旧目录切换日期 (<c>yyyyMMdd</c>); 0 when there is no transition.</summary>
    public int CutOver { get; }

    /// <summary>过渡期年数 (e.g. 3).</summary>
    public int TransitionYears { get; }

    /// <summary>过渡期结束 — the first day old terms no longer apply (<c>yyyyMMdd</c>): the cut-over plus the transition years; 0 when none.</summary>
    public int TransitionEnd => CutOver == 0 ? 0 : CutOver + (TransitionYears * 10_000);

    /// <summary>个人年度限额.</summary>
    public IReadOnlyList<PersonCeiling> PersonCeilings { get; }

    /// <summary>The per-person ceiling for a fund and date, or null when none applies.</summary>
    /// <param name="fund">The fund.</param>
    /// <param name="serviceDate">The date (<c>yyyyMMdd</c>).</param>
    /// <returns>The ceiling, or null.</returns>
    public Money? PersonCeilingFor(InsuranceFund fund, int serviceDate)
    {
        foreach (var c in PersonCeilings)
        {
            if ((c.Fund == InsuranceFund.Other || c.Fund == fund) && serviceDate >= c.From && serviceDate <= c.To)
            {
                return c.Ceiling;
            }
        }

        return null;
    }
}

/// <summary>慢特病认定 — a person's certification for a disease (on the current or the older list) and its date.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ChronicCertification
{
    /// <summary>Creates a certification.</summary>
    /// <param name="personId">人员编号.</param>
    /// <param name="diseaseCode">病种编码 — a code of the current or the older list.</param>
    /// <param name="certifiedOn">认定日期 (<c>yyyyMMdd</c>).</param>
    public ChronicCertification(string personId, string diseaseCode, int certifiedOn)
    {
        PersonId = personId ?? string.Empty;
        DiseaseCode = diseaseCode ?? string.Empty;
        CertifiedOn = certifiedOn;
    }

    /// <summary>人员编号.</summary>
    public string PersonId { get; }

    /// <summary>病种编码.</summary>
    public string DiseaseCode { get; }

    /// <summary>认定日期 (<c>yyyyMMdd</c>).</summary>
    public int CertifiedOn { get; }
}
