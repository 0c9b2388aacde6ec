namespace MedInsurance.Payment.QualityControl;

/// <summary>按医疗机构汇总 — one hospital's counts in a <see cref="QcTally"/> (the coding-accuracy proxy's inputs).</summary>
public sealed class QcHospitalTally
{
    internal QcHospitalTally(string hospitalId, long cases, long issues, long accepted, long warned, long rejected)
    {
        HospitalId = hospitalId;
        Cases = cases;
        Issues = issues;
        Accepted = accepted;
        Warned = warned;
        Rejected = rejected;
    }

    /// <summary>医疗机构编码 — the hospital id (empty for rows without a readable case or hospital).</summary>
    public string HospitalId { get; }

    /// <summary>病例数 — cases counted.</summary>
    public long Cases { get; }

    /// <summary>问题数 — issues of every severity.</summary>
    public long Issues { get; }

    /// <summary>通过 — cases with no error and no warning.</summary>
    public long Accepted { get; }

    /// <summary>警告 — cases with warnings only.</summary>
    public long Warned { get; }

    /// <summary>不通过 — cases with at least one error.</summary>
    public long Rejected { get; }
}
