using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Dip.Internal;

/// <summary>A set of code prefixes, probed by every prefix length present (allocation-free).</summary>
internal sealed class PrefixSet
{
    private readonly HashSet<CodeKey> _set = new(CodeKeyComparer.Instance);
    private readonly int[] _lengths;

    public PrefixSet(IEnumerable<string> prefixes)
    {
        var lengths = new SortedSet<int>();
        foreach (var p in prefixes ?? throw new ArgumentNullException(nameof(prefixes)))
        {
            var t = (p ?? string.Empty).Trim();
            if (t.Length > 0)
            {
                _set.Add(new CodeKey(t));
                lengths.Add(t.Length);
            }
        }

        _lengths = new int[lengths.Count];
        lengths.CopyTo(_lengths);
    }

    public bool IsEmpty => _set.Count == 0;

    public bool Matches(string code)
    {
        if (code.Length == 0)
        {
            return false;
        }

        foreach (var length in _lengths)
        {
            if (length > code.Length)
            {
                return false;
            }

            if (_set.Contains(new CodeKey(code, length)))
            {
                return true;
            }
        }

        return false;
    }
}
