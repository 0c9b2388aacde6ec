using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Outpatient;

/// <summary>慢特病认定CSV — reads certifications (<c>person_id,disease_code,certified_on</c>); one record per data row.</summary>
/// <remarks>Thread-safe (no shared state).</remarks>
public static class ChronicCertificationCsv
{
    /// <summary>Reads certifications from decoded text.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>One record per data row.</returns>
    public static IReadOnlyList<ReadRecord<ChronicCertification>> Read(TextReader reader) => Iterate(CsvRows.Open(reader), null).ToList();

    /// <summary>Reads certifications from bytes in the encoding of <paramref name="options"/>.</summary>
    /// <param name="stream">The bytes (left open).</param>
    /// <param name="options">The encoding and limits.</param>
    /// <param name="completed">Called once at the end with the counts.</param>
    /// <returns>One record per data row.</returns>
    public static IReadOnlyList<ReadRecord<ChronicCertification>> Read(Stream stream, CsvReadOptions options, Action<CsvReadReport>? completed) =>
        Iterate(CsvRows.Open(stream, options), completed).ToList();

    private static IEnumerable<ReadRecord<ChronicCertification>> Iterate(CsvInput input, Action<CsvReadReport>? completed)
    {
        foreach (var (row, fields, issues) in CsvRows.Read(input, ["person_id", "disease_code", "certified_on"], completed))
        {
            if (fields is null)
            {
                yield return new ReadRecord<ChronicCertification>(row, string.Empty, null, CsvRows.Snapshot(issues));
                continue;
            }

            var person = fields.Get("person_id") ?? string.Empty;
            var disease = fields.Get("disease_code") ?? string.Empty;
            var date = 0;
            if (person.Length == 0)
            {
                issues.Add(Invalid("person_id"));
            }

            if (disease.Length == 0)
            {
                issues.Add(Invalid("disease_code"));
            }

            var index = fields.IndexOf("certified_on");
            var text = fields.Text(index);
            date = Dates.Parse(text);
            if (date == 0 && text.Length == 8 && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var compact))
            {
                date = Dates.Parse(Dates.Text(compact));
            }

            if (date == 0)
            {
                issues.Add(Invalid("certified_on").WithValue(text));
            }

            yield return new ReadRecord<ChronicCertification>(row, person, new ChronicCertification(person, disease, date), CsvRows.Snapshot(issues));
        }
    }

    private static ValidationIssue Invalid(string column) =>
        ValidationIssue.Error(OutpatientIssueCodes.CertificationInvalid, column, column + "为空或无效（认定日期应为yyyy-MM-dd）", "The field '" + column + "' is empty or invalid (certified_on is a date yyyy-MM-dd).");
}
