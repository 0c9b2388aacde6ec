namespace MedInsurance.Payment.Cases;

/// <summary>支付方式 — the payment method a case is settled under.</summary>
public enum PaymentMethod
{
    /// <summary>未指定 — not tagged; the region's default applies.</summary>
    Unspecified = 0,

    /// <summary>按疾病诊断相关分组付费 — CHS-DRG.</summary>
    Drg = 1,

    /// <summary>按病种分值付费 — DIP (big-data diagnosis-intervention packet).</summary>
    Dip = 2,

    /// <summary>按床日付费 — per diem (psychiatric, rehabilitation, hospice).</summary>
    PerDiem = 3,

    /// <summary>按人头付费 — capitation.</summary>
    Capitation = 4,

    /// <summary>按项目付费 — fee for service.</summary>
    FeeForService = 5,

    /// <summary>按单病种付费 — single-disease fixed price.</summary>
    SingleDisease = 6,
}
