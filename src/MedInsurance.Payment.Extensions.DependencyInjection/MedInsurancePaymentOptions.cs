namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 医保支付配置 — everything <c>AddMedInsurancePayment</c> configures: a region (<c>demo</c> for the embedded demo
/// region, or empty to configure files) and the per-method options.
/// </summary>
public sealed class MedInsurancePaymentOptions
{
    /// <summary>The configuration section name, <c>MedInsurancePayment</c>.</summary>
    public const string SectionName = "MedInsurancePayment";

    /// <summary>地区 — <c>demo</c> loads the embedded demo region (rule pack, catalog, hospitals, policy); empty means
    /// the files named in <see cref="Drg"/>, <see cref="Dip"/> and <see cref="Settlement"/>.</summary>
    public string? Region { get; set; }

    /// <summary>DRG分组配置.</summary>
    public DrgOptions Drg { get; } = new();

    /// <summary>DIP配置.</summary>
    public DipOptions Dip { get; } = new();

    /// <summary>清算配置.</summary>
    public SettlementOptions Settlement { get; } = new();

    /// <summary>Whether the embedded demo region is selected.</summary>
    public bool UsesDemoRegion => string.Equals(Region, "demo", System.StringComparison.OrdinalIgnoreCase);
}
