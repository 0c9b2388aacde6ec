using System.Collections.Generic;

namespace MedInsurance.Payment.Reporting;

/// <summary>清算报告选项 — optional inputs of <see cref="ClearingHtmlReport"/> beyond the clearing result.</summary>
/// <remarks>Immutable. Nothing here is read from the environment: the same options and result give the same bytes.</remarks>
public sealed record ClearingReportOptions
{
    /// <summary>统筹地区 — the region name shown in the title (e.g. 某市); empty to show only the policy.</summary>
    public string Region { get; init; } = string.Empty;

    /// <summary>病例组合 — per-hospital case mix (CMI, deviation-case share); hospitals without an entry show “—”.</summary>
    public IReadOnlyList<HospitalCaseMix> CaseMix { get; init; } = [];

    /// <summary>生成时间 — a timestamp text printed in the footer, only when given (keeps the output deterministic).</summary>
    public string? GeneratedAt { get; init; }
}
