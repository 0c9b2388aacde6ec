namespace MedInsurance.Payment.Hosting;

/// <summary>
/// DRG分组配置 — where the CHS-DRG rule text and the payment table come from (configuration section
/// <c>MedInsurancePayment:Drg</c>).
/// </summary>
public sealed class DrgOptions
{
    /// <summary>规则文本目录 — the folder holding 1_MDC.txt … 7_CCE.txt of the region's CHS-DRG edition.</summary>
    public string? RulesFolder { get; set; }

    /// <summary>分组方案版本 — the edition id recorded in results, e.g. <c>chs-drg-1.1</c>.</summary>
    public string Edition { get; set; } = "chs-drg-1.1";

    /// <summary>歧义组检查 — whether the ambiguous-group (QY) check runs; null keeps the national default (on).</summary>
    public bool? AmbiguousGroupCheck { get; set; }

    /// <summary>DRG权重表 — optional CSV <c>drg,weight</c> for expected payments.</summary>
    public string? WeightsFile { get; set; }

    /// <summary>费率 — yuan per unit of weight for expected payments; required with <see cref="WeightsFile"/>.</summary>
    public decimal? BaseRate { get; set; }
}
