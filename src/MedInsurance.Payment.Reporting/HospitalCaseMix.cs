using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Reporting;

/// <summary>
/// 病例组合 — one hospital's case mix over the settled cases of a clearing run: the cases counted, their total units
/// (DRG relative weights or DIP case scores), the case-mix index and the deviation-case count.
/// </summary>
/// <remarks>
/// <para>The CMI is defined once, in <see cref="Reporting.CaseMixIndex.Compute"/>: DRG the mean RW of the hospital's cases;
/// DIP the hospital's mean case score ÷ the region's mean case score (the region is 1).</para>
/// <para>Immutable and thread-safe. Build it with <see cref="FromLines"/>.</para>
/// </remarks>
/// <param name="HospitalId">定点医疗机构代码 — the hospital id.</param>
/// <param name="Method">病例组合指数口径 — the method whose cases were counted and whose CMI definition applies.</param>
/// <param name="Cases">病例数 — the settled cases of <paramref name="Method"/> counted.</param>
/// <param name="Units">总权重/总分值 — Σ RW (DRG) or Σ case score (DIP) of the counted cases (the cases whose unit is known).</param>
/// <param name="DeviationCases">偏差病例数 — high or low outlier cases, or null when not known for every counted case.</param>
/// <param name="CaseMixIndex">病例组合指数 (CMI) — by <see cref="Reporting.CaseMixIndex.Compute"/>, or null without cases or when a counted case's unit is unknown.</param>
public sealed record HospitalCaseMix(string HospitalId, CaseMixMethod Method, int Cases, decimal Units, int? DeviationCases, decimal? CaseMixIndex)
{
    /// <summary>偏差病例占比 — <see cref="DeviationCases"/> ÷ <see cref="Cases"/>, or null when unknown or without cases.</summary>
    public Ratio? DeviationShare => Cases == 0 || DeviationCases is null ? null : new Ratio((decimal)DeviationCases.Value / Cases);

    /// <summary>
    /// Computes the case mix of every hospital of <paramref name="result"/> from the lines of <paramref name="method"/>
    /// (<c>DRG</c> or <c>DIP</c>) that the clearing settled: lines with an error issue in
    /// <see cref="ClearingResult.LineIssues"/>, lines of other methods and lines of hospitals without a statement are
    /// left out. For DIP the region's mean case score is taken over every counted line of every hospital.
    /// </summary>
    /// <param name="cases">The settlement lines passed to <see cref="ClearingEngine.Run"/>, in the same order.</param>
    /// <param name="result">The clearing result of those cases.</param>
    /// <param name="method">病例组合指数口径 — DRG or DIP (<see cref="Reporting.CaseMixIndex.MethodOf"/> picks the one the report shows).</param>
    /// <param name="isDeviation">偏差病例判定 — true for a high or low outlier case (DIP scoring's <c>deviation</c> ≠ <c>normal</c>,
    /// DRG pricing's <c>outlier</c> ≠ <c>normal</c>), false for a normal case, null when not known; null for no deviation data.</param>
    /// <param name="relativeWeight">DRG only: 相对权重 — the case's group weight (RW, before the hospital coefficient), or
    /// null when not known. DRG lines carry points (RW × hospital coefficient, or a money amount), not the RW, so without
    /// this the DRG CMI is unknown. DIP uses the line's points (the case score as settled) and ignores it.</param>
    /// <returns>One entry per statement, in statement order (hospitals without cases have zero counts and no CMI).</returns>
    public static IReadOnlyList<HospitalCaseMix> FromLines(
        IReadOnlyList<SettlementLine> cases,
        ClearingResult result,
        CaseMixMethod method,
        Func<SettlementLine, bool?>? isDeviation = null,
        Func<SettlementLine, decimal?>? relativeWeight = null)
    {
        if (cases is null || result is null)
        {
            throw new ArgumentNullException(cases is null ? nameof(cases) : nameof(result));
        }

        var code = method == CaseMixMethod.Drg ? SettlementMethods.Drg : SettlementMethods.Dip;
        var rejected = new HashSet<int>(result.LineIssues.Where(i => i.Index >= 0 && i.Issue.IsError).Select(i => i.Index));
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var h = 0; h < result.Statements.Count; h++)
        {
            index[result.Statements[h].Hospital.Id] = h;
        }

        var n = result.Statements.Count;
        var counts = new int[n];
        var units = new decimal[n];
        var unitKnown = Enumerable.Repeat(true, n).ToArray();
        var deviations = new int[n];
        var deviationKnown = Enumerable.Repeat(isDeviation is not null, n).ToArray();
        var regionUnits = 0m;
        var regionCases = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            if (rejected.Contains(i) || !string.Equals(c.Method, code, StringComparison.Ordinal) || c.HospitalId is null || !index.TryGetValue(c.HospitalId, out var h))
            {
                continue;
            }

            counts[h]++;
            decimal? unit = method == CaseMixMethod.Drg ? relativeWeight?.Invoke(c) : c.Basis.IsPoints ? c.Basis.Points : null;
            if (unit is { } u)
            {
                units[h] += u;
                regionUnits += u;
                regionCases++;
            }
            else
            {
                unitKnown[h] = false;
            }

            if (isDeviation is not null)
            {
                switch (isDeviation(c))
                {
                    case true:
                        deviations[h]++;
                        break;
                    case null:
                        deviationKnown[h] = false;
                        break;
                }
            }
        }

        return result.Statements
            .Select((s, h) => new HospitalCaseMix(
                s.Hospital.Id,
                method,
                counts[h],
                units[h],
                deviationKnown[h] ? deviations[h] : null,
                unitKnown[h] ? Reporting.CaseMixIndex.Compute(method, units[h], counts[h], regionUnits, regionCases) : null))
            .ToArray();
    }
}
