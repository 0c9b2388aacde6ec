using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// 就诊日缓冲 — the accepted lines of one service date, kept by unit (institution × person × fund) in flat arrays that
/// are reused date after date (no list per unit: a date's buffer would otherwise be thousands of objects that outlive
/// the young generation). <see cref="Group"/> prices every unit of the date, in (institution, person, fund) order, the
/// items of a unit in (item code, claim id, amount) order — a pure function of the date's lines, so it may run on any
/// thread and gives the same days whatever the order of claims within the date. Not thread-safe: one thread fills it,
/// then one thread groups it, then the owner reads <see cref="Days"/>.
/// </summary>
internal sealed class ServiceDateBatch
{
    private readonly Dictionary<UnitKey, int> _units = new();
    private readonly Dictionary<string, int> _institutions = new(StringComparer.Ordinal);
    private readonly List<string> _institutionNames = [];
    private int[] _institutionRank = new int[16];
    private UnitKey[] _keys = new UnitKey[256];
    private int[] _unitInstitution = new int[256];
    private int[] _unitItems = new int[256];
    private OutpatientItem[] _items = new OutpatientItem[1_024];
    private int[] _itemUnit = new int[1_024];
    private int[] _claimStarts = new int[256];
    private OutpatientItem[] _sorted = [];
    private UnitSortKey[] _sortKeys = [];
    private int[] _start = [];
    private PricedDay[] _days = new PricedDay[256];
    private bool _daysSummed;

    /// <summary>Units of the date (known after <see cref="Group"/>).</summary>
    public int Units { get; private set; }

    /// <summary>Item lines of the date.</summary>
    public int Items { get; private set; }

    /// <summary>The grouping of this batch when it runs on another thread.</summary>
    public Task? Grouping { get; set; }

    /// <summary>The days after <see cref="Group"/>, in unit order (the first <see cref="Units"/>).</summary>
    public PricedDay[] Days => _days;

    /// <summary>Claims of the date.</summary>
    public int Claims { get; private set; }

    /// <summary>The date's days summed into settlement lines by <see cref="Group"/> when asked to (null otherwise); <see cref="Days"/> is then not kept.</summary>
    public OutpatientLineBook? Book { get; private set; }

    /// <summary>Item lines in the date's days (after <see cref="Group"/>).</summary>
    public long AcceptedItems { get; private set; }

    /// <summary>Days of the date paid by a combination (after <see cref="Group"/>).</summary>
    public long CombinationDays { get; private set; }

    /// <summary>
    /// Adds the lines of one accepted claim (one unit: its lines share institution, person, fund and date). Only copies:
    /// finding the claim's unit is left to <see cref="Group"/>, which may run on another thread.
    /// </summary>
    public void Add(List<OutpatientItemRecord> claim)
    {
        var needed = Items + claim.Count;
        if (needed > _items.Length)
        {
            var size = Math.Max(needed, _items.Length * 2);
            Array.Resize(ref _items, size);
            Array.Resize(ref _itemUnit, size);
        }

        if (Claims == _claimStarts.Length)
        {
            Array.Resize(ref _claimStarts, Claims * 2);
        }

        _claimStarts[Claims++] = Items;
        var items = _items;
        var at = Items;
        for (var i = 0; i < claim.Count; i++)
        {
            items[at++] = claim[i].Item;
        }

        Items = at;
    }

    /// <summary>Assigns each claim (and its lines) to its unit, numbering the units in order of first appearance.</summary>
    private void FindUnits()
    {
        Units = 0;
        for (var c = 0; c < Claims; c++)
        {
            var start = _claimStarts[c];
            var end = c + 1 < Claims ? _claimStarts[c + 1] : Items;
            ref readonly var first = ref _items[start];
            var key = new UnitKey(first.InstitutionId, first.PersonId, first.Fund);
            if (!_units.TryGetValue(key, out var unit))
            {
                unit = Units++;
                if (unit == _keys.Length)
                {
                    Array.Resize(ref _keys, unit * 2);
                    Array.Resize(ref _unitItems, unit * 2);
                    Array.Resize(ref _unitInstitution, unit * 2);
                }

                if (!_institutions.TryGetValue(first.InstitutionId, out var institution))
                {
                    institution = _institutionNames.Count;
                    _institutionNames.Add(first.InstitutionId);
                    _institutions.Add(first.InstitutionId, institution);
                }

                _keys[unit] = key;
                _unitInstitution[unit] = institution;
                _unitItems[unit] = 0;
                _units.Add(key, unit);
            }

            for (var i = start; i < end; i++)
            {
                _itemUnit[i] = unit;
            }

            _unitItems[unit] += end - start;
        }
    }

    /// <summary>
    /// Groups and prices every unit into <see cref="Days"/>; with <paramref name="sum"/>, also sums the days into
    /// <see cref="Book"/> here (on the grouping thread) and drops them, so that handing the date over adds a few sums
    /// instead of a line per day.
    /// </summary>
    public void Group(CombinationGrouper grouper, bool sum = false)
    {
        FindUnits();
        var units = Units;
        if (_sortKeys.Length < units)
        {
            _sortKeys = new UnitSortKey[_keys.Length];
            _start = new int[_keys.Length + 1];
        }

        if (_days.Length < units)
        {
            _days = new PricedDay[_keys.Length];
        }

        if (_sorted.Length < Items)
        {
            _sorted = new OutpatientItem[_items.Length];
        }

        // Units in (institution, person, fund) order: the few institutions ranked once, persons by their first
        // characters packed in two numbers (ties, rare, by the whole id); then each unit's items next to each other.
        var names = _institutionNames.Count;
        if (_institutionRank.Length < names)
        {
            _institutionRank = new int[Math.Max(names, _institutionRank.Length * 2)];
        }

        _institutionNames.Sort(StringComparer.Ordinal);
        for (var n = 0; n < names; n++)
        {
            _institutionRank[_institutions[_institutionNames[n]]] = n;
        }

        for (var u = 0; u < units; u++)
        {
            _sortKeys[u] = new UnitSortKey(_institutionRank[_unitInstitution[u]], _keys[u].Person, _keys[u].Fund, u);
        }

        UnitSortKey.Sort(_sortKeys, units);
        var rank = _unitItems; // reused: a unit's item count becomes its first slot (counts are read before they are overwritten)
        var at = 0;
        for (var r = 0; r < units; r++)
        {
            var u = _sortKeys[r].Unit;
            _start[r] = at;
            at += rank[u];
            rank[u] = _start[r];
        }

        _start[units] = at;
        for (var i = 0; i < Items; i++)
        {
            _sorted[rank[_itemUnit[i]]++] = _items[i];
        }

        for (var r = 0; r < units; r++)
        {
            var start = _start[r];
            var count = _start[r + 1] - start;
            if (count > 1)
            {
#if NET
                // The same introspective sort as Array.Sort with a comparer, without the delegate Array.Sort makes per call.
                _sorted.AsSpan(start, count).Sort(ItemOrder.Comparison);
#else
                Array.Sort(_sorted, start, count, ItemOrder.Instance);
#endif
            }

            _days[r] = grouper.Group(_sorted, start, count);
        }

        // The lines and keys are done with: drop their references now, on the grouping thread, so that a reused buffer
        // does not keep an earlier date's claim and person ids alive (they would be promoted and collected as old objects).
        Array.Clear(_items, 0, Items);
        Array.Clear(_sorted, 0, Items);
        Array.Clear(_keys, 0, units);
        Array.Clear(_sortKeys, 0, units);
        long accepted = 0;
        long combinations = 0;
        var book = sum ? Book ??= new OutpatientLineBook() : null;
        for (var r = 0; r < units; r++)
        {
            ref readonly var day = ref _days[r];
            accepted += day.Items;
            combinations += day.IsCombination ? 1 : 0;
            book?.Add(in day);
        }

        AcceptedItems = accepted;
        CombinationDays = combinations;
        if (sum)
        {
            Array.Clear(_days, 0, units);
            _daysSummed = true;
        }
    }

    /// <summary>
    /// Empties the batch for the next date. The arrays are not cleared (clearing megabytes per date cost more than the
    /// grouping): the next date overwrites them, and what a smaller date leaves behind is bounded by the largest date
    /// this batch held (a few batches per run).
    /// </summary>
    public void Clear()
    {
        if (!_daysSummed)
        {
            Array.Clear(_days, 0, Units);
        }

        _daysSummed = false;
        _units.Clear();
        _institutions.Clear();
        _institutionNames.Clear();
        Book?.Clear();
        Units = 0;
        Items = 0;
        Claims = 0;
        AcceptedItems = 0;
        CombinationDays = 0;
        Grouping = null;
    }

    /// <summary>Items of a unit in (item code, claim id, amount) order, so a day's result does not depend on input order.</summary>
    private sealed class ItemOrder : IComparer<OutpatientItem>
    {
        public static readonly ItemOrder Instance = new();

        /// <summary>The order as one cached delegate.</summary>
        public static readonly Comparison<OutpatientItem> Comparison = Instance.Compare;

        public int Compare(OutpatientItem x, OutpatientItem y)
        {
            var c = string.CompareOrdinal(x.ItemCode, y.ItemCode);
            if (c == 0)
            {
                c = string.CompareOrdinal(x.ClaimId, y.ClaimId);
            }

            return c != 0 ? c : x.Amount.Fen.CompareTo(y.Amount.Fen);
        }
    }
}
