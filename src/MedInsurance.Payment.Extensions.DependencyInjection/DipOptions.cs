namespace MedInsurance.Payment.Hosting;

/// <summary>
/// DIP配置 — the region's DIP catalog, policy profile, procedure attributes and hospitals (configuration section
/// <c>MedInsurancePayment:Dip</c>).
/// </summary>
public sealed class DipOptions
{
    /// <summary>病种目录 — the catalog file (<c>.json</c> or <c>.csv</c>).</summary>
    public string? CatalogFile { get; set; }

    /// <summary>政策配置 — a built-in profile name (<c>national-dip-1.0</c>, <c>national-dip-3.0</c>, <c>guangzhou</c>,
    /// <c>jining</c>) or a profile JSON file.</summary>
    public string Profile { get; set; } = "national-dip-1.0";

    /// <summary>手术操作属性表 — optional CSV <c>procedure,attribute</c> for comprehensive groups.</summary>
    public string? ProcedureAttributesFile { get; set; }

    /// <summary>辅助分型清单 — optional auxiliary-typing lists (JSON: <c>cc</c>, <c>mcc</c>, <c>tumour</c>, <c>metastasis</c>,
    /// <c>radiotherapy</c>, <c>chemotherapy</c>, <c>shortStayDays</c>); without it only the death, age and ICU triggers apply.</summary>
    public string? AuxiliaryListsFile { get; set; }

    /// <summary>医疗机构 — the hospital CSV (<c>hospital_id,name,level,type</c>, optional <c>coefficient</c> and
    /// <c>coefficient_bonus</c> (加成系数)).</summary>
    public string? HospitalsFile { get; set; }

    /// <summary>年初点值 — optional start-of-year point value (yuan per point) for expected payments and for profiles
    /// whose deviation ratio is measured against the payment standard.</summary>
    public decimal? PointValue { get; set; }
}
