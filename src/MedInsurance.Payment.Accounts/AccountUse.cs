namespace MedInsurance.Payment.Accounts;

/// <summary>
/// 个人账户支出用途 — what a debit pays for. Allowed by the national opinion on outpatient mutual aid (国办发〔2021〕14号, "规范个人账户使用范围"):
/// the own-pay part of care at designated medical institutions, purchases of drugs, devices and consumables at designated
/// retail pharmacies, and the personal contributions of spouse, parents and children to the resident basic medical
/// insurance and similar; not allowed: public health, fitness, wellness and other costs outside basic medical insurance.
/// Which uses a region allows for which relation is profile data (<see cref="AccountPolicy.AllowedUses"/>).
/// </summary>
public enum AccountUse
{
    /// <summary>定点医疗机构就医个人负担 — own-pay part of care at a designated medical institution.</summary>
    DesignatedProviderOwnPay = 1,

    /// <summary>定点零售药店购药 — drugs, devices and consumables bought at a designated retail pharmacy.</summary>
    DesignatedPharmacyPurchase = 2,

    /// <summary>居民医保个人缴费 — a family member's personal contribution to the resident basic medical insurance.</summary>
    ResidentInsuranceContribution = 3,

    /// <summary>补充医疗保险缴费 — personal contributions to supplementary medical insurance of the region's list (where the region allows it).</summary>
    SupplementaryInsuranceContribution = 4,

    /// <summary>公共卫生费用 — public-health costs (not allowed nationally).</summary>
    PublicHealth = 11,

    /// <summary>体育健身 — fitness (not allowed nationally).</summary>
    Fitness = 12,

    /// <summary>养生保健 — wellness (not allowed nationally).</summary>
    Wellness = 13,

    /// <summary>其他不属于基本医保保障范围的支出 — anything else outside basic medical insurance (not allowed).</summary>
    OutsideBasicInsurance = 19,
}
