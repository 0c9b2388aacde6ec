namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 清算配置 — the clearing policy and hospitals (configuration section <c>MedInsurancePayment:Settlement</c>).
/// </summary>
public sealed class SettlementOptions
{
    /// <summary>清算方案 — a policy JSON file, or the name of an embedded example (<c>example-dip-2025</c>, <c>example-drg-2025</c>).</summary>
    public string? Policy { get; set; }

    /// <summary>医疗机构 — the hospital CSV with clearing columns (assessment score, prior-year fund spend…).</summary>
    public string? HospitalsFile { get; set; }

    /// <summary>并行度 — threads for a clearing run (results never depend on it); 0 means all cores.</summary>
    public int MaxDegreeOfParallelism { get; set; }
}
