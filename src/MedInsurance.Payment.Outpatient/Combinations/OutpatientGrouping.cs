using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
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
/// on the order of claims within a day. A date's buffer is flat arrays reused date after date, not a list per unit. With
/// more than one thread, closed dates are grouped on the thread pool while the next date is read, and their days are
/// handed over in date order on the calling thread: the same days in the same order as on one thread. Not thread-safe;
/// one per run.</para>
/// </remarks>
public sealed class OutpatientGrouping
{
    private readonly CombinationGrouper _grouper;
    private readonly Action<CombinationDay>? _day;
    private readonly OutpatientLineBook? _book;
    private readonly Action<OutpatientItemRecord, IReadOnlyList<ValidationIssue>> _rejected;
    private readonly int _maxBufferedItems;
    private readonly int _threads;
    private readonly ClaimRun _run = new();
    private readonly HashSet<string> _claimsOfDay = new(StringComparer.Ordinal);
    private readonly Queue<ServiceDateBatch> _grouping = new();
    private readonly Stack<ServiceDateBatch> _free = new();
    private Task[]? _lanes;
    private int _closedDates;
    private ServiceDateBatch _open = new();
    private int _openDate;
    private long _inFlightItems;
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
        : this(grouper, day, rejected, maxBufferedItems, 1)
    {
    }

    /// <summary>Creates a run that groups and prices closed service dates on up to <paramref name="threads"/> threads (并行分组).</summary>
    /// <param name="grouper">The grouper.</param>
    /// <param name="day">Called for each priced day, in date order, always on the thread that calls <see cref="Add"/>, <see cref="Run"/> or <see cref="Complete"/>.</param>
    /// <param name="rejected">Called for each rejected row with its issues, on the calling thread, as soon as the row's claim is decided.</param>
    /// <param name="maxBufferedItems">The most item lines one open day may hold (a claim beyond it is rejected with <see cref="OutpatientIssueCodes.DayBufferFull"/>); it also bounds the lines of the closed dates still being grouped.</param>
    /// <param name="threads">
    /// 线程数 — 1 groups each date on the calling thread when it closes; more groups closed dates on the thread pool
    /// (dates are independent) while the next date is read, <paramref name="threads"/> − 1 dates at a time (the calling
    /// thread is the other one) and at most <paramref name="threads"/> dates waiting. The days,
    /// their order, the rejections and the summary are the same whatever the thread count; with more than one thread a
    /// date's days are delivered later (before <see cref="Complete"/> returns), so rejections of later rows may come first.
    /// </param>
    public OutpatientGrouping(CombinationGrouper grouper, Action<CombinationDay> day, Action<OutpatientItemRecord, IReadOnlyList<ValidationIssue>> rejected, int maxBufferedItems, int threads)
        : this(grouper, rejected, maxBufferedItems, threads, null, day ?? throw new ArgumentNullException(nameof(day)))
    {
    }

    /// <summary>
    /// Creates a run that sums every priced day into <paramref name="book"/> (结算行汇总, as
    /// <see cref="OutpatientLineBook.Add(CombinationDay)"/> would, in the same order) and passes each day to
    /// <paramref name="day"/> when one is given. Without <paramref name="day"/> no <see cref="CombinationDay"/> object is
    /// made: the batch path when only the settlement lines are wanted.
    /// </summary>
    /// <param name="grouper">The grouper.</param>
    /// <param name="book">The line book the days are summed into (used only by this run's calling thread).</param>
    /// <param name="day">Called for each priced day after it is summed, in date order on the calling thread; null for none.</param>
    /// <param name="rejected">Called for each rejected row with its issues, on the calling thread.</param>
    /// <param name="maxBufferedItems">The most item lines one open day may hold; it also bounds the lines of the closed dates still being grouped.</param>
    /// <param name="threads">线程数 — as in <see cref="OutpatientGrouping(CombinationGrouper, Action{CombinationDay}, Action{OutpatientItemRecord, IReadOnlyList{ValidationIssue}}, int, int)"/>.</param>
    public OutpatientGrouping(CombinationGrouper grouper, OutpatientLineBook book, Action<CombinationDay>? day, Action<OutpatientItemRecord, IReadOnlyList<ValidationIssue>> rejected, int maxBufferedItems, int threads)
        : this(grouper, rejected, maxBufferedItems, threads, book ?? throw new ArgumentNullException(nameof(book)), day)
    {
    }

    private OutpatientGrouping(CombinationGrouper grouper, Action<OutpatientItemRecord, IReadOnlyList<ValidationIssue>> rejected, int maxBufferedItems, int threads, OutpatientLineBook? book, Action<CombinationDay>? day)
    {
        _grouper = grouper ?? throw new ArgumentNullException(nameof(grouper));
        _book = book;
        _day = day;
        _rejected = rejected ?? throw new ArgumentNullException(nameof(rejected));
        _maxBufferedItems = maxBufferedItems > 0 ? maxBufferedItems : throw new ArgumentOutOfRangeException(nameof(maxBufferedItems));
        _threads = threads > 0 ? threads : throw new ArgumentOutOfRangeException(nameof(threads));
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
        while (_grouping.Count > 0)
        {
            DeliverOldest();
        }

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
                else if (_open.Items + _run.Records.Count > _maxBufferedItems)
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

        // The closed dates still being grouped share the buffer's bound with the open day.
        while (_grouping.Count > 0 && _inFlightItems + _open.Items + _run.Records.Count > _maxBufferedItems)
        {
            DeliverOldest();
        }

        _open.Add(_run.Records);
        _run.Clear();
    }

    private void CloseDay()
    {
        _claimsOfDay.Clear();
        if (_open.Claims == 0)
        {
            return;
        }

        var batch = _open;
        if (_threads == 1)
        {
            batch.Group(_grouper, SumOnGroupingThread);
            Deliver(batch);
            return;
        }

        var grouper = _grouper;
        var sum = SumOnGroupingThread;
        // threads − 1 lanes, each grouping its dates one after another: the calling thread is busy too (reading, claim
        // checks, the book), so more dates at once would only make the threads take turns on the cores.
        var lanes = _lanes ??= new Task[Math.Max(1, _threads - 1)];
        var lane = _closedDates++ % lanes.Length;
        batch.Grouping = lanes[lane] = lanes[lane] is { } previous
            ? previous.ContinueWith(_ => batch.Group(grouper, sum), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)
            : Task.Run(() => batch.Group(grouper, sum));
        _grouping.Enqueue(batch);
        _inFlightItems += batch.Items;
        _open = _free.Count > 0 ? _free.Pop() : new ServiceDateBatch();

        // Hand over the dates already grouped, in order, without waiting; wait only when too many are in flight.
        while (_grouping.Count > 0 && (_grouping.Count > _threads || _grouping.Peek().Grouping!.IsCompleted))
        {
            DeliverOldest();
        }
    }

    /// <summary>Waits for the oldest date in flight and hands its days over (rethrowing what its grouping threw).</summary>
    private void DeliverOldest()
    {
        var batch = _grouping.Dequeue();
        _inFlightItems -= batch.Items;
        batch.Grouping!.GetAwaiter().GetResult();
        Deliver(batch);
        _free.Push(batch);
    }

    /// <summary>Whether a date's days are summed where they are grouped: when only the line book wants them (no day callback).</summary>
    private bool SumOnGroupingThread => _day is null && _book is not null;

    private void Deliver(ServiceDateBatch batch)
    {
        _accepted += batch.AcceptedItems;
        _days += batch.Units;
        _combinationDays += batch.CombinationDays;
        if (batch.Book is { } sums && SumOnGroupingThread)
        {
            _book!.Add(sums);
            batch.Clear();
            return;
        }

        var days = batch.Days;
        for (var i = 0; i < batch.Units; i++)
        {
            ref readonly var day = ref days[i];
            _book?.Add(in day);
            _day?.Invoke(new CombinationDay(in day));
        }

        batch.Clear();
    }

    private void Reject(OutpatientItemRecord record, IReadOnlyList<ValidationIssue> issues)
    {
        _rejectedRows++;
        _rejected(record, issues);
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
