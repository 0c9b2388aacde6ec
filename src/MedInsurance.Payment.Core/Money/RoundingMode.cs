namespace MedInsurance.Payment;

/// <summary>
/// 舍入方式 — how a value is brought to a fixed number of decimals at a named rounding step.
/// </summary>
public enum RoundingMode
{
    /// <summary>四舍五入 — half away from zero (0.005 → 0.01, −0.005 → −0.01). The default for money.</summary>
    HalfAwayFromZero = 0,

    /// <summary>银行家舍入 — half to even (0.005 → 0.00, 0.015 → 0.02).</summary>
    HalfToEven = 1,

    /// <summary>截尾 — toward zero (truncate).</summary>
    TowardZero = 2,

    /// <summary>进位 — away from zero (any remainder rounds up in magnitude).</summary>
    AwayFromZero = 3,

    /// <summary>向下取整 — toward negative infinity.</summary>
    Floor = 4,

    /// <summary>向上取整 — toward positive infinity.</summary>
    Ceiling = 5,
}
