using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 整表拒收 — for loaders of reference tables that need every row (a host loading its hospitals at start): the first
/// rejected row refuses the whole file, naming the file, the row and the issue codes with their English messages
/// (which never carry a row's values).
/// </summary>
public static class ReadRecordRefusal
{
    /// <summary>The record's value, or an <see cref="InvalidDataException"/> naming the file, row and issues.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="record">The record.</param>
    /// <param name="file">The file it was read from.</param>
    /// <returns>The value of an accepted record.</returns>
    /// <exception cref="InvalidDataException">The record is rejected.</exception>
    public static T AcceptedOrRefuse<T>(this ReadRecord<T> record, string file)
        where T : class =>
        record is null ? throw new System.ArgumentNullException(nameof(record))
        : record.IsRejected || record.Value is null ? throw Refusal(file, record.RowNumber, record.Issues)
        : record.Value;

    /// <summary>The exception that refuses <paramref name="file"/> for the issues of one row.</summary>
    /// <param name="file">The file.</param>
    /// <param name="row">The data row number.</param>
    /// <param name="issues">The row's issues.</param>
    /// <returns>The exception to throw.</returns>
    public static InvalidDataException Refusal(string file, int row, IEnumerable<ValidationIssue> issues) =>
        new(file + " row " + row.ToString(CultureInfo.InvariantCulture) + ": " + string.Join("; ", issues.Select(i => i.ToCompactString() + " " + i.MessageEn)));
}
