namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// A decimal ready for <see cref="ExactDecimalSum"/>: the value, and — when it has at most
/// <see cref="ExactDecimalSum.UnitScale"/> decimals and fits — the same value as a whole number of 10⁻⁹ with its scale.
/// Made once per distinct value (a results file's rows share their <see cref="CaseResult"/>), added once per case.
/// </summary>
internal readonly struct DecimalTerm
{
    private DecimalTerm(decimal value, long units, byte scale, bool fits)
    {
        Value = value;
        Units = units;
        Scale = scale;
        Fits = fits;
    }

    /// <summary>The value.</summary>
    public decimal Value { get; }

    /// <summary>The value in 10⁻⁹ (when <see cref="Fits"/>).</summary>
    public long Units { get; }

    /// <summary>The value's scale: how many decimals it is written with (<c>1.40</c>: 2).</summary>
    public byte Scale { get; }

    /// <summary>Whether <see cref="Units"/> holds the value exactly.</summary>
    public bool Fits { get; }

    /// <summary>The term of a value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The term.</returns>
    public static DecimalTerm Of(decimal value)
    {
#if NET
        System.Span<int> bits = stackalloc int[4]; // every CaseResult makes two terms: no array for each
        decimal.GetBits(value, bits);
#else
        var bits = decimal.GetBits(value);
#endif
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        var negative = bits[3] < 0;
        var high = bits[2];
        var mantissa = unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);

        // A negative zero is left to decimal's own addition (its sign rule), as is anything with more decimals or too large.
        if (high != 0 || scale > ExactDecimalSum.UnitScale || (negative && mantissa == 0))
        {
            return new DecimalTerm(value, 0, scale, fits: false);
        }

        var factor = ExactDecimalSum.PowerOfTen(ExactDecimalSum.UnitScale - scale);
        if (mantissa > (ulong)long.MaxValue / factor)
        {
            return new DecimalTerm(value, 0, scale, fits: false);
        }

        var units = (long)(mantissa * factor);
        return new DecimalTerm(value, negative ? -units : units, scale, fits: true);
    }
}
