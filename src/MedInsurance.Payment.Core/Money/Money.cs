using System;
using System.Collections.Generic;
using System.Globalization;

namespace MedInsurance.Payment;

/// <summary>
/// 金额 — an exact amount of Chinese yuan (人民币元), held as a whole number of fen (分) in a <see cref="long"/>.
/// </summary>
/// <remarks>
/// <para>
/// Why fen in a <c>long</c>: the representation benchmark (<c>benchmarks/MedInsurance.Payment.Benchmarks</c>,
/// <c>MoneyRepresentationBenchmarks</c>) shows summing and comparing fen is several times faster than
/// <see cref="decimal"/> and half the size, and every payable amount in the source policies is stated to the fen.
/// Products with rates, scores and point values are computed exactly in <see cref="decimal"/> as an
/// <see cref="UnroundedMoney"/> and come back to <see cref="Money"/> only through an explicit <see cref="RoundingRule"/>.
/// </para>
/// <para>All arithmetic is checked: an overflow throws <see cref="OverflowException"/> rather than wrapping.
/// This type is an immutable value and is thread-safe.</para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IComparable
{
    private const decimal FenPerYuan = 100m;

    private Money(long fen) => Fen = fen;

    /// <summary>零元 — zero.</summary>
    public static Money Zero => default;

    /// <summary>分 — the amount in fen (1 yuan = 100 fen).</summary>
    public long Fen { get; }

    /// <summary>元 — the amount in yuan, exact (two decimals).</summary>
    public decimal Yuan => Fen / FenPerYuan;

    /// <summary>Whether the amount is negative (e.g. a deduction or a refund due).</summary>
    public bool IsNegative => Fen < 0;

    /// <summary>Whether the amount is zero.</summary>
    public bool IsZero => Fen == 0;

    /// <summary>Creates an amount from fen.</summary>
    /// <param name="fen">The amount in fen.</param>
    /// <returns>The amount.</returns>
    public static Money FromFen(long fen) => new(fen);

    /// <summary>Creates an amount from yuan that must already be exact to the fen (at most two decimals).</summary>
    /// <param name="yuan">The amount in yuan, e.g. <c>12.34m</c>.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentException">When <paramref name="yuan"/> has a fraction of a fen: round it first with
    /// <see cref="FromYuan(decimal, RoundingRule)"/>.</exception>
    /// <exception cref="OverflowException">When the amount does not fit.</exception>
    public static Money FromYuan(decimal yuan)
    {
        var fen = yuan * FenPerYuan;
        if (fen != decimal.Truncate(fen))
        {
            throw new ArgumentException(
                "The amount " + yuan.ToString(CultureInfo.InvariantCulture) + " has a fraction of a fen; round it with an explicit RoundingRule.",
                nameof(yuan));
        }

        return new Money(decimal.ToInt64(fen));
    }

    /// <summary>Creates an amount from yuan, rounding to the fen by <paramref name="rule"/>.</summary>
    /// <param name="yuan">The exact amount in yuan.</param>
    /// <param name="rule">The rounding rule; its <see cref="RoundingRule.Decimals"/> must be 2 or fewer.</param>
    /// <returns>The rounded amount.</returns>
    public static Money FromYuan(decimal yuan, RoundingRule rule) => new UnroundedMoney(yuan).Round(rule);

    /// <summary>Parses an amount in yuan written with invariant culture (e.g. <c>1234.5</c>, <c>-0.01</c>).</summary>
    /// <param name="text">The text; leading and trailing white space and thousands separators are accepted.</param>
    /// <param name="value">The amount, when the result is <see langword="true"/>.</param>
    /// <returns>Whether the text is an amount exact to the fen.</returns>
    public static bool TryParseYuan(string? text, out Money value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        if (!decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan))
        {
            return false;
        }

        var fen = yuan * FenPerYuan;
        if (fen != decimal.Truncate(fen) || fen > long.MaxValue || fen < long.MinValue)
        {
            return false;
        }

        value = new Money(decimal.ToInt64(fen));
        return true;
    }

    /// <summary>Multiplies by an exact factor (a rate, ratio, coefficient…) without rounding.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The exact product; call <see cref="UnroundedMoney.Round(RoundingRule)"/> at a named step.</returns>
    public UnroundedMoney Multiply(decimal factor) => UnroundedMoney.FromFen(Fen * factor);

    /// <summary>Divides by an exact divisor without rounding.</summary>
    /// <param name="divisor">The divisor, not zero.</param>
    /// <returns>The exact quotient (to decimal precision).</returns>
    /// <exception cref="DivideByZeroException">When <paramref name="divisor"/> is zero.</exception>
    public UnroundedMoney Divide(decimal divisor) => UnroundedMoney.FromFen(Fen / divisor);

    /// <summary>The exact ratio of this amount to <paramref name="other"/> (e.g. cost ÷ group mean).</summary>
    /// <param name="other">The divisor amount, not zero.</param>
    /// <returns>The ratio.</returns>
    /// <exception cref="DivideByZeroException">When <paramref name="other"/> is zero.</exception>
    public decimal RatioTo(Money other) => other.Fen == 0
        ? throw new DivideByZeroException("Cannot take a ratio to a zero amount.")
        : (decimal)Fen / other.Fen;

    /// <summary>This amount as an exact, not yet rounded value.</summary>
    /// <returns>The same amount.</returns>
    public UnroundedMoney ToUnrounded() => UnroundedMoney.FromFen(Fen);

    /// <summary>The absolute amount.</summary>
    /// <returns>|this|.</returns>
    public Money Abs() => new(checked(Math.Abs(Fen)));

    /// <summary>The smaller of two amounts.</summary>
    /// <param name="left">An amount.</param>
    /// <param name="right">Another amount.</param>
    /// <returns>The smaller.</returns>
    public static Money Min(Money left, Money right) => left.Fen <= right.Fen ? left : right;

    /// <summary>The larger of two amounts.</summary>
    /// <param name="left">An amount.</param>
    /// <param name="right">Another amount.</param>
    /// <returns>The larger.</returns>
    public static Money Max(Money left, Money right) => left.Fen >= right.Fen ? left : right;

    /// <summary>Sums amounts with overflow checking.</summary>
    /// <param name="amounts">The amounts.</param>
    /// <returns>The total.</returns>
    public static Money Sum(IEnumerable<Money> amounts)
    {
        if (amounts is null)
        {
            throw new ArgumentNullException(nameof(amounts));
        }

        long total = 0;
        foreach (var amount in amounts)
        {
            total = checked(total + amount.Fen);
        }

        return new Money(total);
    }

    /// <summary>Adds two amounts (checked).</summary>
    public static Money operator +(Money left, Money right) => new(checked(left.Fen + right.Fen));

    /// <summary>Subtracts two amounts (checked).</summary>
    public static Money operator -(Money left, Money right) => new(checked(left.Fen - right.Fen));

    /// <summary>Negates an amount (checked).</summary>
    public static Money operator -(Money value) => new(checked(-value.Fen));

    /// <summary>Multiplies by a whole count (checked), e.g. a per-head standard × persons.</summary>
    public static Money operator *(Money value, long count) => new(checked(value.Fen * count));

    /// <summary>Adds two amounts (checked).</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>The sum.</returns>
    public Money Add(Money other) => this + other;

    /// <summary>Subtracts an amount (checked).</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>The difference.</returns>
    public Money Subtract(Money other) => this - other;

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    public static bool operator <(Money left, Money right) => left.Fen < right.Fen;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    public static bool operator >(Money left, Money right) => left.Fen > right.Fen;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    public static bool operator <=(Money left, Money right) => left.Fen <= right.Fen;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    public static bool operator >=(Money left, Money right) => left.Fen >= right.Fen;

    /// <summary>Equality.</summary>
    public static bool operator ==(Money left, Money right) => left.Fen == right.Fen;

    /// <summary>Inequality.</summary>
    public static bool operator !=(Money left, Money right) => left.Fen != right.Fen;

    /// <inheritdoc />
    public bool Equals(Money other) => Fen == other.Fen;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Fen.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException("Object must be Money.", nameof(obj)),
    };

    /// <summary>The amount in yuan with two decimals, invariant culture (e.g. <c>7150000.00</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        // Yuan with exactly two decimals ("-12.05", "0.00"), as Yuan.ToString("0.00", CultureInfo.InvariantCulture) writes
        // it, from the fen's digits (no decimal formatting: amounts are written millions of times per file).
        var negative = Fen < 0;
        var magnitude = negative ? unchecked((ulong)(-(Fen + 1)) + 1UL) : (ulong)Fen;
#if NET
        Span<char> chars = stackalloc char[24]; // no array per call: only the string is allocated
#else
        var chars = new char[24];
#endif
        var at = chars.Length;
        var cents = (int)(magnitude % 100UL);
        chars[--at] = (char)('0' + (cents % 10));
        chars[--at] = (char)('0' + (cents / 10));
        chars[--at] = '.';
        var yuan = magnitude / 100UL;
        do
        {
            chars[--at] = (char)('0' + (int)(yuan % 10UL));
            yuan /= 10UL;
        }
        while (yuan != 0);

        if (negative)
        {
            chars[--at] = '-';
        }

#if NET
        return chars.Slice(at).ToString();
#else
        return new string(chars, at, chars.Length - at);
#endif
    }
}
