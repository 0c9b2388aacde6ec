namespace MedInsurance.Payment.Cases;

/// <summary>险种 — the basic medical insurance fund that pays the case.</summary>
public enum InsuranceFund
{
    /// <summary>其他 — other or unknown (e.g. 离休, 公费).</summary>
    Other = 0,

    /// <summary>职工 — urban employee basic medical insurance (职工基本医疗保险).</summary>
    Employee = 1,

    /// <summary>居民 — urban and rural resident basic medical insurance (城乡居民基本医疗保险).</summary>
    Resident = 2,
}
