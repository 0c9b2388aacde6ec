using System;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>
/// 细分规则 — what one fourth character (细分位) of a DRG code means in an edition: the lowest CC/MCC level a case needs
/// and, optionally, an age range in whole years. The ADRG's DRGs are tried in the order of
/// <see cref="EditionConventions.Splits"/>; the first whose condition holds is chosen.
/// </summary>
/// <remarks>Immutable and thread-safe. CHS-DRG 1.1 (§3.2): 9 未作区分, 1 伴MCC, 3 伴CC, 5 不伴 — see
/// <see cref="EditionConventions.ChsDrg11"/>.</remarks>
public sealed class DrgSplitRule
{
    /// <summary>Creates a split rule without an age condition.</summary>
    /// <param name="digit">The fourth character, a digit or capital letter.</param>
    /// <param name="minimumLevel">The lowest counted CC/MCC level (最低并发症级别).</param>
    /// <param name="meaning">The meaning as the edition states it, e.g. <c>伴严重并发症或合并症</c>.</param>
    public DrgSplitRule(char digit, ComplicationLevel minimumLevel, string meaning)
        : this(digit, minimumLevel, 0, MaximumAge, meaning)
    {
    }

    /// <summary>Creates a split rule.</summary>
    /// <param name="digit">The fourth character, a digit or capital letter.</param>
    /// <param name="minimumLevel">The lowest counted CC/MCC level (最低并发症级别).</param>
    /// <param name="minimumAgeYears">The lowest age in whole years (年龄下限, inclusive).</param>
    /// <param name="maximumAgeYears">The highest age in whole years (年龄上限, inclusive); <see cref="MaximumAge"/> for none.</param>
    /// <param name="meaning">The meaning as the edition states it.</param>
    public DrgSplitRule(char digit, ComplicationLevel minimumLevel, int minimumAgeYears, int maximumAgeYears, string meaning)
    {
        if (!(digit is >= '0' and <= '9' || digit is >= 'A' and <= 'Z'))
        {
            throw new ArgumentException("A split digit is 0–9 or A–Z.", nameof(digit));
        }

        if (minimumLevel is < ComplicationLevel.None or > ComplicationLevel.Mcc)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumLevel));
        }

        if (minimumAgeYears < 0 || maximumAgeYears < minimumAgeYears || maximumAgeYears > MaximumAge)
        {
            throw new ArgumentException("The age range of a split is 0 ≤ minimum ≤ maximum ≤ " + MaximumAge + ".", nameof(maximumAgeYears));
        }

        Digit = digit;
        MinimumLevel = minimumLevel;
        MinimumAgeYears = minimumAgeYears;
        MaximumAgeYears = maximumAgeYears;
        Meaning = meaning ?? throw new ArgumentNullException(nameof(meaning));
    }

    /// <summary>年龄上限缺省 — the largest age a split may name (no upper bound).</summary>
    public const int MaximumAge = 200;

    /// <summary>细分位 — the fourth character of the DRG code.</summary>
    public char Digit { get; }

    /// <summary>最低并发症级别 — the lowest counted CC/MCC level.</summary>
    public ComplicationLevel MinimumLevel { get; }

    /// <summary>年龄下限 — the lowest age in whole years, inclusive.</summary>
    public int MinimumAgeYears { get; }

    /// <summary>年龄上限 — the highest age in whole years, inclusive (<see cref="MaximumAge"/>: none).</summary>
    public int MaximumAgeYears { get; }

    /// <summary>含义 — the meaning as the edition states it.</summary>
    public string Meaning { get; }

    /// <summary>Whether the split has an age condition.</summary>
    public bool HasAgeCondition => MinimumAgeYears > 0 || MaximumAgeYears < MaximumAge;

    /// <summary>Whether two split rules are equal.</summary>
    /// <param name="other">The other rule.</param>
    /// <returns>Whether digit, level, ages and meaning are equal.</returns>
    public bool ContentEquals(DrgSplitRule other) =>
        other is not null && Digit == other.Digit && MinimumLevel == other.MinimumLevel && MinimumAgeYears == other.MinimumAgeYears
        && MaximumAgeYears == other.MaximumAgeYears && string.Equals(Meaning, other.Meaning, StringComparison.Ordinal);
}
