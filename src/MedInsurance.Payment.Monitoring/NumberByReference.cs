using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// The numbers a dictionary of names gives, found first by the name's object: the case reader gives one string per
/// distinct hospital id (per converting thread) and the results reader one per group, so a direct-mapped table of 4 096
/// entries keyed by reference answers almost every lookup of a row without hashing its text. A miss asks the dictionary
/// and keeps its answer; a name's number never changes once given, so a kept answer stays right. Not thread-safe.
/// </summary>
internal sealed class NumberByReference
{
    private const int Mask = (1 << 12) - 1;
    private readonly string?[] _names = new string?[Mask + 1];
    private readonly int[] _numbers = new int[Mask + 1];

    /// <summary>The number <paramref name="index"/> gives <paramref name="name"/>, if it gives one.</summary>
    /// <param name="index">The dictionary (names are added to it, never renumbered).</param>
    /// <param name="name">The name.</param>
    /// <param name="number">Its number.</param>
    /// <returns>Whether the name is numbered (never a null name).</returns>
    public bool TryGet(Dictionary<string, int> index, string name, out int number)
    {
        if (name is null)
        {
            number = 0;
            return false;
        }

        var slot = RuntimeHelpers.GetHashCode(name) & Mask;
        if (ReferenceEquals(_names[slot], name))
        {
            number = _numbers[slot];
            return true;
        }

        if (!index.TryGetValue(name, out number))
        {
            return false;
        }

        _names[slot] = name;
        _numbers[slot] = number;
        return true;
    }
}
