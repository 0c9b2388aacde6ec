namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 医保支付配置 — everything <c>AddMedInsurancePayment</c> configures: a region (<c>demo</c>, set by <c>AddDemoRegion()</c>, for the demo
/// region, or empty to configure files) and the per-method options.
/// </summary>
public sealed class MedInsurancePaymentOptions
{
    /// <summary>The configuration section name, <c>MedInsurancePayment</c>.</summary>
    public const string SectionName = "MedInsurancePayment";

    /// <summary>地区 — empty for a region's own files (named in <see cref="Drg"/>, <see cref="Dip"/> and
    /// <see cref="Settlement"/>), or <c>demo</c>, set by <c>services.AddDemoRegion()</c> of the package
    /// <c>MedInsurance.Payment.Demo</c>, which points the files at the demo region's.</summary>
    public string? Region { get; set; }

    /// <summary>DRG分组配置.</summary>
    public DrgOptions Drg { get; } = new();

    /// <summary>DIP配置.</summary>
    public DipOptions Dip { get; } = new();

    /// <summary>清算配置.</summary>
    public SettlementOptions Settlement { get; } = new();

    /// <summary>Whether the demo region is selected (<c>Region</c> is <c>demo</c>; its files come from <c>AddDemoRegion()</c>).</summary>
    public bool UsesDemoRegion => string.Equals(Region, "demo", System.StringComparison.OrdinalIgnoreCase);
}
