using System;
using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// 门诊诊疗组合分组（流式） — groups streamed item lines into units (person × institution × fund × service date) and
/// prices each with a <see cref="CombinationGrouper"/>.
/// </summary>
/// <remarks>
/// <para><b>Ordering contract</b> (docs/outpatient.md “Streaming”): the lines of one claim are contiguous, and claims come
/// in non-decreasing service date — the order of an agency's settlement export. Memory holds one open day (at most
/// <c>maxBufferedItems</c> lines) and the claim ids of that day, never the file. Input that breaks the contract is never
/// mis-grouped: a claim dated before the open day is rejected (<see cref="OutpatientIssueCodes.ItemsUnsorted"/>), a claim
/// id that reappears within the open day after other claims is rejected (<see cref="OutpatientIssueCodes.ClaimNotContiguous"/>),
/// a claim whose lines carry two dates is rejected whole (<see cref="OutpatientIssueCodes.ClaimSpansDays"/>). A claim id
/// reused on a later day after its day closed cannot be told from a new claim with bounded memory; it is priced as its
/// own claim on that day (sort the export by claim date to rule it out).</para>
/// <para>Every row ends in exactly one place: a day (through <c>day</c>) or <c>rejected</c>; rows in = accepted + rejected.
/// Days of one date are emitted in (institution, person, fund) order when the date closes, so the results do not depend
/// on the order of claims within a day. Not thread-safe; one per run.</para>
/// </remarks>
public sealed class OutpatientGrouping
{
    private readonly CombinationGrouper _grouper;
    private readonly Action<CombinationDay> _day;
    private readonly Action<OutpatientItemRecord, IReadOnlyList<ValidationIssue>> _rejected;
    private readonly int _maxBufferedItems;
    private readonly ClaimRun _run = new();
    private readonly Dictionary<UnitKey, List<OutpatientItem>> _units = new();
    private readonly HashSet<string> _claimsOfDay = new(StringComparer.Ordinal);
    private readonly List<List<OutpatientItem>> _spare = [];
    private readonly List<UnitKey> _keys = [];
    private int _openDate;
    private int _buffered;
    private long _rows;
    private long _accepted;
    private long _rejectedRows;
    private long _days;
    private long _combinationDays;

    /// <summary>Creates a run.</summary>
    /// <param name="grouper">The grouper.</param>
    /// <param name="day">Called for each priced day, in date order.</param>
    /// <param name="rejected">Called for each rejected row with its issues.</param>
    /// <param name="maxBufferedItems">The most item lines one open day may hold (a claim beyond it is rejected with <see cref="OutpatientIssueCodes.DayBufferFull"/>).</param>
    public OutpatientGrouping(CombinationGrouper grouper, Action<CombinationDay> day, Action<OutpatientItemRecord, IReadOnlyList<ValidationIssue>> rejected, int maxBufferedItems)
    {
        _grouper = grouper ?? throw new ArgumentNullException(nameof(grouper));
        _day = day ?? throw new ArgumentNullException(nameof(day));
        _rejected = rejected ?? throw new ArgumentNullException(nameof(rejected));
        _maxBufferedItems = maxBufferedItems > 0 ? maxBufferedItems : throw new ArgumentOutOfRangeException(nameof(maxBufferedItems));
    }

    /// <summary>Creates a run with a buffer of 4 000 000 item lines per open day.</summary>
    /// <param name="grouper">The grouper.</param>
    /// <param name="day">Called for each priced day, in date order.</param>
    /// <param name="rejected">Called for each rejected row with its issues.</param>
    public OutpatientGrouping(CombinationGrouper grouper, Action<CombinationDay> day, Action<OutpatientItemRecord, IReadOnlyList<ValidationIssue>> rejected)
        : this(grouper, day, rejected, 4_000_000)
    {
    }

    /// <summary>Groups a whole input and completes.</summary>
    /// <param name="records">The records in file order.</param>
    /// <returns>The summary.</returns>
    public OutpatientGroupingSummary Run(IEnumerable<OutpatientItemRecord> records)
    {
        foreach (var record in records ?? throw new ArgumentNullException(nameof(records)))
        {
            Add(record);
        }

        return Complete();
    }

    /// <summary>Adds the next record of the input.</summary>
    /// <param name="record">The record.</param>
    public void Add(OutpatientItemRecord record)
    {
        _rows++;
        if (record.IsRejected && record.Item.ClaimId.Length == 0)
        {
            Reject(record, record.Issues);
            return;
        }

        if (!_run.IsEmpty && !_run.Continues(record))
        {
            FinishClaim();
        }

        _run.Add(record);
    }

    /// <summary>Closes the last claim and day.</summary>
    /// <returns>The summary.</returns>
    public OutpatientGroupingSummary Complete()
    {
        if (!_run.IsEmpty)
        {
            FinishClaim();
        }

        CloseDay();
        return new OutpatientGroupingSummary(_rows, _accepted, _rejectedRows, _days, _combinationDays);
    }

    private void FinishClaim()
    {
        var problem = _run.Problem(oneDiagnosis: false);
        if (problem is null)
        {
            var date = _run.ServiceDate;
            if (date < _openDate)
            {
                problem = ValidationIssue.Error(OutpatientIssueCodes.ItemsUnsorted, "date", "结算日期早于已结束的就诊日：输入须按就诊日期排序", "The claim's date is before a day already closed: the input must come in service-date order (docs/outpatient.md).");
            }
            else
            {
                if (date > _openDate)
                {
                    CloseDay();
                    _openDate = date;
                }

                if (!_claimsOfDay.Add(_run.ClaimId))
                {
                    problem = ValidationIssue.Error(OutpatientIssueCodes.ClaimNotContiguous, "claim_id", "同一结算的明细不连续（中间夹有其他结算）", "The claim id reappears after other claims: the lines of a claim must be contiguous.");
                }
                else if (_buffered + _run.Records.Count > _maxBufferedItems)
                {
                    problem = ValidationIssue.Error(OutpatientIssueCodes.DayBufferFull, "date", "当日明细超过缓冲上限", "The open day holds more item lines than the buffer allows.");
                }
            }
        }

        if (problem is not null)
        {
            foreach (var record in _run.Records)
            {
                Reject(record, record.IsRejected ? record.Issues : [problem]);
            }

            _run.Clear();
            return;
        }

        var first = _run.Records[0].Item;
        var key = new UnitKey(first.InstitutionId, first.PersonId, first.Fund);
        if (!_units.TryGetValue(key, out var items))
        {
            items = _spare.Count > 0 ? Pop() : [];
            _units[key] = items;
        }

        foreach (var record in _run.Records)
        {
            items.Add(record.Item);
        }

        _buffered += _run.Records.Count;
        _run.Clear();
    }

    private List<OutpatientItem> Pop()
    {
        var list = _spare[_spare.Count - 1];
        _spare.RemoveAt(_spare.Count - 1);
        return list;
    }

    private void CloseDay()
    {
        if (_units.Count == 0)
        {
            _claimsOfDay.Clear();
            return;
        }

        // One list for every day: a new one per day would land on the large-object heap and force full collections.
        _keys.Clear();
        _keys.AddRange(_units.Keys);
        _keys.Sort();
        foreach (var key in _keys)
        {
            var items = _units[key];
            items.Sort(ItemOrder.Instance);
            var day = _grouper.Group(items);
            _accepted += items.Count;
            _days++;
            _combinationDays += day.IsCombination ? 1 : 0;
            _day(day);
            items.Clear();
            if (_spare.Count < 4_096)
            {
                _spare.Add(items);
            }
        }

        _units.Clear();
        _claimsOfDay.Clear();
        _buffered = 0;
    }

    private void Reject(OutpatientItemRecord record, IReadOnlyList<ValidationIssue> issues)
    {
        _rejectedRows++;
        _rejected(record, issues);
    }

    private readonly struct UnitKey : IEquatable<UnitKey>, IComparable<UnitKey>
    {
        public UnitKey(string institution, string person, InsuranceFund fund)
        {
            Institution = institution;
            Person = person;
            Fund = fund;
        }

        public string Institution { get; }

        public string Person { get; }

        public InsuranceFund Fund { get; }

        public bool Equals(UnitKey other) => Fund == other.Fund && string.Equals(Person, other.Person, StringComparison.Ordinal) && string.Equals(Institution, other.Institution, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is UnitKey other && Equals(other);

        public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Person) * 31) ^ StringComparer.Ordinal.GetHashCode(Institution) ^ (int)Fund);

        public int CompareTo(UnitKey other)
        {
            var c = string.CompareOrdinal(Institution, other.Institution);
            if (c == 0)
            {
                c = string.CompareOrdinal(Person, other.Person);
            }

            return c != 0 ? c : Fund.CompareTo(other.Fund);
        }
    }

    /// <summary>Items of a unit in (item code, claim id, amount) order, so a day's result does not depend on input order.</summary>
    private sealed class ItemOrder : IComparer<OutpatientItem>
    {
        public static readonly ItemOrder Instance = new();

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

/// <summary>分组汇总 — the counts of a grouping run: rows in = accepted + rejected.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class OutpatientGroupingSummary
{
    /// <summary>Creates a summary.</summary>
    /// <param name="rows">Rows in.</param>
    /// <param name="accepted">Rows accepted (in a priced day).</param>
    /// <param name="rejected">Rows rejected.</param>
    /// <param name="days">Days priced.</param>
    /// <param name="combinationDays">Days paid by a combination.</param>
    public OutpatientGroupingSummary(long rows, long accepted, long rejected, long days, long combinationDays)
    {
        Rows = rows;
        Accepted = accepted;
        Rejected = rejected;
        Days = days;
        CombinationDays = combinationDays;
    }

    /// <summary>读入行数.</summary>
    public long Rows { get; }

    /// <summary>接受行数.</summary>
    public long Accepted { get; }

    /// <summary>拒绝行数.</summary>
    public long Rejected { get; }

    /// <summary>诊疗日数.</summary>
    public long Days { get; }

    /// <summary>按组合支付的日数.</summary>
    public long CombinationDays { get; }

    /// <summary>按项目支付的日数.</summary>
    public long FeeForServiceDays => Days - CombinationDays;
}
