using System;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 金额与点数互换 — the one place money is converted into points of the whole-region point method and back
/// (payment-rules.md §4: "points = amount ÷ a conversion value per point").
/// </summary>
/// <remarks>Pure functions. The round trip is exact to the fen when half a unit of the last point decimal is worth less
/// than half a fen: conversion value × 10^−decimals &lt; 0.01 yuan (<see cref="IsExactToTheFen"/>); the policy refuses
/// conversions that break it.</remarks>
public static class PointConversionFormulas
{
    /// <summary>点数 = 金额 ÷ 折算点值, rounded by the units rule (the policy's point decimals).</summary>
    /// <param name="amount">The amount converted.</param>
    /// <param name="conversionValue">Yuan per point, above 0.</param>
    /// <param name="unitsRule">The rounding rule of points (<see cref="RoundingStep.Units"/>).</param>
    /// <returns>The points.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the conversion value is not above 0.</exception>
    public static decimal ToPoints(Money amount, PointValue conversionValue, RoundingRule unitsRule)
    {
        if (conversionValue.Yuan <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(conversionValue), conversionValue.Yuan, "The conversion value must be above 0.");
        }

        return unitsRule.Round(amount.Yuan / conversionValue.Yuan);
    }

    /// <summary>金额 = 点数 × 折算点值, rounded to the fen by <paramref name="moneyRule"/>.</summary>
    /// <param name="points">The points.</param>
    /// <param name="conversionValue">Yuan per point.</param>
    /// <param name="moneyRule">The money rounding rule.</param>
    /// <returns>The amount.</returns>
    public static Money ToAmount(decimal points, PointValue conversionValue, RoundingRule moneyRule) =>
        new UnroundedMoney(points * conversionValue.Yuan).Round(moneyRule);

    /// <summary>Whether converting any fen amount to points kept at <paramref name="decimals"/> and back returns it exactly.</summary>
    /// <param name="conversionValue">Yuan per point.</param>
    /// <param name="decimals">The point decimals.</param>
    /// <returns>True when conversion value × 10^−decimals &lt; 0.01 yuan.</returns>
    public static bool IsExactToTheFen(PointValue conversionValue, int decimals)
    {
        var unit = 1m;
        for (var i = 0; i < decimals; i++)
        {
            unit /= 10m;
        }

        return conversionValue.Yuan * unit < 0.01m;
    }
}
