using System.Globalization;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// The reader's duplicate-id set (<c>CASE_ID_DUPLICATED</c>) for a province-year file: 10 000 000 ids into a set reserved
/// for them (as the reader reserves it), one by one against blocks of 1 024 (the parallel reader's blocks), whose slots
/// are read in a loop of independent loads before the inserts (docs/performance.md, change 11).
/// </summary>
[QuickJob]
public class IdSetBenchmarks
{
    private const int BlockSize = 1_024;
    private string[] _ids = System.Array.Empty<string>();

    [Params(10_000_000)]
    public int Ids { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ids = new string[Ids];
        for (var i = 0; i < Ids; i++)
        {
            _ids[i] = "C" + i.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Each id added on its own (<c>IdSet.Add(string)</c>); returns the new ones.</summary>
    [Benchmark(Baseline = true)]
    public int OneByOne()
    {
        var set = new IdSet();
        set.Reserve(Ids);
        var added = 0;
        foreach (var id in _ids)
        {
            added += set.Add(id) ? 1 : 0;
        }

        return added;
    }

    /// <summary>Blocks of 1 024 ids (<c>IdSet.Add(string[], int, bool[])</c>); returns the new ones.</summary>
    [Benchmark]
    public int InBlocks()
    {
        var set = new IdSet();
        set.Reserve(Ids);
        var block = new string?[BlockSize];
        var flags = new bool[BlockSize];
        var added = 0;
        for (var start = 0; start < _ids.Length; start += BlockSize)
        {
            var count = System.Math.Min(BlockSize, _ids.Length - start);
            System.Array.Copy(_ids, start, block, 0, count);
            set.Add(block, count, flags);
            for (var j = 0; j < count; j++)
            {
                added += flags[j] ? 1 : 0;
            }
        }

        return added;
    }
}
