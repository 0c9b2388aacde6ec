using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 结算医疗机构 — a hospital with the parameters its clearing needs: adjustment coefficient, assessment score,
/// annual deductions, working advance and (for the elastic method) base points.
/// </summary>
/// <remarks>Immutable and thread-safe. Read from the hospital CSV with <see cref="SettlementCsv.ReadHospitals(System.IO.TextReader)"/>.</remarks>
public sealed record SettlementHospital
{
    /// <summary>定点医疗机构 — the hospital (id, name, level, type).</summary>
    public required Hospital Hospital { get; init; }

    /// <summary>医院调整系数 — the coefficient in DRG payment standard = RW × rate × coefficient (1 when not set).</summary>
    public Coefficient Coefficient { get; init; } = Coefficient.One;

    /// <summary>考核得分 — the annual assessment score (0–100) that selects the assessment coefficient and the deposit release.</summary>
    public decimal AssessmentScore { get; init; }

    /// <summary>年度扣款 — deductions decided at clearing (violations, assessment penalties) beyond the case audit deductions.</summary>
    public Money AnnualDeduction { get; init; }

    /// <summary>预付周转金 — the working advance paid at the start of the year; null to compute it from <see cref="PriorYearFundPaid"/>.</summary>
    public Money? WorkingAdvance { get; init; }

    /// <summary>上年度基金支付 — last year's fund payments, used to size the working advance (about one month).</summary>
    public Money PriorYearFundPaid { get; init; }

    /// <summary>基准分值 — base points (基准服务量) for the elastic method; null to use the policy's base share of the hospital's own points.</summary>
    public Score? BasePoints { get; init; }

    /// <summary>The hospital id.</summary>
    public string Id => Hospital.Id;
}
