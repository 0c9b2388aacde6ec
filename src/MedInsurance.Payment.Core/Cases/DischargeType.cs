namespace MedInsurance.Payment.Cases;

/// <summary>离院方式 — how the patient left hospital, as coded in the settlement list.</summary>
public enum DischargeType
{
    /// <summary>未填写 — not given.</summary>
    Unspecified = 0,

    /// <summary>医嘱离院 — discharged on medical advice (1).</summary>
    MedicalAdvice = 1,

    /// <summary>医嘱转院 — transferred to another hospital on medical advice (2).</summary>
    TransferToHospital = 2,

    /// <summary>医嘱转社区卫生服务机构/乡镇卫生院 — transferred to a community or township health centre (3).</summary>
    TransferToCommunity = 3,

    /// <summary>非医嘱离院 — left against medical advice (4).</summary>
    AgainstMedicalAdvice = 4,

    /// <summary>死亡 — died (5).</summary>
    Death = 5,

    /// <summary>其他 — other (9).</summary>
    Other = 9,
}
