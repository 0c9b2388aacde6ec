namespace MedInsurance.Payment.QualityControl;

/// <summary>规则类别 — the family a quality-control rule belongs to.</summary>
public enum QcRuleFamily
{
    /// <summary>完整性 — a required field of the settlement list is empty.</summary>
    Completeness = 0,

    /// <summary>合规性 — a value is not valid: a code outside the edition's dictionary, a gray code, dates or amounts that disagree.</summary>
    Validity = 1,

    /// <summary>逻辑性 — clinical logic: sex- and age-specific codes, newborn fields, main-diagnosis suitability.</summary>
    ClinicalLogic = 2,

    /// <summary>编码版本 — a code of another edition (医保版1.0, 国临版) that a crosswalk maps to the checked edition.</summary>
    CodeEdition = 3,
}
