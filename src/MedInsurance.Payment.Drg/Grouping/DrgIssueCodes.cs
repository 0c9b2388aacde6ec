namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>DRG分组问题代码 — stable codes of the issues the DRG grouper reports (in addition to <see cref="Validation.IssueCodes"/>).</summary>
public static class DrgIssueCodes
{
    /// <summary>主要诊断不在本版分组方案中 — the main diagnosis is not in any table of the edition (rejected).</summary>
    public const string MainDiagnosisUnknown = "DRG_DX_MAIN_UNKNOWN";

    /// <summary>性别与主要诊断冲突 — e.g. a male patient with a main diagnosis of MDCN/MDCO only (warning).</summary>
    public const string SexDiagnosisConflict = "DRG_SEX_DX_CONFLICT";

    /// <summary>婴儿缺少年龄（天） — age 0 years without age in days; newborn rules cannot apply (warning).</summary>
    public const string AgeDaysMissing = "DRG_AGE_DAYS_MISSING";

    /// <summary>新生儿缺少出生体重 — a newborn (≤ 28 days) reported with an admission weight only: MDCP groups by birth weight (rejected).</summary>
    public const string BirthWeightMissing = "DRG_BIRTH_WEIGHT_MISSING";

    /// <summary>无法入组：主要诊断不属于任何MDC — no MDC admits the main diagnosis (ungroupable 0000).</summary>
    public const string NoMdc = "DRG_NO_MDC";

    /// <summary>无法入组：性别不符MDC要求 — only MDCM/MDCN admit the main diagnosis and the sex does not match (ungroupable 0000).</summary>
    public const string SexExcludesMdc = "DRG_SEX_EXCLUDES_MDC";

    /// <summary>无法入组：MDC内无符合条件的ADRG — an MDC admits the main diagnosis but none of its ADRGs matches (ungroupable 0000).</summary>
    public const string NoAdrg = "DRG_NO_ADRG";

    /// <summary>无法入组：ADRG无对应DRG — the ADRG matched but the DRG table has no group for the case's CC/MCC level (ungroupable 0000).</summary>
    public const string NoDrg = "DRG_NO_DRG";

    /// <summary>编码不在映射表 — a code the crosswalk (*_MAP.dat) does not know; an error for the main diagnosis.</summary>
    public const string CodeNotMapped = "DRG_CODE_NOT_MAPPED";

    /// <summary>编码已映射 — a code of another code edition (医保版1.0, 国临版) that the pack does not know was replaced through a crosswalk (warning; the original code is the issue's value).</summary>
    public const string CodeMapped = "DRG_CODE_MAPPED";

    /// <summary>编码一对多 — the crosswalk lists the code with several targets and does not state which to take: not mapped (warning).</summary>
    public const string CodeMapAmbiguous = "DRG_CODE_MAP_AMBIGUOUS";

    /// <summary>缺少出院日期 — the edition registry needs the discharge date (rejected).</summary>
    public const string DischargeDateMissing = "DRG_DISCHARGE_DATE_MISSING";

    /// <summary>无适用版本 — no registered edition is effective on the discharge date (rejected).</summary>
    public const string NoEdition = "DRG_NO_EDITION";

    /// <summary>歧义组 — an operating-room procedure unrelated to the main diagnosis's MDC (ambiguous xQY).</summary>
    public const string Ambiguous = "DRG_AMBIGUOUS_QY";
}
