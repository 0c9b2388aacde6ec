using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 质控结果文件 — reads the <c>medpay check</c> output (<c>row,id,hospital_id,status,errors,warnings,issues</c>) by header
/// names, streaming, into <see cref="SupervisionMonitor.AddQualityCheck(string, string)"/>: the coding-accuracy proxy needs only
/// <c>hospital_id</c> and <c>status</c>.
/// </summary>
internal static class QualityCheckFile
{
    /// <summary>Feeds every row; returns the rows read, or null with the reason when a column is missing or a status is
    /// not <c>accepted</c>, <c>warning</c> or <c>rejected</c> (the file is refused: line and field named).</summary>
    public static long? Read(string path, SupervisionMonitor monitor, out string? problem)
    {
        using var input = CsvInput.Open(new System.IO.FileStream(path, System.IO.FileMode.Open, System.IO.FileAccess.Read, System.IO.FileShare.Read, 1 << 16), CsvReadOptions.Default, ownsStream: true);
        var header = CsvTables.ReadHeader(input);
        var hospital = header?.IndexOf("hospital_id") ?? -1;
        var status = header?.IndexOf("status") ?? -1;
        if (hospital < 0 || status < 0)
        {
            problem = "the header has no hospital_id or no status column";
            return null;
        }

        long rows = 0;
        while (input.MoveNext())
        {
            rows++;
            var text = input.SharedText(status);
            if (!SupervisionMonitor.IsQualityCheckStatus(text))
            {
                problem = "line " + input.Rows.FirstLine.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + ", field status: not accepted, warning or rejected (QC_STATUS_UNKNOWN)";
                return null;
            }

            monitor.AddQualityCheck(input.SharedText(hospital), text);
        }

        problem = null;
        return rows;
    }
}
