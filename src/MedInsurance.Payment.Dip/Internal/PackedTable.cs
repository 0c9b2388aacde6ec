using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Dip.Internal;

/// <summary>
/// An immutable open-addressing map from <see cref="PackedCodePair"/> to a small value, each key and its value side by
/// side in one flat array: a lookup reads one slot (rarely two), where a <see cref="Dictionary{TKey, TValue}"/> reads a
/// bucket, an entry and then whatever the value points to. Built once; lookups allocate nothing and are thread-safe.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class PackedTable<TValue>
    where TValue : struct
{
    private readonly Slot[] _slots;
    private readonly int _mask;

    /// <summary>Builds the table; a key given twice is an error (the caller reports it with its own wording).</summary>
    /// <param name="items">The keys and values; no key may be empty.</param>
    public PackedTable(IReadOnlyCollection<KeyValuePair<PackedCodePair, TValue>> items)
    {
        // At most half full, so a miss ends after a probe or two.
        var capacity = 4;
        while (capacity < items.Count * 2)
        {
            capacity <<= 1;
        }

        _slots = new Slot[capacity];
        _mask = capacity - 1;
        foreach (var item in items)
        {
            if (item.Key.IsEmpty)
            {
                throw new ArgumentException("An empty key cannot be stored.", nameof(items));
            }

            var i = item.Key.GetHashCode() & _mask;
            while (!_slots[i].Key.IsEmpty)
            {
                if (_slots[i].Key.Equals(item.Key))
                {
                    throw new ArgumentException("A key occurs twice.", nameof(items));
                }

                i = (i + 1) & _mask;
            }

            _slots[i] = new Slot(item.Key, item.Value);
        }

        Count = items.Count;
    }

    /// <summary>The number of keys.</summary>
    public int Count { get; }

    /// <summary>Looks a key up.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, or default.</param>
    /// <returns>Whether the key is present.</returns>
    public bool TryGetValue(in PackedCodePair key, out TValue value)
    {
        var slots = _slots;
        var i = key.GetHashCode() & _mask;
        while (true)
        {
            ref readonly var slot = ref slots[i];
            if (slot.Key.IsEmpty)
            {
                value = default;
                return false;
            }

            if (slot.Key.Equals(key))
            {
                value = slot.Value;
                return true;
            }

            i = (i + 1) & _mask;
        }
    }

    private readonly struct Slot
    {
        public Slot(PackedCodePair key, TValue value)
        {
            Key = key;
            Value = value;
        }

        public PackedCodePair Key { get; }

        public TValue Value { get; }
    }
}
