namespace MedInsurance.Payment.Hospitals;

/// <summary>
/// 定点医疗机构 — a designated hospital: id, name, level and kind.
/// </summary>
/// <remarks>Payment layers attach their own parameters (coefficients, budgets) keyed by <see cref="Id"/>.
/// Immutable and thread-safe.</remarks>
public sealed record Hospital
{
    /// <summary>定点医疗机构代码 — the hospital's id.</summary>
    public required string Id { get; init; }

    /// <summary>名称 — the hospital's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>等级 — tier and grade.</summary>
    public HospitalLevel Level { get; init; }

    /// <summary>类别 — the kind of hospital.</summary>
    public HospitalType Type { get; init; }
}
