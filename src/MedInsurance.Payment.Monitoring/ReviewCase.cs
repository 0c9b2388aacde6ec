namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 复核病例 — a case an indicator points at, for a reviewer to look at: never a finding. <see cref="Row"/> is the case's
/// data row in the case file (1 = the first row after the header); readmission pairs name both rows. Immutable.
/// </summary>
public sealed class ReviewCase
{
    internal ReviewCase(string reason, string hospitalId, long row, string caseId, long? relatedRow, string detail)
    {
        Reason = reason;
        HospitalId = hospitalId;
        Row = row;
        CaseId = caseId;
        RelatedRow = relatedRow;
        Detail = detail;
    }

    /// <summary>原因 — <c>split_admission</c>, <c>readmission_14d</c>, <c>low_standard_admission</c>, <c>overlong_stay</c>, <c>severity_mix</c>.</summary>
    public string Reason { get; }

    /// <summary>医疗机构 — the hospital id.</summary>
    public string HospitalId { get; }

    /// <summary>行号 — the case's data row in the case file.</summary>
    public long Row { get; }

    /// <summary>病例号 — the case id when the indicator kept it (empty for readmission pairs, found by row).</summary>
    public string CaseId { get; }

    /// <summary>关联行号 — the earlier stay's row for readmission pairs, else null.</summary>
    public long? RelatedRow { get; }

    /// <summary>说明 — what the indicator saw (group, days, ratio); no patient values.</summary>
    public string Detail { get; }
}
