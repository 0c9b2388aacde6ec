using System;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// A running sum of decimals whose <see cref="Value"/> is exactly what adding them one by one with decimal's <c>+</c>
/// gives, value and scale: kept as a whole number of 10⁻⁹ while every term fits one (<see cref="DecimalTerm"/>), with the
/// largest scale added. decimal's <c>+</c> is exact while the sum has at most 28 digits, and then its result's scale is
/// the larger of the two — so a long of at most 19 digits and the largest scale give the same decimal. A term that does
/// not fit, a sum that would leave the long, or a sum that a non-zero term brings to zero (decimal's zero keeps an
/// operand's sign) turns the sum into a decimal (the exact sum so far) and every later term
/// is added as decimal's <c>+</c> adds it. A decimal <c>+</c> a row was ≈ 2.5 % of a 10 M-case monitor's CPU (a call and
/// a stalled 16-byte reload of its result); the long's add is one instruction.
/// </summary>
internal struct ExactDecimalSum
{
    /// <summary>The most decimals a term may have to be kept as a long (results files write weights and points with 4 or fewer).</summary>
    public const int UnitScale = 9;

    private long _units;
    private byte _scale;
    private bool _inDecimal;
    private decimal _sum;

    /// <summary>The sum, as decimal's <c>+</c> gives it.</summary>
    public readonly decimal Value => _inDecimal ? _sum : ToDecimal(_units, _scale);

    /// <summary>Adds a term.</summary>
    /// <param name="term">The term.</param>
    public void Add(in DecimalTerm term)
    {
        if (!_inDecimal && term.Fits)
        {
            // A sum that a non-zero term brings to zero goes to decimal too: decimal's + gives that zero the sign of one of
            // its operands (−1.4 + 1.4 is −0.0), which a long does not keep.
            var units = unchecked(_units + term.Units);
            if (((_units ^ units) & (term.Units ^ units)) >= 0 && (units != 0 || term.Units == 0))
            {
                _units = units;
                _scale = Math.Max(_scale, term.Scale);
                return;
            }
        }

        if (!_inDecimal)
        {
            _sum = ToDecimal(_units, _scale);
            _inDecimal = true;
        }

        _sum += term.Value;
    }

    /// <summary>10 to the power <paramref name="exponent"/> (0 to 18).</summary>
    /// <param name="exponent">The exponent.</param>
    /// <returns>The power.</returns>
    internal static ulong PowerOfTen(int exponent)
    {
        ulong power = 1;
        for (var i = 0; i < exponent; i++)
        {
            power *= 10;
        }

        return power;
    }

    /// <summary>The decimal of <paramref name="units"/> 10⁻⁹ written with <paramref name="scale"/> decimals: every term was
    /// a whole number of 10^−scale, so the division is exact.</summary>
    private static decimal ToDecimal(long units, byte scale)
    {
        var negative = units < 0;
        var magnitude = negative ? (ulong)-(units + 1) + 1 : (ulong)units;
        magnitude /= PowerOfTen(UnitScale - scale);
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, negative && magnitude != 0, scale);
    }
}
