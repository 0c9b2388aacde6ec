using System;
using System.Collections.Generic;
using System.Globalization;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// 医疗机构计分信息 — what the scorer needs about a case's hospital: its level and, optionally, a coefficient set
/// for this hospital (which then takes precedence over the catalog's level coefficients) and a bonus coefficient added
/// to either (基本系数 + 加成系数). Resolve once per hospital.
/// </summary>
public readonly struct DipHospitalContext : IEquatable<DipHospitalContext>
{
    private const byte Known = 1;
    private const byte Own = 2;
    private const byte LevelTableOnly = 4;
    private const byte InvalidRow = 8;

    // Kept small (48 bytes): a host may hold one context per case. Level, level slot, flags, own coefficient, bonus.
    private readonly byte _flags;

    /// <summary>Creates a context.</summary>
    /// <param name="level">The hospital level.</param>
    /// <param name="coefficient">The hospital's own coefficient, or null to use the catalog's level coefficient.</param>
    public DipHospitalContext(HospitalLevel level, Coefficient? coefficient)
        : this(level, coefficient, 0m)
    {
    }

    /// <summary>
    /// Creates a context with a bonus coefficient (加成系数): the hospital coefficient is then base + bonus
    /// (医疗机构调节系数 = 基本系数 + 加成系数, DIP 3.0 draft ch. 5), the base being the hospital's own coefficient or,
    /// when that is null, the catalog's level coefficient (by group where the catalog has one).
    /// </summary>
    /// <param name="level">The hospital level.</param>
    /// <param name="coefficient">The hospital's own (base) coefficient, or null to use the catalog's level coefficient.</param>
    /// <param name="coefficientBonus">
    /// The bonus added to the base (specialty, CMI, performance…); zero or more. Deductions belong to the quality deposit
    /// and the annual clearing, not to the coefficient.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The own coefficient is not positive, or the bonus is negative.</exception>
    public DipHospitalContext(HospitalLevel level, Coefficient? coefficient, decimal coefficientBonus)
    {
        if (coefficient is { } c && (c.Value <= 0m || !ScoringRange.IsCoefficientInRange(c.Value)))
        {
            throw new ArgumentOutOfRangeException(nameof(coefficient), "The hospital coefficient must be positive and at most " + MaxText + ".");
        }

        if (coefficientBonus < 0m || !ScoringRange.IsCoefficientInRange(coefficientBonus))
        {
            throw new ArgumentOutOfRangeException(nameof(coefficientBonus), "The bonus coefficient must be between 0 and " + MaxText + ".");
        }

        Level = level;
        LevelIndex = Internal.LevelTable.IndexOf(level);
        CoefficientBonus = coefficientBonus;
        OwnCoefficient = coefficient?.Value ?? 0m;
        _flags = (byte)(Known | (coefficient is null ? 0 : Own) | (coefficient is null && coefficientBonus == 0m ? LevelTableOnly : 0));
    }

    /// <summary>
    /// 由机构表列创建 — a context from the hospitals file's optional columns <c>coefficient</c> (the hospital's own
    /// coefficient, a positive number) and <c>coefficient_bonus</c> (加成系数, zero or more). Empty text means absent.
    /// </summary>
    /// <param name="level">The hospital level.</param>
    /// <param name="coefficientText">The <c>coefficient</c> column, or null.</param>
    /// <param name="bonusText">The <c>coefficient_bonus</c> column, or null.</param>
    /// <param name="context">The context, when valid.</param>
    /// <param name="issues">The coded issues naming the column (<see cref="DipIssueCodes.HospitalCoefficientInvalid"/>), when not.</param>
    /// <returns>Whether the columns are valid.</returns>
    public static bool TryFromColumns(HospitalLevel level, string? coefficientText, string? bonusText, out DipHospitalContext context, out IReadOnlyList<ValidationIssue> issues)
    {
        var found = new List<ValidationIssue>();
        Coefficient? own = null;
        if (!string.IsNullOrEmpty(coefficientText))
        {
            if (decimal.TryParse(coefficientText, PlainNumber, CultureInfo.InvariantCulture, out var c) && c > 0m && ScoringRange.IsCoefficientInRange(c))
            {
                own = new Coefficient(c);
            }
            else
            {
                found.Add(ValidationIssue.Error(DipIssueCodes.HospitalCoefficientInvalid, "coefficient", "医院系数“" + coefficientText + "”不是不超过" + MaxText + "的正数", "The coefficient '" + coefficientText + "' is not a positive number of at most " + MaxText + "."));
            }
        }

        var bonus = 0m;
        if (!string.IsNullOrEmpty(bonusText)
            && !(decimal.TryParse(bonusText, PlainNumber, CultureInfo.InvariantCulture, out bonus) && bonus >= 0m && ScoringRange.IsCoefficientInRange(bonus)))
        {
            bonus = 0m;
            found.Add(ValidationIssue.Error(DipIssueCodes.HospitalCoefficientInvalid, "coefficient_bonus", "加成系数“" + bonusText + "”不在0至" + MaxText + "之间", "The bonus coefficient '" + bonusText + "' is not a number between 0 and " + MaxText + "."));
        }

        issues = found;
        context = found.Count == 0 ? new DipHospitalContext(level, own, bonus) : default;
        return found.Count == 0;
    }

    /// <summary>A sign, digits and one point: no thousands separators, so <c>0,9</c> is refused rather than read as 9.</summary>
    private const NumberStyles PlainNumber = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private static string MaxText => ScoringRange.MaxCoefficient.ToString(CultureInfo.InvariantCulture);

    private DipHospitalContext(byte flags)
    {
        Level = default;
        LevelIndex = Internal.LevelTable.IndexOf(default);
        CoefficientBonus = 0m;
        OwnCoefficient = 0m;
        _flags = flags;
    }

    /// <summary>未知机构 — an unknown hospital: coefficient 1 and a <see cref="DipCaseFlags.HospitalUnknown"/> flag.</summary>
    public static DipHospitalContext Unknown => default;

    /// <summary>
    /// 机构行无效 — a hospital whose row in the hospitals file failed validation (a level or type that does not parse, a bad
    /// coefficient, a duplicated id): its cases are rejected with <see cref="DipIssueCodes.HospitalInvalid"/>, never scored at
    /// a default coefficient.
    /// </summary>
    public static DipHospitalContext Invalid => new(InvalidRow);

    /// <summary>机构行无效 — whether this is <see cref="Invalid"/>: the hospital's row failed validation.</summary>
    public bool IsInvalid => (_flags & InvalidRow) != 0;

    /// <summary>医院等级 — the level.</summary>
    public HospitalLevel Level { get; }

    /// <summary>等级代码 — the level code used to look up level coefficients.</summary>
    public string LevelCode => IsKnown ? Level.Code : string.Empty;

    internal int LevelIndex { get; }

    /// <summary>Whether the hospital has its own (base) coefficient.</summary>
    internal bool HasOwnCoefficient => (_flags & Own) != 0;

    /// <summary>The hospital's own coefficient as a decimal, 0 when not set.</summary>
    internal decimal OwnCoefficient { get; }

    /// <summary>Whether the coefficient is the catalog's level coefficient alone (no own coefficient, no bonus).</summary>
    internal bool UsesLevelTableOnly => (_flags & LevelTableOnly) != 0;

    /// <summary>医院系数 — the hospital's own (base) coefficient, if set.</summary>
    public Coefficient? Coefficient => HasOwnCoefficient ? new Coefficient(OwnCoefficient) : null;

    /// <summary>加成系数 — the bonus added to the base coefficient; 0 when none.</summary>
    public decimal CoefficientBonus { get; }

    /// <summary>是否已知 — whether the hospital was found.</summary>
    public bool IsKnown => (_flags & Known) != 0;

    /// <summary>Equality.</summary>
    /// <param name="other">The other value.</param>
    /// <returns>Whether equal.</returns>
    public bool Equals(DipHospitalContext other) =>
        Level == other.Level && Nullable.Equals(Coefficient, other.Coefficient) && CoefficientBonus == other.CoefficientBonus && IsKnown == other.IsKnown && IsInvalid == other.IsInvalid;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DipHospitalContext other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Level.GetHashCode() ^ Coefficient.GetHashCode() ^ CoefficientBonus.GetHashCode();

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
