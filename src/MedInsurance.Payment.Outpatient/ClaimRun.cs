using System;
using System.Collections.Generic;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// 一次结算的连续明细 — the contiguous item lines of one claim id, collected until the claim id changes, then checked as
/// a whole: a claim is accepted or rejected entire (never split, never priced incomplete). Not thread-safe.
/// </summary>
internal sealed class ClaimRun
{
    public List<OutpatientItemRecord> Records { get; } = [];

    public string ClaimId { get; private set; } = string.Empty;

    public bool HasRejectedLine { get; private set; }

    public bool IsEmpty => Records.Count == 0;

    /// <summary>Whether the record continues this run (same claim id).</summary>
    public bool Continues(OutpatientItemRecord record) => Records.Count > 0 && string.Equals(record.Item.ClaimId, ClaimId, StringComparison.Ordinal);

    public void Add(OutpatientItemRecord record)
    {
        if (Records.Count == 0)
        {
            ClaimId = record.Item.ClaimId;
        }

        Records.Add(record);
        HasRejectedLine |= record.IsRejected;
    }

    public void Clear()
    {
        Records.Clear();
        ClaimId = string.Empty;
        HasRejectedLine = false;
    }

    /// <summary>The date of the claim (its first line's).</summary>
    public int ServiceDate => Records[0].Item.ServiceDate;

    /// <summary>The issue that rejects the whole claim, or null: a rejected line, two dates, or two persons, institutions, funds (or diagnoses).</summary>
    public ValidationIssue? Problem(bool oneDiagnosis)
    {
        if (HasRejectedLine)
        {
            return ValidationIssue.Error(OutpatientIssueCodes.ClaimLineRejected, "claim_id", "同一结算的其他明细被拒，整笔结算不予处理", "Another line of the same claim was rejected, so the whole claim is rejected.");
        }

        var first = Records[0].Item;
        foreach (var record in Records)
        {
            var item = record.Item;
            if (item.ServiceDate != first.ServiceDate)
            {
                return ValidationIssue.Error(OutpatientIssueCodes.ClaimSpansDays, "date", "同一结算的明细跨越两个以上就诊日期，不予拆分", "The lines of one claim carry two or more service dates; the claim is rejected, not split.");
            }

            if (!string.Equals(item.PersonId, first.PersonId, StringComparison.Ordinal) || !string.Equals(item.InstitutionId, first.InstitutionId, StringComparison.Ordinal)
                || item.Fund != first.Fund || (oneDiagnosis && !string.Equals(item.Diagnosis, first.Diagnosis, StringComparison.OrdinalIgnoreCase)))
            {
                return ValidationIssue.Error(OutpatientIssueCodes.ClaimInconsistent, "claim_id", "同一结算的明细人员、机构、险种或诊断不一致", "The lines of one claim differ in person, institution, fund or diagnosis.");
            }
        }

        return null;
    }
}
