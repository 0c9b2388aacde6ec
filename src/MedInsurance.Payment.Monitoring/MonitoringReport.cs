using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 监测结果 — the supervision indicators of one run: per hospital and period against its level, per group, the
/// region's low-risk groups, the severity-mix shifts, the cases to review, and the counts of what could not be used
/// (every case is accounted for). Immutable.
/// </summary>
public sealed class MonitoringReport
{
    internal MonitoringReport(MonitoringProfile profile, IReadOnlyList<IndicatorRow> indicators, IReadOnlyList<GroupIndicatorRow> groups, IReadOnlyList<LowRiskGroup> lowRiskGroups,
        IReadOnlyList<SeverityShiftRow> severity, IReadOnlyList<ReviewCase> review, IReadOnlyDictionary<string, long> counts)
    {
        // Read-only wrappers over copies: a caller cannot cast them back to List/Dictionary and change the report.
        Profile = profile;
        Indicators = Array.AsReadOnly(indicators.ToArray());
        Groups = Array.AsReadOnly(groups.ToArray());
        LowRiskGroups = Array.AsReadOnly(lowRiskGroups.ToArray());
        Severity = Array.AsReadOnly(severity.ToArray());
        Review = Array.AsReadOnly(review.ToArray());
        Counts = new ReadOnlyDictionary<string, long>(counts.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    /// <summary>The profile used.</summary>
    public MonitoringProfile Profile { get; }

    /// <summary>医院指标 — one row per hospital, period and indicator.</summary>
    public IReadOnlyList<IndicatorRow> Indicators { get; }

    /// <summary>病组指标 — one row per hospital (and the region), group and year.</summary>
    public IReadOnlyList<GroupIndicatorRow> Groups { get; }

    /// <summary>低风险组 — the region's groups and which are low-risk.</summary>
    public IReadOnlyList<LowRiskGroup> LowRiskGroups { get; }

    /// <summary>病情结构偏移 — the severity-mix shift per hospital (DRG results only).</summary>
    public IReadOnlyList<SeverityShiftRow> Severity { get; }

    /// <summary>复核病例 — the cases to review, at most <see cref="MonitoringProfile.MaxReviewCasesPerHospital"/> per hospital and reason.</summary>
    public IReadOnlyList<ReviewCase> Review { get; }

    /// <summary>计数 — cases used, without a discharge date, without a patient id, results joined and not joined, overlapping stays, review cases found and listed …</summary>
    public IReadOnlyDictionary<string, long> Counts { get; }
}
