using System;
using BenchmarkDotNet.Attributes;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// Decides how <see cref="Money"/> is stored: fen in a <see cref="long"/> (chosen) or <see cref="decimal"/> yuan.
/// The workloads are what clearing does most: summing a hospital's case amounts, comparing amounts, and
/// applying a rate then rounding to the fen at a named step.
/// </summary>
[QuickJob]
public class MoneyRepresentationBenchmarks
{
    private const int Count = 100_000;
    private long[] _fen = Array.Empty<long>();
    private decimal[] _yuan = Array.Empty<decimal>();
    private Money[] _money = Array.Empty<Money>();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261123);
        _fen = new long[Count];
        _yuan = new decimal[Count];
        _money = new Money[Count];
        for (var i = 0; i < Count; i++)
        {
            var fen = random.NextInt64(1_000, 50_000_000);
            _fen[i] = fen;
            _yuan[i] = fen / 100m;
            _money[i] = Money.FromFen(fen);
        }
    }

    [Benchmark(Baseline = true, Description = "sum: long fen (checked)")]
    public long SumLongFen()
    {
        long total = 0;
        foreach (var f in _fen)
        {
            total = checked(total + f);
        }

        return total;
    }

    [Benchmark(Description = "sum: decimal yuan")]
    public decimal SumDecimalYuan()
    {
        var total = 0m;
        foreach (var y in _yuan)
        {
            total += y;
        }

        return total;
    }

    [Benchmark(Description = "sum: Money (fen struct)")]
    public Money SumMoney()
    {
        var total = Money.Zero;
        foreach (var m in _money)
        {
            total += m;
        }

        return total;
    }

    [Benchmark(Description = "max: long fen")]
    public long MaxLongFen()
    {
        var max = long.MinValue;
        foreach (var f in _fen)
        {
            max = Math.Max(max, f);
        }

        return max;
    }

    [Benchmark(Description = "max: decimal yuan")]
    public decimal MaxDecimalYuan()
    {
        var max = decimal.MinValue;
        foreach (var y in _yuan)
        {
            max = Math.Max(max, y);
        }

        return max;
    }

    [Benchmark(Description = "rate+round: Money (fen) × 0.9 → fen")]
    public long RateRoundMoney()
    {
        long total = 0;
        var ratio = 0.9m;
        foreach (var m in _money)
        {
            total += m.Multiply(ratio).Round(RoundingRule.Default).Fen;
        }

        return total;
    }

    [Benchmark(Description = "rate+round: decimal yuan × 0.9 → yuan")]
    public decimal RateRoundDecimal()
    {
        var total = 0m;
        var ratio = 0.9m;
        foreach (var y in _yuan)
        {
            total += decimal.Round(y * ratio, 2, MidpointRounding.AwayFromZero);
        }

        return total;
    }
}
