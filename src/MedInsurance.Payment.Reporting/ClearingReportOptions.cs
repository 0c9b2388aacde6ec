using System.Collections.Generic;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Consortium;

namespace MedInsurance.Payment.Reporting;

/// <summary>清算报告选项 — optional inputs of <see cref="ClearingHtmlReport"/> beyond the clearing result.</summary>
/// <remarks>Immutable. Nothing here is read from the environment: the same options and result give the same bytes.</remarks>
public sealed record ClearingReportOptions
{
    /// <summary>Creates options with no extra inputs; set them with an object initializer (C# 9+) or use the other constructor.</summary>
    public ClearingReportOptions()
    {
    }

    /// <summary>Creates options (for C# 7.3 callers, which cannot set <c>init</c> members; name the arguments).</summary>
    /// <param name="region">统筹地区 — the region name shown in the title, or empty.</param>
    /// <param name="caseMix">病例组合 — per-hospital case mix, or null for none.</param>
    /// <param name="capitation">按人头付费 — the year's capitation result, or null for no section.</param>
    /// <param name="consortium">医共体打包付费 — the year's consortium result, or null for no section.</param>
    /// <param name="generatedAt">生成时间 — a footer timestamp text, or null for none.</param>
    public ClearingReportOptions(
        string region,
        IReadOnlyList<HospitalCaseMix>? caseMix = null,
        CapitationResult? capitation = null,
        ConsortiumResult? consortium = null,
        string? generatedAt = null)
    {
        Region = region ?? string.Empty;
        CaseMix = caseMix ?? [];
        Capitation = capitation;
        Consortium = consortium;
        GeneratedAt = generatedAt;
    }

    /// <summary>统筹地区 — the region name shown in the title (e.g. 某市); empty to show only the policy.</summary>
    public string Region { get; init; } = string.Empty;

    /// <summary>病例组合 — per-hospital case mix (CMI, deviation-case share); hospitals without an entry show “—”.</summary>
    public IReadOnlyList<HospitalCaseMix> CaseMix { get; init; } = [];

    /// <summary>按人头付费 — the year's capitation result, shown as the section “按人头付费 — Capitation” (null: no section).</summary>
    public CapitationResult? Capitation { get; init; }

    /// <summary>医共体打包付费 — the year's consortium result, shown as the section “医共体 — Medical consortium” (null: no section).</summary>
    public ConsortiumResult? Consortium { get; init; }

    /// <summary>A copy with the capitation section (for callers without <c>init</c> setters, such as C# 7.3).</summary>
    /// <param name="capitation">The capitation result, or null for none.</param>
    /// <returns>The copy.</returns>
    public ClearingReportOptions WithCapitation(CapitationResult? capitation) => this with { Capitation = capitation };

    /// <summary>A copy with the consortium section (for callers without <c>init</c> setters, such as C# 7.3).</summary>
    /// <param name="consortium">The consortium result, or null for none.</param>
    /// <returns>The copy.</returns>
    public ClearingReportOptions WithConsortium(ConsortiumResult? consortium) => this with { Consortium = consortium };

    /// <summary>生成时间 — a timestamp text printed in the footer, only when given (keeps the output deterministic).</summary>
    public string? GeneratedAt { get; init; }
}
