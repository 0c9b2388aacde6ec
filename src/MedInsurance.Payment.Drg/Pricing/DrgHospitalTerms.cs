using System;

namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>医院定价条件 — what DRG pricing needs of a hospital: its level (医院等级) and its own coefficient (医院系数), if any.</summary>
/// <remarks>Immutable. Callable from C# 7.3.</remarks>
public sealed class DrgHospitalTerms
{
    /// <summary>Creates the terms.</summary>
    /// <param name="hospitalId">医疗机构代码.</param>
    /// <param name="level">医院等级 1–3, or 0 when the hospital is not rated (pricing then reports it).</param>
    /// <param name="coefficient">医院系数 — the hospital's own coefficient, or null to use the table's or the level's.</param>
    /// <exception cref="ArgumentException">When the id is blank or the level is not 0–3.</exception>
    public DrgHospitalTerms(string hospitalId, int level, Coefficient? coefficient = null)
    {
        if (string.IsNullOrWhiteSpace(hospitalId))
        {
            throw new ArgumentException("A hospital id is required.", nameof(hospitalId));
        }

        if (level is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A hospital level is 1, 2 or 3 (0 = not rated).");
        }

        HospitalId = hospitalId;
        Level = level;
        Coefficient = coefficient;
    }

    /// <summary>
    /// 机构行无效 — the terms of a hospital whose row in the hospital list failed validation (a level or type that does not
    /// parse, a duplicated id): pricing rejects its cases with <see cref="DrgPricingIssueCodes.HospitalInvalid"/> instead of
    /// pricing them at a default level or coefficient.
    /// </summary>
    /// <param name="hospitalId">医疗机构代码.</param>
    /// <returns>The terms, with <see cref="IsInvalid"/> set.</returns>
    /// <exception cref="ArgumentException">When the id is blank.</exception>
    public static DrgHospitalTerms Invalid(string hospitalId) => new(hospitalId, 0, null, true);

    private DrgHospitalTerms(string hospitalId, int level, Coefficient? coefficient, bool invalid)
        : this(hospitalId, level, coefficient)
    {
        IsInvalid = invalid;
    }

    /// <summary>医疗机构代码.</summary>
    public string HospitalId { get; }

    /// <summary>机构行无效 — whether the hospital's row failed validation (<see cref="Invalid(string)"/>).</summary>
    public bool IsInvalid { get; }

    /// <summary>医院等级 1–3; 0 = not rated.</summary>
    public int Level { get; }

    /// <summary>医院系数, or null.</summary>
    public Coefficient? Coefficient { get; }
}
