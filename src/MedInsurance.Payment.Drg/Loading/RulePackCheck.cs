using System.Collections.Generic;

namespace MedInsurance.Payment.Drg.Loading;

/// <summary>规则包完整性检查结果 — whether a loaded rule-text folder may be used, and how it compares with the published edition.</summary>
/// <param name="IsUsable">False when any <paramref name="Problems"/>: the pack is refused.</param>
/// <param name="Problems">Why the pack is refused, each naming the file.</param>
/// <param name="PublishedAs">The known edition whose published files the folder matches byte for byte, or null.</param>
/// <param name="DifferingFiles">For a known edition, the files that differ from its published form (empty when as published; empty too for an unknown edition).</param>
/// <param name="Counts">What the folder loaded to.</param>
/// <param name="Expected">The published counts of the named edition, or null for an unknown edition.</param>
public sealed record RulePackCheck(
    bool IsUsable,
    IReadOnlyList<string> Problems,
    string? PublishedAs,
    IReadOnlyList<string> DifferingFiles,
    RulePackCounts Counts,
    RulePackCounts? Expected);
