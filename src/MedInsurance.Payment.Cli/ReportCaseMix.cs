using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using MedInsurance.Payment.Monitoring;
using MedInsurance.Payment.Reporting;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// The case mix of <c>medpay settle year --html</c>: CMI and deviation-case share per hospital from the settled lines
/// and, when the lines file is the output of <c>medpay drg price</c> or <c>medpay dip score</c>, from the columns those
/// commands write after the settlement-line columns — <c>weight</c> (DRG RW, for the DRG CMI) and <c>outlier</c> (DRG) or
/// <c>deviation</c> (DIP) for the deviation cases. The extra columns are read by header name in a second pass over the
/// same file, row by row in step with the lines, and joined only when the row's id is the line's id.
/// </summary>
internal static class ReportCaseMix
{
    /// <summary>Computes the case mix; writes one line to <paramref name="error"/> when some values could not be used.</summary>
    /// <param name="linesFile">The lines file read by the clearing.</param>
    /// <param name="lines">The accepted lines, in file order.</param>
    /// <param name="rows">The data-row number (1 = first after the header) of each accepted line.</param>
    /// <param name="result">The clearing result.</param>
    /// <param name="error">Where a note about unusable values goes.</param>
    /// <returns>One entry per statement.</returns>
    public static IReadOnlyList<HospitalCaseMix> Compute(FileInfo linesFile, IReadOnlyList<SettlementLine> lines, IReadOnlyList<int> rows, ClearingResult result, TextWriter error)
    {
        var method = CaseMixIndex.MethodOf(result);
        using var file = ResultsFile.Open(linesFile.FullName, out _);
        if (file is null)
        {
            // A plain settlement-line file (no group column): DIP CMI from the points; no RW, no deviation class.
            return HospitalCaseMix.FromLines(lines, result, method);
        }

        // Only the two values per line (no CaseResult objects): the map costs about 40 bytes a line, and only with --html.
        var results = new Dictionary<string, (decimal? Weight, bool? Deviation)>(lines.Count, StringComparer.Ordinal);
        var next = 0;
        var notJoined = 0L;
        while (file.Next(out var id, out var caseResult, out _, out _))
        {
            var row = file.Rows;
            while (next < rows.Count && rows[next] < row)
            {
                next++;
            }

            if (next < rows.Count && rows[next] == row)
            {
                if (string.Equals(lines[next].LineId, id, StringComparison.Ordinal))
                {
                    results[id] = (caseResult.Weight, caseResult.Deviation);
                }
                else
                {
                    notJoined++;
                }
            }
        }

        var unreadable = (method == CaseMixMethod.Drg ? file.WeightUnreadable : 0) + file.OutlierUnreadable;
        if (notJoined + unreadable > 0)
        {
            error.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "medpay: report: {0} line row(s) whose id differed on the second reading and {1} unreadable weight/outlier value(s); their hospitals show — for CMI or deviation share",
                notJoined,
                unreadable));
        }

        return HospitalCaseMix.FromLines(
            lines,
            result,
            method,
            isDeviation: line => results.TryGetValue(line.LineId, out var r) ? r.Deviation : null,
            relativeWeight: line => results.TryGetValue(line.LineId, out var r) ? r.Weight : null);
    }
}
