using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Reporting;

/// <summary>
/// 病例组合 — one hospital's case mix over the settled cases of a clearing run: case count, total units (DRG weight or
/// DIP score), the case-mix index and the deviation-case count.
/// </summary>
/// <remarks>
/// <para>CMI (病例组合指数) = Σ case units ÷ case count (payment-rules.md: DRG CMI = Σ RW ÷ cases; for DIP the mean case
/// score), from the units as settled, before the hospital's adjustment coefficient.</para>
/// <para>Immutable and thread-safe. Build it with <see cref="FromLines"/>.</para>
/// </remarks>
/// <param name="HospitalId">定点医疗机构代码 — the hospital id.</param>
/// <param name="Cases">病例数 — settled cases counted.</param>
/// <param name="Units">总权重/总分值 — Σ points of the settled point lines (DRG weight, DIP score, bed-day points).</param>
/// <param name="DeviationCases">偏差病例数 — high or low outlier cases, or null when not known.</param>
public sealed record HospitalCaseMix(string HospitalId, int Cases, decimal Units, int? DeviationCases)
{
    /// <summary>病例组合指数 (CMI) — <see cref="Units"/> ÷ <see cref="Cases"/>, or null without cases.</summary>
    public decimal? CaseMixIndex => Cases == 0 ? null : Units / Cases;

    /// <summary>偏差病例占比 — <see cref="DeviationCases"/> ÷ <see cref="Cases"/>, or null when unknown or without cases.</summary>
    public Ratio? DeviationShare => Cases == 0 || DeviationCases is null ? null : new Ratio((decimal)DeviationCases.Value / Cases);

    /// <summary>
    /// Computes the case mix of every hospital of <paramref name="result"/> from the point lines the clearing settled
    /// (lines with an error issue in <see cref="ClearingResult.LineIssues"/> and money lines are left out).
    /// </summary>
    /// <param name="cases">The settlement lines passed to <see cref="ClearingEngine.Run"/>, in the same order.</param>
    /// <param name="result">The clearing result of those cases.</param>
    /// <param name="isDeviation">偏差病例判定 — true for a high or low outlier case (e.g. from DIP scoring); null when not known.</param>
    /// <returns>One entry per statement, in statement order (hospitals without cases have zero counts).</returns>
    public static IReadOnlyList<HospitalCaseMix> FromLines(IReadOnlyList<SettlementLine> cases, ClearingResult result, Func<SettlementLine, bool>? isDeviation = null)
    {
        if (cases is null || result is null)
        {
            throw new ArgumentNullException(cases is null ? nameof(cases) : nameof(result));
        }

        var rejected = new HashSet<int>(result.LineIssues.Where(i => i.Index >= 0 && i.Issue.IsError).Select(i => i.Index));
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var h = 0; h < result.Statements.Count; h++)
        {
            index[result.Statements[h].Hospital.Id] = h;
        }

        var counts = new int[result.Statements.Count];
        var units = new decimal[result.Statements.Count];
        var deviations = new int[result.Statements.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            if (rejected.Contains(i) || !c.Basis.IsPoints || c.HospitalId is null || !index.TryGetValue(c.HospitalId, out var h))
            {
                continue;
            }

            counts[h]++;
            units[h] += c.Basis.Points;
            if (isDeviation is not null && isDeviation(c))
            {
                deviations[h]++;
            }
        }

        return result.Statements
            .Select((s, h) => new HospitalCaseMix(s.Hospital.Id, counts[h], units[h], isDeviation is null ? null : deviations[h]))
            .ToArray();
    }
}
