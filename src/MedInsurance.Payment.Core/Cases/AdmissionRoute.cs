namespace MedInsurance.Payment.Cases;

/// <summary>
/// 入院途径 — how the patient came to be admitted, as coded in the settlement list (医疗保障基金结算清单, 住院诊疗信息:
/// 1 急诊, 2 门诊, 3 其他医疗机构转入, 9 其他). A route of <see cref="Referral"/> is a referral in (转诊入院).
/// </summary>
public enum AdmissionRoute
{
    /// <summary>未填写 — not given.</summary>
    Unspecified = 0,

    /// <summary>急诊 — through the emergency department (1).</summary>
    Emergency = 1,

    /// <summary>门诊 — through the outpatient department (2).</summary>
    Outpatient = 2,

    /// <summary>其他医疗机构转入 — referred in from another medical institution (3).</summary>
    Referral = 3,

    /// <summary>其他 — other (9).</summary>
    Other = 9,
}
