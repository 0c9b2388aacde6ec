using System;
using System.Collections.Generic;
using System.Globalization;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// 计分取值范围 — the magnitudes within which the scorer's common path cannot overflow <see cref="decimal"/>: group
/// scores and mean costs up to 10^12, coefficients up to 1 000, point values up to 10^6, deviation thresholds up to 1 000.
/// No real catalog comes near them (scores are hundreds to tens of thousands, coefficients about 1); a value beyond them
/// is a data error, refused when the scorer or the hospital context is built, so scoring a case never throws. What a
/// case itself brings (cost, length of stay) is unbounded: the rare paths that multiply by it are guarded and reject
/// the case with <see cref="DipIssueCodes.ScoreOutOfRange"/>.
/// </summary>
internal static class ScoringRange
{
    /// <summary>The largest group score or mean cost in yuan.</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000m;

    /// <summary>The largest coefficient (level, group level, subtype, hospital, bonus).</summary>
    public const decimal MaxCoefficient = 1_000m;

    /// <summary>The largest point value in yuan per point.</summary>
    public const decimal MaxPointValue = 1_000_000m;

    /// <summary>The largest deviation threshold of a profile.</summary>
    public const decimal MaxThreshold = 1_000m;

    /// <summary>Refuses a catalog, profile or point value beyond the range, naming the value.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="pointValue">The point value in yuan (0 when none).</param>
    /// <exception cref="ArgumentException">A value is beyond the range.</exception>
    public static void Check(DipCatalog catalog, DipPolicyProfile profile, decimal pointValue)
    {
        if (pointValue < 0m || pointValue > MaxPointValue)
        {
            throw Beyond("point value", pointValue, MaxPointValue);
        }

        foreach (var (name, value) in new[] { ("lowThreshold", profile.LowThreshold), ("highThreshold", profile.HighThreshold), ("extremeThreshold", profile.ExtremeThreshold ?? 0m), ("unmatchedFactor", profile.UnmatchedFactor) })
        {
            if (value > MaxThreshold)
            {
                throw Beyond("profile '" + profile.Name + "' " + name, value, MaxThreshold);
            }
        }

        if (catalog.ScoreScale <= 0m || catalog.ScoreScale > MaxMagnitude || catalog.RegionalMeanCost.Yuan > MaxMagnitude)
        {
            throw new ArgumentException("Catalog: score scale must be positive and it and the regional mean cost at most " + Text(MaxMagnitude) + ".", nameof(catalog));
        }

        CheckCoefficients("catalog level coefficient", catalog.LevelCoefficients);
        foreach (var group in catalog.Groups)
        {
            if (group.Score.Value < 0m || group.Score.Value > MaxMagnitude || group.MeanCost.Yuan < 0m || group.MeanCost.Yuan > MaxMagnitude)
            {
                throw new ArgumentException("Group '" + group.Code + "': score and mean cost must be between 0 and " + Text(MaxMagnitude) + ".", nameof(catalog));
            }

            CheckCoefficients("group '" + group.Code + "' level coefficient", group.LevelCoefficients);
            foreach (var pair in group.LevelMeanCosts)
            {
                if (pair.Value.Yuan > MaxMagnitude)
                {
                    throw Beyond("group '" + group.Code + "' mean cost at level " + pair.Key, pair.Value.Yuan, MaxMagnitude);
                }
            }

            foreach (var item in group.AuxiliaryCoefficients)
            {
                CheckCoefficient("group '" + group.Code + "' subtype " + item.Type + " coefficient", item.Coefficient.Value);
            }
        }
    }

    /// <summary>Whether a hospital coefficient or bonus is within the range.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it is at most <see cref="MaxCoefficient"/>.</returns>
    public static bool IsCoefficientInRange(decimal value) => value <= MaxCoefficient;

    private static void CheckCoefficients(string what, IReadOnlyDictionary<string, Coefficient> table)
    {
        foreach (var pair in table)
        {
            CheckCoefficient(what + " " + pair.Key, pair.Value.Value);
        }
    }

    private static void CheckCoefficient(string what, decimal value)
    {
        if (value <= 0m || value > MaxCoefficient)
        {
            throw new ArgumentException(what + " is " + Text(value) + "; coefficients must be positive and at most " + Text(MaxCoefficient) + ".");
        }
    }

    private static ArgumentException Beyond(string what, decimal value, decimal max) =>
        new(what + " is " + Text(value) + "; it must be between 0 and " + Text(max) + ".");

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
