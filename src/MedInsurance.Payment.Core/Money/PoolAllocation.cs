using System;
using System.Collections.Generic;

namespace MedInsurance.Payment;

/// <summary>
/// 总额分配 — distributes a fixed pool of money across shares so that the parts sum to the pool exactly to the fen.
/// </summary>
/// <remarks>
/// Rule (最大余数法, largest remainder / Hamilton): each share first gets its exact proportional amount
/// truncated toward zero to the fen; the fen left over go one each to the shares with the largest
/// truncated remainders; ties go to the lower index, so the result depends only on the order the caller
/// fixes (sort shares by a stable key such as hospital id before calling). Pure and thread-safe.
/// </remarks>
public static class PoolAllocation
{
    /// <summary>Splits <paramref name="pool"/> in proportion to <paramref name="weights"/> by largest remainder.</summary>
    /// <param name="pool">The pool to distribute (may be negative, e.g. a shared overspend).</param>
    /// <param name="weights">Non-negative weights (points, scores, amounts…), at least one positive.</param>
    /// <returns>One amount per weight, in the same order, summing exactly to <paramref name="pool"/>.</returns>
    /// <exception cref="ArgumentException">When a weight is negative or all weights are zero.</exception>
    public static Money[] ByLargestRemainder(Money pool, IReadOnlyList<decimal> weights)
    {
        if (weights is null)
        {
            throw new ArgumentNullException(nameof(weights));
        }

        var count = weights.Count;
        var result = new Money[count];
        if (count == 0)
        {
            if (!pool.IsZero)
            {
                throw new ArgumentException("A non-zero pool needs at least one share.", nameof(weights));
            }

            return result;
        }

        var total = 0m;
        for (var i = 0; i < count; i++)
        {
            if (weights[i] < 0)
            {
                throw new ArgumentException("Weights must not be negative (index " + i + ").", nameof(weights));
            }

            total += weights[i];
        }

        if (total == 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }

        var sign = pool.Fen < 0 ? -1L : 1L;
        var magnitude = checked(Math.Abs(pool.Fen));
        var remainders = new decimal[count];
        long assigned = 0;
        for (var i = 0; i < count; i++)
        {
            var exact = magnitude * (weights[i] / total);
            var floor = decimal.Truncate(exact);
            remainders[i] = exact - floor;
            var fen = decimal.ToInt64(floor);
            result[i] = Money.FromFen(fen);
            assigned = checked(assigned + fen);
        }

        var left = magnitude - assigned;
        if (left > 0)
        {
            var order = new int[count];
            for (var i = 0; i < count; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) =>
            {
                var byRemainder = remainders[b].CompareTo(remainders[a]);
                return byRemainder != 0 ? byRemainder : a.CompareTo(b);
            });

            for (var k = 0; k < left; k++)
            {
                var index = order[k % count];
                result[index] = Money.FromFen(result[index].Fen + 1);
            }
        }

        if (sign < 0)
        {
            for (var i = 0; i < count; i++)
            {
                result[i] = -result[i];
            }
        }

        return result;
    }
}
