using System;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// The codes of one code field of the current row, split, packed and with their first table slot found (and that slot's
/// cache line asked for) before any of them is looked up: the reader prepares a row's diagnosis and procedure fields
/// first, then looks their codes up, so that the cache misses of the row's code lookups overlap instead of following one
/// another (docs/performance.md, change 64). One instance per field per reader thread, reused row after row.
/// </summary>
internal sealed class CodeProbes
{
    private Probe[] _probes = new Probe[8];

    /// <summary>The codes of the field (its pieces between <c>|</c>); 0 when the field was not prepared (a prepared field,
    /// never empty, has at least one).</summary>
    public int Count { get; private set; }

    /// <summary>The <paramref name="position"/>th code of the field.</summary>
    public ref readonly Probe this[int position] => ref _probes[position];

    /// <summary>Forgets the previous row's field (nothing prepared).</summary>
    public void Clear() => Count = 0;

    /// <summary>Adds the next code of the field: where it starts in the field, its length, its packed words and slot (−1 when
    /// it cannot be in the table).</summary>
    public void Add(int start, int length, ulong a, ulong b, int slot)
    {
        if (Count == _probes.Length)
        {
            Array.Resize(ref _probes, _probes.Length * 2);
        }

        _probes[Count++] = new Probe(start, length, a, b, slot);
    }

    /// <summary>One code of the field.</summary>
    public readonly struct Probe
    {
        public Probe(int start, int length, ulong a, ulong b, int slot)
        {
            Start = start;
            Length = length;
            A = a;
            B = b;
            Slot = slot;
        }

        /// <summary>Where the code starts in its field.</summary>
        public int Start { get; }

        /// <summary>Its length in bytes.</summary>
        public int Length { get; }

        /// <summary>Its first packed word.</summary>
        public ulong A { get; }

        /// <summary>Its second packed word, with the length.</summary>
        public ulong B { get; }

        /// <summary>Its first slot in the table, −1 when it cannot be held there.</summary>
        public int Slot { get; }
    }
}
