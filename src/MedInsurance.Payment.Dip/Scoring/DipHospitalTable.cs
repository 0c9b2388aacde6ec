using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// 医疗机构计分表 — the <see cref="DipHospitalContext"/> of every hospital in a hospitals file, built from the rows of
/// <see cref="HospitalCsvReader"/>. A row the reader rejects (a level or type that does not parse, a duplicated id, an
/// undecodable cell) makes its hospital <see cref="DipHospitalContext.Invalid"/>, so the hospital's cases are rejected
/// with <see cref="DipIssueCodes.HospitalInvalid"/> instead of being scored at a default coefficient; a hospital not in the
/// file is <see cref="DipHospitalContext.Unknown"/> (coefficient 1 with the warning <see cref="DipIssueCodes.HospitalUnknown"/>).
/// </summary>
/// <remarks>Immutable and thread-safe. Callable from C# 7.3.</remarks>
public sealed class DipHospitalTable
{
    private readonly Dictionary<string, DipHospitalContext> _contexts;

    private DipHospitalTable(Dictionary<string, DipHospitalContext> contexts, ReadRecord<HospitalRow>[] rejected, ReadRecord<HospitalRow>[] coefficientRows)
    {
        _contexts = contexts;
        RejectedRows = rejected;
        CoefficientRows = coefficientRows;
    }

    /// <summary>机构计分信息 — the context by hospital id, including <see cref="DipHospitalContext.Invalid"/> entries.</summary>
    public IReadOnlyDictionary<string, DipHospitalContext> Contexts => _contexts;

    /// <summary>被拒绝的机构行 — the rows the hospital reader rejected, in file order, with its issues.</summary>
    public IReadOnlyList<ReadRecord<HospitalRow>> RejectedRows { get; }

    /// <summary>
    /// 医院系数无效的行 — accepted rows whose <c>coefficient</c> or <c>coefficient_bonus</c> is invalid, with the
    /// <see cref="DipIssueCodes.HospitalCoefficientInvalid"/> issues added; their hospitals are <see cref="DipHospitalContext.Invalid"/>.
    /// A host may refuse the whole file instead (the CLI does).
    /// </summary>
    public IReadOnlyList<ReadRecord<HospitalRow>> CoefficientRows { get; }

    /// <summary>Builds the table from the rows of a hospitals file.</summary>
    /// <param name="rows">The rows of <see cref="HospitalCsvReader"/>, in file order.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="rows"/> is null.</exception>
    public static DipHospitalTable FromRows(IEnumerable<ReadRecord<HospitalRow>> rows)
    {
        if (rows is null)
        {
            throw new ArgumentNullException(nameof(rows));
        }

        var contexts = new Dictionary<string, DipHospitalContext>(StringComparer.Ordinal);
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        var rejected = new List<ReadRecord<HospitalRow>>();
        var coefficientRows = new List<ReadRecord<HospitalRow>>();
        foreach (var row in rows)
        {
            if (row is null)
            {
                continue;
            }

            if (row.IsRejected)
            {
                rejected.Add(row);
                if (row.Id.Length > 0)
                {
                    invalid.Add(row.Id);
                }

                continue;
            }

            var value = row.Value!;
            if (!DipHospitalContext.TryFromColumns(value.Hospital.Level, value.GetExtra("coefficient"), value.GetExtra("coefficient_bonus"), out var context, out var problems))
            {
                coefficientRows.Add(new ReadRecord<HospitalRow>(row.RowNumber, row.Id, value, row.Issues.Concat(problems).ToArray()));
                invalid.Add(value.Hospital.Id);
                continue;
            }

            contexts[value.Hospital.Id] = context;
        }

        foreach (var id in invalid)
        {
            contexts[id] = DipHospitalContext.Invalid;
        }

        return new DipHospitalTable(contexts, rejected.ToArray(), coefficientRows.ToArray());
    }

    /// <summary>The context of a case's hospital: its own, <see cref="DipHospitalContext.Invalid"/>, or <see cref="DipHospitalContext.Unknown"/> when not in the file.</summary>
    /// <param name="hospitalId">医疗机构代码.</param>
    /// <returns>The context.</returns>
    public DipHospitalContext Resolve(string? hospitalId) =>
        hospitalId is not null && _contexts.TryGetValue(hospitalId, out var context) ? context : DipHospitalContext.Unknown;

    /// <summary>Whether a hospital id is in the file (valid or not).</summary>
    /// <param name="hospitalId">医疗机构代码.</param>
    /// <returns>Whether listed.</returns>
    public bool Contains(string? hospitalId) => hospitalId is not null && _contexts.ContainsKey(hospitalId);
}
