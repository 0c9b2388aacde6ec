using System;
using System.Collections.Generic;
using System.Globalization;

namespace MedInsurance.Payment.Statistics;

/// <summary>
/// 分位数裁剪 — percentile trimming: the values below the lower or above the upper percentile of a sample are left out
/// of a mean (payment-rules.md §2, §3: 2.5–97.5 [?]; DIP 3.0 draft ch. 5 §4 分位数法, "设置97.5%和2.5%为裁剪上下限").
/// </summary>
/// <remarks>
/// <para><b>Definition.</b> For n values sorted ascending x₍₁₎ ≤ … ≤ x₍ₙ₎ and percentiles p &lt; q, the kept band is
/// [x₍⌊n·p/100⌋+1₎, x₍⌈n·q/100⌉₎]: the ⌊n·p/100⌋ lowest and the n − ⌈n·q/100⌉ (= ⌊n·(100 − q)/100⌋) highest ranks are
/// trimmed, never a fraction of a value, and a band symmetric about the median (2.5–97.5) trims the same number at each
/// end. Trimming is by value: every value inside the band, ends included, is kept, so equal values are kept or trimmed
/// together and the result does not depend on the order of the input.</para>
/// <para>Example (docs/decisions.md): the 40 costs 100, 200, …, 4 000 at 2.5–97.5 lose 100 (⌊40 × 0.025⌋ = 1) and
/// 4 000 (40 − ⌈40 × 0.975⌉ = 1); the 38 kept costs 200 … 3 900 have mean 2 050. Nearest-rank bounds
/// (P = x₍⌈n·p/100⌉₎, kept inclusive) would keep 100 and give 2 000.</para>
/// <para>The default value of the struct is <see cref="None"/>. An immutable value; thread-safe; exact decimal
/// arithmetic. Callable from C# 7.3.</para>
/// </remarks>
public readonly struct PercentileTrimming : IEquatable<PercentileTrimming>
{
    private readonly decimal _lower;

    // Stored as 100 − upper so that default(PercentileTrimming) is None (0–100).
    private readonly decimal _upperCut;

    /// <summary>Creates a trimming band.</summary>
    /// <param name="lowerPercentile">下截尾百分位 — the lower percentile, 0 ≤ p &lt; q (e.g. 2.5).</param>
    /// <param name="upperPercentile">上截尾百分位 — the upper percentile, p &lt; q ≤ 100 (e.g. 97.5).</param>
    /// <exception cref="ArgumentOutOfRangeException">The percentiles are outside 0–100 or not increasing.</exception>
    public PercentileTrimming(decimal lowerPercentile, decimal upperPercentile)
    {
        if (lowerPercentile < 0m || lowerPercentile >= 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(lowerPercentile), lowerPercentile, "The lower percentile must be at least 0 and below 100.");
        }

        if (upperPercentile <= lowerPercentile || upperPercentile > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(upperPercentile), upperPercentile, "The upper percentile must be above the lower one and at most 100.");
        }

        _lower = lowerPercentile;
        _upperCut = 100m - upperPercentile;
    }

    /// <summary>不裁剪 — no trimming (0–100); also the default value of the struct.</summary>
    public static PercentileTrimming None => default;

    /// <summary>默认裁剪 — the 2.5–97.5 percentile band of payment-rules.md §2 [?] and the DIP 3.0 draft's example.</summary>
    public static PercentileTrimming Default => new(2.5m, 97.5m);

    /// <summary>下截尾百分位 — the lower percentile (0 for none).</summary>
    public decimal LowerPercentile => _lower;

    /// <summary>上截尾百分位 — the upper percentile (100 for none).</summary>
    public decimal UpperPercentile => 100m - _upperCut;

    /// <summary>是否不裁剪 — whether the band is 0–100, which keeps every value.</summary>
    public bool IsNone => _lower == 0m && _upperCut == 0m;

    /// <summary>
    /// 保留的最低位次 — the 0-based index, in the ascending sample, of the lowest kept rank: ⌊n·p/100⌋.
    /// </summary>
    /// <param name="count">n, the sample size (at least 1).</param>
    /// <returns>The index; the value there is the lower end of the kept band.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public int LowestKeptIndex(int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The sample must have at least one value.");
        }

        return (int)decimal.Floor(count * _lower / 100m);
    }

    /// <summary>
    /// 保留的最高位次 — the 0-based index, in the ascending sample, of the highest kept rank: ⌈n·q/100⌉ − 1.
    /// Never below <see cref="LowestKeptIndex"/>, so at least one value is kept.
    /// </summary>
    /// <param name="count">n, the sample size (at least 1).</param>
    /// <returns>The index; the value there is the upper end of the kept band.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public int HighestKeptIndex(int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The sample must have at least one value.");
        }

        return (int)decimal.Ceiling(count * UpperPercentile / 100m) - 1;
    }

    /// <summary>
    /// 裁剪 — the items whose value lies inside the kept band of the sample of all their values, in input order.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The sample (one value per item).</param>
    /// <param name="value">The value trimmed on (e.g. the cost, or the cost per point).</param>
    /// <returns>The kept items, in input order; empty for an empty sample.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IReadOnlyList<T> Keep<T>(IEnumerable<T> items, Func<T, decimal> value)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var list = new List<T>(items);
        if (list.Count == 0 || IsNone)
        {
            return list;
        }

        var values = new decimal[list.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(list[i]);
        }

        var sorted = (decimal[])values.Clone();
        Array.Sort(sorted);
        var low = sorted[LowestKeptIndex(sorted.Length)];
        var high = sorted[HighestKeptIndex(sorted.Length)];
        var kept = new List<T>(list.Count);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] >= low && values[i] <= high)
            {
                kept.Add(list[i]);
            }
        }

        return kept;
    }

    /// <inheritdoc />
    public bool Equals(PercentileTrimming other) => _lower == other._lower && _upperCut == other._upperCut;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PercentileTrimming other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _lower.GetHashCode() ^ (_upperCut.GetHashCode() * 31);

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(PercentileTrimming left, PercentileTrimming right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(PercentileTrimming left, PercentileTrimming right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => IsNone
        ? "no trimming"
        : "percentiles " + LowerPercentile.ToString(CultureInfo.InvariantCulture) + "–" + UpperPercentile.ToString(CultureInfo.InvariantCulture);
}
