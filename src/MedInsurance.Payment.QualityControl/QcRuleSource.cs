namespace MedInsurance.Payment.QualityControl;

/// <summary>规则来源 — where a quality-control rule comes from.</summary>
public enum QcRuleSource
{
    /// <summary>国家规则 — a national rule text: the ICD-10 classification rules or the 医保版 code dictionaries.</summary>
    NationalRule = 0,

    /// <summary>医保结算清单填写规范 — the national settlement-list filling specification.</summary>
    SettlementListSpecification = 1,

    /// <summary>地方清单 — a list the region supplies (sex- or age-specific codes, codes not to be the main diagnosis).</summary>
    LocalList = 2,
}
