using System;
using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// 医疗机构计分信息 — what the scorer needs about a case's hospital: its level and, optionally, a coefficient set
/// for this hospital (which then takes precedence over the catalog's level coefficients). Resolve once per hospital.
/// </summary>
public readonly struct DipHospitalContext : IEquatable<DipHospitalContext>
{
    private readonly string? _levelCode;

    /// <summary>Creates a context.</summary>
    /// <param name="level">The hospital level.</param>
    /// <param name="coefficient">The hospital's own coefficient, or null to use the catalog's level coefficient.</param>
    public DipHospitalContext(HospitalLevel level, Coefficient? coefficient)
    {
        Level = level;
        _levelCode = level.Code;
        LevelIndex = Internal.LevelTable.IndexOf(level);
        Coefficient = coefficient;
        OwnCoefficient = coefficient?.Value ?? 0m;
        HasOwnCoefficient = OwnCoefficient != 0m;
        IsKnown = true;
    }

    /// <summary>未知机构 — an unknown hospital: coefficient 1 and a <see cref="DipCaseFlags.HospitalUnknown"/> flag.</summary>
    public static DipHospitalContext Unknown => default;

    /// <summary>医院等级 — the level.</summary>
    public HospitalLevel Level { get; }

    /// <summary>等级代码 — the level code used to look up level coefficients.</summary>
    public string LevelCode => _levelCode ?? string.Empty;

    internal int LevelIndex { get; }

    /// <summary>The hospital's own coefficient as a decimal, 0 when not set.</summary>
    internal bool HasOwnCoefficient { get; }

    internal decimal OwnCoefficient { get; }

    /// <summary>医院系数 — the hospital's own coefficient, if set.</summary>
    public Coefficient? Coefficient { get; }

    /// <summary>是否已知 — whether the hospital was found.</summary>
    public bool IsKnown { get; }

    /// <summary>Equality.</summary>
    /// <param name="other">The other value.</param>
    /// <returns>Whether equal.</returns>
    public bool Equals(DipHospitalContext other) => Level == other.Level && Nullable.Equals(Coefficient, other.Coefficient) && IsKnown == other.IsKnown;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DipHospitalContext other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Level.GetHashCode() ^ Coefficient.GetHashCode();

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(DipHospitalContext left, DipHospitalContext right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(DipHospitalContext left, DipHospitalContext right) => !left.Equals(right);
}
