using System;
using System.Numerics;
#if !NET
using System.Runtime.InteropServices;
#endif

namespace MedInsurance.Payment.Dip.Internal;

/// <summary>
/// 费用偏差病例分值的精确计算 — the score of a cost-deviation case, F × (ratio + G) with ratio = cost ÷ basis, rounded
/// once to the profile's decimals (四舍五入, half away from zero) from its <em>exact</em> rational value.
/// <para>
/// Every deviation formula of payment-rules.md §3 has this form: low s·a·h′·r (G = 0), high s·a·h′·(r − H + 1)
/// (G = 1 − H), Jining s·a·(r − H + h) (G = h − H). Dividing in <see cref="decimal"/> first would round the ratio to 28
/// significant digits and could, near a rounding midpoint, round the score the other way from the exact value; here
/// nothing is rounded before the named step. With F = f·10^−fs, G = g·10^−gs, basis = b·10^−bs and cost = c fen:
/// </para>
/// <code>score·10^d = f·Y·10^d ÷ (b·10^(fs+2+gs)),  Y = c·10^(gs+bs) + g·b·100</code>
/// <para>
/// The fast path does this in 128-bit integers (a double gives the quotient, 128-bit products correct it exactly);
/// operands too large for it take the <see cref="BigInteger"/> path, which gives the same result.
/// </para>
/// </summary>
internal static class ExactDeviationScore
{
    private const ulong FastLimit = 1UL << 62;
    private const double ExactDoubleLimit = 9007199254740992d; // 2^53

    private static readonly ulong[] PowersOfTen = PowersOfTenTable();

    /// <summary>round(F × (cost ÷ basis + G), decimals), exactly.</summary>
    /// <param name="f">F, the factor (e.g. s·a·h′).</param>
    /// <param name="g">G, the constant added to the ratio.</param>
    /// <param name="basis">The ratio basis in yuan; positive.</param>
    /// <param name="costFen">The cost in fen.</param>
    /// <param name="decimals">The decimals of the result (0–10).</param>
    /// <returns>The rounded score, with <paramref name="decimals"/> decimals.</returns>
    public static decimal Score(decimal f, decimal g, decimal basis, long costFen, int decimals) =>
        Score(f, 1m, 1m, g, basis, costFen, decimals);

    /// <summary>round(F × (cost ÷ basis + G), decimals) with F = f1·f2·f3 taken as exact (no decimal product is formed).</summary>
    /// <param name="f1">The first factor of F (the group score).</param>
    /// <param name="f2">The second factor (a coefficient).</param>
    /// <param name="f3">The third factor (a coefficient, or 1).</param>
    /// <param name="g">G, the constant added to the ratio.</param>
    /// <param name="basis">The ratio basis in yuan; positive.</param>
    /// <param name="costFen">The cost in fen.</param>
    /// <param name="decimals">The decimals of the result (0–10).</param>
    /// <returns>The rounded score, with <paramref name="decimals"/> decimals.</returns>
    public static decimal Score(decimal f1, decimal f2, decimal f3, decimal g, decimal basis, long costFen, int decimals)
    {
        var bp = Parts.Of(basis);
        if (bp.Negative || bp.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(basis), "The ratio basis must be positive.");
        }

        var p1 = Parts.Of(f1);
        var p2 = Parts.Of(f2);
        var p3 = Parts.Of(f3);
        var gp = Parts.Of(g);
        return Parts.TryProduct(p1, p2, p3, out var fp) && TryFast(fp, gp, bp, costFen, decimals, out var result)
            ? result
            : Slow(Parts.BigProduct(p1, p2, p3, out var fScale), fScale, gp, bp, costFen, decimals);
    }

    /// <summary>The same value through <see cref="BigInteger"/> only: the reference the fast path is tested against.</summary>
    internal static decimal Reference(decimal f, decimal g, decimal basis, long costFen, int decimals)
    {
        var fp = Parts.Of(f);
        return Slow(fp.ToBigInteger(), fp.Scale, Parts.Of(g), Parts.Of(basis), costFen, decimals);
    }

    private static bool TryFast(in Parts fp, in Parts gp, in Parts bp, long costFen, int decimals, out decimal result)
    {
        result = 0m;
        if (fp.High != 0 || gp.High != 0 || bp.High != 0 || fp.Low >= FastLimit || gp.Low >= FastLimit || bp.Low >= FastLimit
            || costFen <= 0 || costFen >= (long)FastLimit)
        {
            return false;
        }

        // Y = c·10^(gs+bs) + g·b·100 (signed), within ±2^62.
        if (!TryScale((ulong)costFen, gp.Scale + bp.Scale, out var cScaled)
            || !TryMultiply(gp.Low, bp.Low, out var gb) || !TryMultiply(gb, 100, out gb))
        {
            return false;
        }

        ulong y;
        bool yNegative;
        if (!gp.Negative)
        {
            y = cScaled + gb;
            yNegative = false;
            if (y >= FastLimit)
            {
                return false;
            }
        }
        else if (cScaled >= gb)
        {
            y = cScaled - gb;
            yNegative = false;
        }
        else
        {
            y = gb - cScaled;
            yNegative = true;
        }

        // N = f·Y·10^max(0, −e), D = b·10^max(0, e) with e = fs + 2 + gs − d.
        var e = fp.Scale + 2 + gp.Scale - decimals;
        ulong d;
        var negative = (fp.Negative ^ yNegative) && !fp.IsZero;
        if (e >= 0)
        {
            if (!TryScale(bp.Low, e, out d))
            {
#if NET
                // A denominator past 62 bits (many decimals in F and the basis): divide in UInt128, still exact and
                // allocation-free. N < 2^124 and D < 2^122 (e ≤ 18), so 2N + D fits.
                return e < PowersOfTen.Length && TryWide(fp.Low, y, (UInt128)bp.Low * PowersOfTen[e], negative, decimals, out result);
#else
                return false;
#endif
            }
        }
        else
        {
            d = bp.Low;
            if (!TryScale(y, -e, out y))
            {
                return false;
            }
        }

        var nHigh = MultiplyHigh(fp.Low, y, out var nLow);

        // R = floor((2N + D) ÷ 2D): estimate in double, then make it exact with 128-bit products.
        var estimate = Math.Floor((((nHigh * 18446744073709551616d) + nLow) / d) + 0.5d);
        if (estimate >= ExactDoubleLimit)
        {
            return false;
        }

        var mHigh = (nHigh << 1) | (nLow >> 63);
        var mLow = nLow << 1;
        mLow = unchecked(mLow + d);
        if (mLow < d)
        {
            mHigh++;
        }

        var twoD = d << 1;
        var r = estimate < 0d ? 0UL : (ulong)estimate;
        while (r > 0 && GreaterThan(MultiplyHigh(r, twoD, out var pLow), pLow, mHigh, mLow))
        {
            r--;
        }

        while (!GreaterThan(MultiplyHigh(r + 1, twoD, out var qLow), qLow, mHigh, mLow))
        {
            r++;
        }

        result = new decimal(unchecked((int)(uint)r), unchecked((int)(uint)(r >> 32)), 0, negative && r != 0, (byte)decimals);
        return true;
    }

#if NET
    /// <summary>R = floor((2N + D) ÷ 2D) with N = f·y in <see cref="UInt128"/>.</summary>
    private static bool TryWide(ulong f, ulong y, UInt128 d, bool negative, int decimals, out decimal result)
    {
        var n = (UInt128)f * y;
        var r = ((n << 1) + d) / (d << 1);
        if (r > ulong.MaxValue)
        {
            result = 0m;
            return false;
        }

        var value = (ulong)r;
        result = new decimal(unchecked((int)(uint)value), unchecked((int)(uint)(value >> 32)), 0, negative && value != 0, (byte)decimals);
        return true;
    }
#endif

    private static decimal Slow(BigInteger f, int fScale, in Parts gp, in Parts bp, long costFen, int decimals)
    {
        var g = gp.ToBigInteger();
        var b = bp.ToBigInteger();
        var y = (new BigInteger(costFen) * BigInteger.Pow(10, gp.Scale + bp.Scale)) + (g * b * 100);
        var e = fScale + 2 + gp.Scale - decimals;
        var n = f * y;
        var d = b;
        if (e >= 0)
        {
            d *= BigInteger.Pow(10, e);
        }
        else
        {
            n *= BigInteger.Pow(10, -e);
        }

        var negative = n.Sign < 0;
        var r = ((BigInteger.Abs(n) * 2) + d) / (d * 2);
        if (r.IsZero)
        {
            return new decimal(0, 0, 0, false, (byte)decimals);
        }

        var bytes = r.ToByteArray();
        if (bytes.Length > 13 || (bytes.Length == 13 && bytes[12] != 0))
        {
            throw new OverflowException("The case score is too large for a decimal.");
        }

        var padded = new byte[12];
        Array.Copy(bytes, padded, Math.Min(12, bytes.Length));
        return new decimal(BitConverter.ToInt32(padded, 0), BitConverter.ToInt32(padded, 4), BitConverter.ToInt32(padded, 8), negative, (byte)decimals);
    }

    private static bool GreaterThan(ulong aHigh, ulong aLow, ulong bHigh, ulong bLow) =>
        aHigh > bHigh || (aHigh == bHigh && aLow > bLow);

    private static bool TryScale(ulong value, int power, out ulong result)
    {
        result = 0;
        return power >= 0 && power < PowersOfTen.Length && TryMultiply(value, PowersOfTen[power], out result);
    }

    /// <summary>a·b when it stays below 2^62.</summary>
    private static bool TryMultiply(ulong a, ulong b, out ulong result)
    {
        var high = MultiplyHigh(a, b, out result);
        return high == 0 && result < FastLimit;
    }

    /// <summary>The 128-bit product a·b: returns the high 64 bits, the low ones in <paramref name="low"/>.</summary>
    private static ulong MultiplyHigh(ulong a, ulong b, out ulong low)
    {
#if NET
        return Math.BigMul(a, b, out low);
#else
        unchecked
        {
            ulong aLow = (uint)a, aHigh = a >> 32, bLow = (uint)b, bHigh = b >> 32;
            var ll = aLow * bLow;
            var lh = aLow * bHigh;
            var hl = aHigh * bLow;
            var hh = aHigh * bHigh;
            var middle = (ll >> 32) + (uint)lh + (uint)hl;
            low = (middle << 32) | (uint)ll;
            return hh + (lh >> 32) + (hl >> 32) + (middle >> 32);
        }
#endif
    }

    private static ulong[] PowersOfTenTable()
    {
        var table = new ulong[19];
        table[0] = 1;
        for (var i = 1; i < table.Length; i++)
        {
            table[i] = table[i - 1] * 10;
        }

        return table;
    }

    /// <summary>A decimal's sign, 96-bit magnitude and scale.</summary>
    private readonly struct Parts
    {
        /// <summary>The product of three parts when its magnitude stays below 2^62 and its scale below 29.</summary>
        public static bool TryProduct(in Parts a, in Parts b, in Parts c, out Parts product)
        {
            product = default;
            var scale = a.Scale + b.Scale + c.Scale;
            if (a.High != 0 || b.High != 0 || c.High != 0 || scale > 28
                || !TryMultiply(a.Low, b.Low, out var ab) || !TryMultiply(ab, c.Low, out var abc))
            {
                return false;
            }

            product = new Parts(abc, 0, scale, a.Negative ^ b.Negative ^ c.Negative);
            return true;
        }

        /// <summary>The exact product of three parts as an integer, with its scale.</summary>
        public static BigInteger BigProduct(in Parts a, in Parts b, in Parts c, out int scale)
        {
            scale = a.Scale + b.Scale + c.Scale;
            return a.ToBigInteger() * b.ToBigInteger() * c.ToBigInteger();
        }

        private Parts(ulong low, uint high, int scale, bool negative)
        {
            Low = low;
            High = high;
            Scale = scale;
            Negative = negative;
        }

        public ulong Low { get; }

        public uint High { get; }

        public int Scale { get; }

        public bool Negative { get; }

        public bool IsZero => Low == 0 && High == 0;

        public static Parts Of(decimal value)
        {
#if NET
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            int lo = bits[0], mid = bits[1], hi = bits[2], flags = bits[3];
#else
            int lo, mid, hi, flags;
            if (BitConverter.IsLittleEndian)
            {
                // decimal's memory layout on .NET Framework and .NET Core alike (flags, hi, lo, mid), read without the
                // array GetBits allocates.
                var overlay = new DecimalOverlay { Value = value };
                lo = overlay.Lo;
                mid = overlay.Mid;
                hi = overlay.Hi;
                flags = overlay.Flags;
            }
            else
            {
                var bits = decimal.GetBits(value);
                lo = bits[0];
                mid = bits[1];
                hi = bits[2];
                flags = bits[3];
            }
#endif
            return new Parts(
                unchecked(((ulong)(uint)mid << 32) | (uint)lo),
                unchecked((uint)hi),
                (flags >> 16) & 0xFF,
                flags < 0);
        }

        public BigInteger ToBigInteger()
        {
            var magnitude = (new BigInteger(High) << 64) | new BigInteger(Low);
            return Negative ? -magnitude : magnitude;
        }
    }

#if !NET
    [StructLayout(LayoutKind.Explicit)]
    private struct DecimalOverlay
    {
        [FieldOffset(0)]
        public decimal Value;

        [FieldOffset(0)]
        public int Flags;

        [FieldOffset(4)]
        public int Hi;

        [FieldOffset(8)]
        public int Lo;

        [FieldOffset(12)]
        public int Mid;
    }
#endif
}
