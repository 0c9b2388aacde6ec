using System;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.PerDiem;

/// <summary>
/// 床日住院 — one stay to price per diem: the settlement-list case (diagnosis, dates, length of stay, costs), the
/// patient's id (for readmission and the yearly maximum; empty when unknown) and the ward type (病区).
/// </summary>
/// <remarks>An immutable value; thread-safe. Callable from C# 7.3.</remarks>
public readonly struct PerDiemStay
{
    private readonly string? _patientId;
    private readonly string? _ward;

    /// <summary>Creates a stay.</summary>
    /// <param name="inpatientCase">医保结算清单 — the case.</param>
    /// <param name="patientId">参保人编号 — the patient's id, or null when unknown (the stay is then never a readmission).</param>
    /// <param name="ward">病区类型 — the ward type (e.g. <c>psychiatry</c>), or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inpatientCase"/> is null.</exception>
    public PerDiemStay(InpatientCase inpatientCase, string? patientId = null, string? ward = null)
    {
        Case = inpatientCase ?? throw new ArgumentNullException(nameof(inpatientCase));
        _patientId = string.IsNullOrWhiteSpace(patientId) ? null : patientId!.Trim();
        _ward = string.IsNullOrWhiteSpace(ward) ? null : ward!.Trim();
    }

    /// <summary>医保结算清单 — the case.</summary>
    public InpatientCase Case { get; }

    /// <summary>参保人编号 — the patient's id; empty when unknown.</summary>
    public string PatientId => _patientId ?? string.Empty;

    /// <summary>病区类型 — the ward type; empty when unknown.</summary>
    public string Ward => _ward ?? string.Empty;
}

/// <summary>
/// 床日医院 — what per-diem pricing needs of a hospital: id, level (the tier selects the daily standard), type and the
/// hospital coefficient (医院系数) of the point form.
/// </summary>
/// <remarks>An immutable value; thread-safe. The default value is an unknown hospital.</remarks>
public readonly struct PerDiemHospital
{
    /// <summary>Creates a hospital.</summary>
    /// <param name="id">定点医疗机构代码 — the id.</param>
    /// <param name="level">等级 — the level.</param>
    /// <param name="type">类别 — the type.</param>
    /// <param name="coefficient">医院系数 — the coefficient (default 1).</param>
    public PerDiemHospital(string id, HospitalLevel level, HospitalType type, Coefficient? coefficient = null)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Level = level;
        Type = type;
        Coefficient = coefficient ?? Coefficient.One;
    }

    /// <summary>An unknown hospital.</summary>
    public static PerDiemHospital Unknown => default;

    /// <summary>定点医疗机构代码 — the id; null for an unknown hospital.</summary>
    public string? Id { get; }

    /// <summary>Whether the hospital is known.</summary>
    public bool IsKnown => Id is not null;

    /// <summary>等级 — the level.</summary>
    public HospitalLevel Level { get; }

    /// <summary>类别 — the type.</summary>
    public HospitalType Type { get; }

    /// <summary>医院系数 — the coefficient.</summary>
    public Coefficient Coefficient { get; }

    /// <summary>The per-diem view of a hospital.</summary>
    /// <param name="hospital">The hospital.</param>
    /// <param name="coefficient">The coefficient, or null for 1.</param>
    /// <returns>The value.</returns>
    public static PerDiemHospital From(Hospital hospital, Coefficient? coefficient = null) =>
        hospital is null ? throw new ArgumentNullException(nameof(hospital)) : new PerDiemHospital(hospital.Id, hospital.Level, hospital.Type, coefficient);
}

/// <summary>
/// 住院段落 — where a stay stands in its patient's history: the days of the earlier stays it continues (a readmission
/// within the policy's window continues the previous stay's day count) and the days already paid in the year.
/// </summary>
/// <remarks>An immutable value; thread-safe. <see cref="PerDiemBatch"/> computes it for a batch; the default is a first stay.</remarks>
public readonly struct PerDiemEpisode
{
    /// <summary>Creates an episode position.</summary>
    /// <param name="priorEpisodeDays">延续天数 — days of the earlier stays this stay continues (0 for a new stay).</param>
    /// <param name="priorYearPaidDays">年度已付天数 — days of the class already paid for the patient in the year.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a count is negative.</exception>
    public PerDiemEpisode(int priorEpisodeDays, int priorYearPaidDays)
    {
        if (priorEpisodeDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(priorEpisodeDays));
        }

        if (priorYearPaidDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(priorYearPaidDays));
        }

        PriorEpisodeDays = priorEpisodeDays;
        PriorYearPaidDays = priorYearPaidDays;
    }

    /// <summary>A first stay: nothing continued, nothing paid in the year.</summary>
    public static PerDiemEpisode First => default;

    /// <summary>延续天数 — days of the earlier stays this one continues.</summary>
    public int PriorEpisodeDays { get; }

    /// <summary>年度已付天数 — days already paid in the year.</summary>
    public int PriorYearPaidDays { get; }

    /// <summary>Whether the stay continues an earlier one (再入院).</summary>
    public bool IsContinuation => PriorEpisodeDays > 0;
}
