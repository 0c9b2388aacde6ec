using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 智能监管指标计算 — one streaming pass over the cases of a region (with their DRG/DIP results when given), then
/// <see cref="Finish"/> computes every indicator (docs/monitoring.md). Memory: a 24-byte aggregate per hospital × group ×
/// month and one per hospital × month, one per hospital × ADRG for the severity mix, and a 32-byte record per stay with a
/// patient id for the readmission scan (in buckets by person as added, each sorted at the end) plus one per stay of at most
/// <see cref="MonitoringProfile.LowStandardMaxLosDays"/> days. Not thread-safe: feed it from one thread (<c>Finish</c>
/// sorts the buckets on the available cores).
/// </summary>
public sealed class SupervisionMonitor
{
    /// <summary>The <see cref="MonitoringReport.Counts"/> key of the cases rejected with MONITOR_DATE_OUT_OF_RANGE
    /// (discharge or admission year outside 1900–2199): counted, in no indicator.</summary>
    internal const string DateOutOfRangeCount = "cases_rejected_MONITOR_DATE_OUT_OF_RANGE";

    private const int MinYear = 1900, MaxYear = 2199;
    private readonly MonitoringProfile _profile;
    private readonly Dictionary<string, int> _hospitalIndex = new(StringComparer.Ordinal);
    private readonly List<string> _hospitals = new();
    private readonly Dictionary<string, string> _levels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _groupIndex = new(StringComparer.Ordinal);
    private readonly List<string> _groups = new();
    private readonly NumberByReference _hospitalNumbers = new();
    private readonly NumberByReference _groupNumbers = new();
    private readonly LongKeyTable _cells = new();
    private Cell[] _cellData = new Cell[16];
    private readonly LongKeyTable _months = new();
    private MonthSums[] _monthData = new MonthSums[16];
    private readonly PersonStayBook _stays = new();
    private readonly AppendOnlyChunks<ShortStay> _short = new();
    private readonly LongKeyTable _severityCells = new();
    private SeverityCounts[] _severityData = new SeverityCounts[16];
    private readonly SevereCaseBook _severeCases = new();
    private readonly Dictionary<(int Hospital, int Adrg), SeverityCell> _previousSeverity = new();
    private readonly Dictionary<string, int> _adrgIndex = new(StringComparer.Ordinal);
    private readonly List<string> _adrgs = new();
    private readonly Dictionary<(int Hospital, int Group), PreviousCell> _previous = new();
    private readonly Dictionary<int, (long Cases, decimal Points)> _previousUngrouped = new();
    private readonly Dictionary<string, HospitalQcCounts> _qc = new(StringComparer.Ordinal);
    private string? _lastQcHospital;
    private HospitalQcCounts? _lastQc;

    /// <summary>Each numbered hospital's QC tally (the same objects as in <see cref="_qc"/>), by the number the read-ahead
    /// found: <see cref="AddQualityCheckReadAhead"/> takes it without hashing the id.</summary>
    private HospitalQcCounts?[] _qcByNumber = new HospitalQcCounts?[64];
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly List<ReviewCase> _review = new();
    private readonly Dictionary<(string Reason, int Hospital), int> _reviewListed = new();
    private readonly List<int> _relatedOf = new();
    private readonly List<int> _adrgOf = new();
    private readonly List<bool> _severeOf = new();
    private bool _finished;
    private int _scanRuns;
    private long[] _aheadKeys = Array.Empty<long>();
    private long[] _aheadSeverityKeys = Array.Empty<long>();
    private int[] _aheadHospitals = Array.Empty<int>();
    private int[] _aheadGroups = Array.Empty<int>();
    private int[] _aheadCells = Array.Empty<int>();
    private int[] _aheadSeverityCells = Array.Empty<int>();
    private int _aheadCount;
    private long _touched;
    private long _added, _outOfRange, _withoutDate, _withoutPatient, _withResult, _withoutResult, _withoutGroup;

    /// <summary>Creates a monitor.</summary>
    /// <param name="profile">The thresholds (<see cref="MonitoringProfile.Default"/> for the national default).</param>
    public SupervisionMonitor(MonitoringProfile profile)
    {
        _profile = profile ?? throw new ArgumentNullException(nameof(profile));
        _counts["overlapping_stays"] = 0;
        _counts["duplicate_stays"] = 0;
    }

    /// <summary>How many runs of buckets the readmission scan splits the stays into (0: 16 a core); the report does not
    /// depend on it (the tests compare 1 with many).</summary>
    internal int ScanRuns
    {
        get => _scanRuns;
        set => _scanRuns = value;
    }

    /// <summary>定级 — sets a hospital's level (一级/二级/三级 or any label); hospitals without one are at level <c>all</c>.</summary>
    /// <param name="hospitalId">The hospital id.</param>
    /// <param name="level">The level label.</param>
    /// <exception cref="InvalidOperationException">After <see cref="Finish"/>: a monitor computes its report once.</exception>
    public void SetLevel(string hospitalId, string level)
    {
        ThrowIfFinished();
        _levels[hospitalId ?? throw new ArgumentNullException(nameof(hospitalId))] = level ?? throw new ArgumentNullException(nameof(level));
    }

    /// <summary>Adds the next case with its result, or null when the results file has none for it; its row is the count
    /// of cases added so far (1, 2 …). A case without a discharge date is counted, not used. When some rows of the file
    /// are not added (rejected by the reader), use <see cref="Add(InpatientCase, CaseResult?, long)"/> with the file's
    /// row, so the cases to review name the right rows.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <param name="result">Its DRG/DIP result, or null.</param>
    /// <exception cref="InvalidOperationException">After <see cref="Finish"/>: a monitor computes its report once.</exception>
    public void Add(InpatientCase inpatientCase, CaseResult? result) => Add(inpatientCase, result, _added + 1);

    /// <summary>Adds a case with its result (or null) and its data row in the case file (1 = the first row after the
    /// header), the row the cases to review name. A case without a discharge date is counted, not used.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <param name="result">Its DRG/DIP result, or null.</param>
    /// <param name="row">Its data row in the case file, 1 to 2 147 483 647.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is below 1 or above <see cref="int.MaxValue"/>.</exception>
    /// <exception cref="InvalidOperationException">After <see cref="Finish"/>: a monitor computes its report once.</exception>
    public void Add(InpatientCase inpatientCase, CaseResult? result, long row)
    {
        ThrowIfFinished();
        Add(MonitorCase.From(inpatientCase ?? throw new ArgumentNullException(nameof(inpatientCase))), result, row);
    }

    /// <summary>The cases read ahead at once by <c>medpay monitor</c> (<see cref="ReadAhead"/>): enough to keep several misses
    /// in flight, few enough that the lines brought in are still in the core's cache when their cases are added
    /// (docs/performance.md, change 65: 128 against 1 024, 64 and 32 measured).</summary>
    internal const int ReadAheadRun = 128;

    /// <summary>
    /// Reads ahead the cells that the next <paramref name="count"/> calls of <see cref="Add(in MonitorCase, CaseResult?, long)"/>
    /// will add to (the cases, results and rows from <paramref name="start"/>, in that order; the i-th is then added as
    /// <see cref="AddReadAhead"/> <c>i</c>), in two loops — the cell and severity tables' slots
    /// prefetched (or, where the processor has no prefetch instruction, read), then each key looked up there and the cell
    /// and severity count it names prefetched (or read) — so their cache misses overlap instead of following one another
    /// (docs/performance.md, changes 12, 18 and 54); the hospital and group numbers it finds are kept for
    /// <see cref="AddReadAhead"/> (change 22), and so are the places of the cells and severity counts it found (change 33:
    /// a place never changes once a cell is added; a cell not added yet is kept as not found). Changes nothing else: a
    /// hospital or group not numbered yet, a case without a group or without a usable date is skipped.
    /// </summary>
    /// <remarks>A caller reads ahead runs of <see cref="ReadAheadRun"/> cases, then adds them: the lines brought in for a
    /// whole block of 1 024 cases were partly evicted again before their cases were added (docs/performance.md, change 65).</remarks>
    internal void ReadAhead(MonitorCase[] cases, CaseResult?[] results, long[] rows, int start, int count)
    {
        if (_aheadKeys.Length < count)
        {
            _aheadKeys = new long[count];
            _aheadSeverityKeys = new long[count];
            _aheadHospitals = new int[count];
            _aheadGroups = new int[count];
            _aheadCells = new int[count];
            _aheadSeverityCells = new int[count];
        }

        _aheadCount = count;
        var keys = _aheadKeys;
        var severityKeys = _aheadSeverityKeys;
        long touched = 0;
        for (var i = 0; i < count; i++)
        {
            keys[i] = -1;
            severityKeys[i] = -1;
            _aheadHospitals[i] = -1;
            _aheadGroups[i] = -1;
            ref readonly var c = ref cases[start + i];
            if (rows[start + i] > 0 && c.State == MonitorCase.DateState.Usable && _hospitalNumbers.TryGet(_hospitalIndex, c.HospitalId, out var h))
            {
                _aheadHospitals[i] = h; // numbered once, never renumbered: Add takes it instead of looking it up again
                if (results[start + i] is { Group.Length: > 0 } result && _groupNumbers.TryGet(_groupIndex, result.Group, out var g))
                {
                    _aheadGroups[i] = g;
                    keys[i] = Key(h, g, c.Month);
                    if (g < _adrgOf.Count && _adrgOf[g] is var adrg && adrg >= 0)
                    {
                        severityKeys[i] = SeverityKey(h, adrg);
                    }
                }
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (keys[i] >= 0)
            {
                touched ^= _cells.Touch(keys[i]);
            }

            if (severityKeys[i] >= 0)
            {
                touched ^= _severityCells.Touch(severityKeys[i]);
            }
        }

        // The cells' places found here are kept for Add (a place never changes once a cell is added; −1: not there yet).
        var cells = _cellData;
        var severity = _severityData;
        for (var i = 0; i < count; i++)
        {
            var index = keys[i] >= 0 ? _cells.IndexOf(keys[i]) : -1;
            _aheadCells[i] = index;
            if (index >= 0)
            {
                touched ^= CacheLine.Touch(ref cells[index]);
            }

            var severityIndex = severityKeys[i] >= 0 ? _severityCells.IndexOf(severityKeys[i]) : -1;
            _aheadSeverityCells[i] = severityIndex;
            if (severityIndex >= 0)
            {
                touched ^= CacheLine.Touch(ref severity[severityIndex]);
            }
        }

        Volatile.Write(ref _touched, touched); // kept, so the loads above stay in the compiled code
    }

    /// <summary>Adds a case already read by <see cref="MonitorCase.From"/> (<c>medpay monitor</c> reads it on the converting
    /// thread), with its result or null and its data row.</summary>
    internal void Add(in MonitorCase inpatientCase, CaseResult? result, long row) => Add(inpatientCase, result, row, -1);

    /// <summary>Adds case <c>start + </c><paramref name="ahead"/> of the run last given to <see cref="ReadAhead"/> (the same case,
    /// result and row): the hospital and group numbers and the cell places it found are taken instead of being looked up
    /// again.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ahead"/> is not a case of the last run read ahead.</exception>
    internal void AddReadAhead(int ahead, in MonitorCase inpatientCase, CaseResult? result, long row) =>
        Add(inpatientCase, result, row, ahead >= 0 && ahead < _aheadCount ? ahead : throw new ArgumentOutOfRangeException(nameof(ahead), "Not a case of the last run read ahead."));

    private void Add(in MonitorCase inpatientCase, CaseResult? result, long row, int ahead)
    {
        ThrowIfFinished();
        if (row < 1 || row > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(row), "A data row is 1 to 2 147 483 647.");
        }

        _added++;
        if (result is null)
        {
            _withoutResult++;
        }
        else
        {
            _withResult++;
        }

        if (inpatientCase.State == MonitorCase.DateState.NoDischargeDate)
        {
            _withoutDate++;
            return;
        }

        if (inpatientCase.State == MonitorCase.DateState.OutOfRange)
        {
            // MONITOR_DATE_OUT_OF_RANGE (discharge_date / admission_date): a year outside 1900–2199 (a typo such as 6026)
            // is counted, not used — it would not fit the month in the cell key.
            _outOfRange++;
            return;
        }

        var groupCode = result is { Group.Length: > 0 } ? result.Group : string.Empty;
        if (groupCode.Length == 0)
        {
            // Without a result the main diagnosis category (类目, 3 characters) stands in for the group.
            _withoutGroup++;
            var dx = inpatientCase.MainDiagnosis.ToString();
            groupCode = "DX:" + (dx.Length >= 3 ? dx.Substring(0, 3) : dx);
        }

        var h = ahead >= 0 && _aheadHospitals[ahead] >= 0 ? _aheadHospitals[ahead] : Index(_hospitalIndex, _hospitals, inpatientCase.HospitalId);
        var g = ahead >= 0 && _aheadGroups[ahead] >= 0 ? _aheadGroups[ahead] : Index(_groupIndex, _groups, groupCode);
        var month = inpatientCase.Month;
        var added = false;
        var index = ahead >= 0 && _aheadCells[ahead] >= 0 ? _aheadCells[ahead] : _cells.GetOrAdd(Key(h, g, month), out added);
        if (added && index == _cellData.Length)
        {
            FreshArrays.Resize(ref _cellData, index * 2);
        }

        ref var cell = ref _cellData[index];
        var cost = inpatientCase.CostFen;
        var los = inpatientCase.LengthOfStayDays;
        var death = inpatientCase.Death ? 1 : 0;
        cell.Cases++;
        cell.CostFen += cost;
        cell.LosDays += los;
        cell.Deaths += death;

        // What does not depend on the group is summed per hospital × month: a small table that stays in cache.
        var monthIndex = _months.GetOrAdd(MonthKey(h, month), out added);
        if (added && monthIndex == _monthData.Length)
        {
            FreshArrays.Resize(ref _monthData, monthIndex * 2);
        }

        ref var sums = ref _monthData[monthIndex];
        sums.Cases++;
        sums.CostFen += cost;
        sums.Deaths += death;
        sums.OutOfCatalogFen += inpatientCase.OutOfCatalogFen;
        sums.Referrals += inpatientCase.Referral ? 1 : 0;
        if (result?.Weight is not null)
        {
            sums.WeightCases++;
            sums.WeightSum.Add(result.WeightTerm);
        }

        if (result?.Points is not null)
        {
            sums.PointsSum.Add(result.PointsTerm);
        }

        if (result?.Deviation is { } deviation)
        {
            sums.DeviationKnown++;
            sums.Deviation += deviation ? 1 : 0;
        }

        if (result?.SpecialReview is { } review)
        {
            sums.ReviewKnown++;
            sums.Review += review ? 1 : 0;
        }

        if (los > _profile.OverlongStayDays)
        {
            sums.Overlong++;
            if (CountReview("overlong_stay", h))
            {
                ListReview("overlong_stay", h, row, inpatientCase.CaseId, null, "los > " + _profile.OverlongStayDays.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (los <= _profile.LowStandardMaxLosDays)
        {
            _short.Add(new ShortStay(h, g, month, (int)row, cost)); // row ≤ int.MaxValue: checked above
        }

        while (_relatedOf.Count <= g)
        {
            _relatedOf.Add(-1);
            _adrgOf.Add(-1);
            _severeOf.Add(false);
        }

        if (_relatedOf[g] < 0)
        {
            // Once per group: its related-group key, and its ADRG and severity when it is a split DRG.
            _relatedOf[g] = Index(_groupIndex, _groups, "~" + DrgSeverity.Related(groupCode));
            if (DrgSeverity.TryRead(groupCode, out var a, out var sev))
            {
                _adrgOf[g] = Index(_adrgIndex, _adrgs, a);
                _severeOf[g] = sev;
            }
        }

        if (_adrgOf[g] is var adrg && adrg >= 0)
        {
            var severe = _severeOf[g];
            var isNew = false;
            var severityCell = ahead >= 0 && _aheadSeverityCells[ahead] >= 0 ? _aheadSeverityCells[ahead] : _severityCells.GetOrAdd(SeverityKey(h, adrg), out isNew);
            if (isNew && severityCell == _severityData.Length)
            {
                FreshArrays.Resize(ref _severityData, severityCell * 2);
            }

            ref var s = ref _severityData[severityCell];
            s.Cases++;
            if (severe)
            {
                s.Severe++;
                if (s.Kept < _profile.MaxReviewCasesPerHospital)
                {
                    s.Kept++;
                    _severeCases.Add(severityCell, (int)row, inpatientCase.CaseId); // row ≤ int.MaxValue: checked above
                }
            }
        }

        if (!inpatientCase.HasPatient)
        {
            _withoutPatient++;
        }
        else
        {
            _stays.Add(new PersonStay(inpatientCase.PatientHash, inpatientCase.AdmissionDay, inpatientCase.DischargeDay, h, g, _relatedOf[g], checked((int)row)));
        }
    }

    /// <summary>Adds a case of the previous year (from its results file): hospital, group, total cost and points. A case
    /// without a group (empty: ungroupable 0000/QY or rejected) counts for case and points growth, in no group.</summary>
    /// <param name="hospitalId">The hospital id.</param>
    /// <param name="group">The group, or empty.</param>
    /// <param name="totalCost">Its total cost.</param>
    /// <param name="points">Its points, or null.</param>
    /// <exception cref="InvalidOperationException">After <see cref="Finish"/>: a monitor computes its report once.</exception>
    public void AddPrevious(string hospitalId, string group, Money totalCost, decimal? points)
    {
        ThrowIfFinished();
        if (hospitalId is null || group is null)
        {
            throw new ArgumentNullException(hospitalId is null ? nameof(hospitalId) : nameof(group));
        }

        var h = Index(_hospitalIndex, _hospitals, hospitalId);
        if (group.Length == 0)
        {
            _previousUngrouped.TryGetValue(h, out var u);
            _previousUngrouped[h] = (u.Cases + 1, u.Points + (points ?? 0m));
            return;
        }

        var g = Index(_groupIndex, _groups, group);
        if (!_previous.TryGetValue((h, g), out var p))
        {
            p = new PreviousCell();
            _previous.Add((h, g), p);
        }

        p.Cases++;
        p.CostFen += totalCost.Fen;
        p.PointsSum += points ?? 0m;
        if (DrgSeverity.TryRead(group, out var adrgCode, out var severe))
        {
            var adrg = Index(_adrgIndex, _adrgs, adrgCode);
            if (!_previousSeverity.TryGetValue((h, adrg), out var s))
            {
                s = new SeverityCell();
                _previousSeverity.Add((h, adrg), s);
            }

            s.Cases++;
            s.Severe += severe ? 1 : 0;
        }
    }

    /// <summary>Adds one row of the settlement-list quality check (<c>medpay check</c> issues.csv).</summary>
    /// <param name="hospitalId">The hospital id of the row.</param>
    /// <param name="status"><c>accepted</c>, <c>warning</c> or <c>rejected</c> (any case).</param>
    /// <exception cref="ArgumentException">Another status: it is never taken as accepted.</exception>
    /// <exception cref="InvalidOperationException">After <see cref="Finish"/>: a monitor computes its report once.</exception>
    public void AddQualityCheck(string hospitalId, string status)
    {
        ThrowIfFinished();
        hospitalId ??= string.Empty;
        if (!IsQualityCheckStatus(status))
        {
            throw new ArgumentException("The status is not accepted, warning or rejected.", nameof(status));
        }

        AddQualityCheck(hospitalId, string.Equals(status, "rejected", StringComparison.OrdinalIgnoreCase), string.Equals(status, "warning", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Adds one row's QC status as <see cref="AddQualityCheck(string, string)"/> does, given as two flags (neither:
    /// accepted; both: rejected, as a rejected row's warnings do not count): <c>medpay monitor --check</c> gives every
    /// row's, without a status text to compare.</summary>
    internal void AddQualityCheck(string hospitalId, bool rejected, bool warning)
    {
        ThrowIfFinished();
        hospitalId ??= string.Empty;

        // The reader gives a hospital's rows one shared id text: a run of rows of one hospital looks it up once.
        var tally = ReferenceEquals(hospitalId, _lastQcHospital) ? _lastQc! : QcTally(hospitalId);
        _lastQcHospital = hospitalId;
        _lastQc = tally;
        Count(tally, rejected, warning);
    }

    /// <summary><see cref="AddQualityCheck(string, bool, bool)"/> for case <c>start + </c><paramref name="ahead"/> of the run last given to
    /// <see cref="ReadAhead"/>, whose hospital id is <paramref name="hospitalId"/>: when the read-ahead found the hospital's
    /// number, its tally is taken by number instead of by hashing the id (a file's rows seldom come a hospital at a
    /// time; docs/performance.md, change 66).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ahead"/> is not a case of the last run read ahead.</exception>
    internal void AddQualityCheckReadAhead(int ahead, string hospitalId, bool rejected, bool warning)
    {
        var h = ahead >= 0 && ahead < _aheadCount ? _aheadHospitals[ahead] : throw new ArgumentOutOfRangeException(nameof(ahead), "Not a case of the last run read ahead.");
        if (h < 0)
        {
            AddQualityCheck(hospitalId, rejected, warning);
            return;
        }

        ThrowIfFinished();
        if (h >= _qcByNumber.Length)
        {
            Array.Resize(ref _qcByNumber, Math.Max(h + 1, _qcByNumber.Length * 2));
        }

        // A numbered hospital's id is the text it was numbered by (the read-ahead found it by that text).
        Debug.Assert(string.Equals(_hospitals[h], hospitalId, StringComparison.Ordinal), "The hospital the read-ahead numbered.");
        var tally = _qcByNumber[h] ??= QcTally(hospitalId);
        Count(tally, rejected, warning);
    }

    /// <summary>The QC tally of a hospital id, added at its first row.</summary>
    private HospitalQcCounts QcTally(string hospitalId)
    {
        if (!_qc.TryGetValue(hospitalId, out var tally))
        {
            _qc.Add(hospitalId, tally = new HospitalQcCounts());
        }

        return tally;
    }

    /// <summary>One row's QC status in its hospital's tally (a rejected row's warnings do not count).</summary>
    private static void Count(HospitalQcCounts tally, bool rejected, bool warning)
    {
        tally.Rows++;
        tally.Rejected += rejected ? 1 : 0;
        tally.Warnings += warning && !rejected ? 1 : 0;
    }

    /// <summary>Computes every indicator from what was added — once: afterwards every method of the monitor throws.</summary>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidOperationException">After <see cref="Finish"/>: a monitor computes its report once.</exception>
    [MethodImpl(JitHints.Optimize)]
    public MonitoringReport Finish()
    {
        // Finish sorts the stays and adds to the review list and counts: a second call would count twice.
        ThrowIfFinished();
        _finished = true;
        var groupCount = _groups.Count;
        var regionCases = new long[groupCount];
        var regionCost = new long[groupCount];
        var regionLos = new long[groupCount];
        var regionDeaths = new long[groupCount];
        for (var i = 0; i < _cells.Count; i++)
        {
            var g = GroupOf(_cells.KeyAt(i));
            ref var cell = ref _cellData[i];
            regionCases[g] += cell.Cases;
            regionCost[g] += cell.CostFen;
            regionLos[g] += cell.LosDays;
            regionDeaths[g] += cell.Deaths;
        }

        var lowRisk = LowRiskGroups(regionCases, regionDeaths);
        var lowStandard = LowStandard(regionCases, regionCost);

        // Each hospital's and group's rank among the ids and codes in ordinal order: the group table's row order and the
        // readmission scan's order of same-date stays, both independent of the order in which they first appeared.
        var hospitalRanks = Ranks(_hospitals);
        var groupRanks = Ranks(_groups);

        // The group table and the hospital × month group terms read only what was added and the region's sums above,
        // nothing Finish writes: they are made on threads of their own while the readmission scan sorts the stays on the
        // cores, so the end of Finish does not wait for them on one core (docs/performance.md, change 57). Dedicated
        // threads, not the pool's: the scan's parallel loop takes the pool's.
        static Task<T> OnOwnThread<T>(Func<T> work) => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var groupRowsTask = OnOwnThread(() => GroupRows(regionCases, regionCost, regionLos, regionDeaths, lowRisk, hospitalRanks, groupRanks));
        var monthsTask = OnOwnThread(() => MonthPeriods(regionCases, regionCost, regionLos, lowRisk));
        Dictionary<(int Hospital, int Month), StayCounts> readmission;
        try
        {
            readmission = Readmissions(new PersonStayOrder(hospitalRanks, groupRanks));
        }
        catch
        {
            // The scan's error leaves, but not before the two threads have stopped reading the monitor.
            try
            {
                Task.WaitAll(groupRowsTask, monthsTask);
            }
            catch (AggregateException)
            {
                // Theirs would only repeat or follow the scan's: the scan's error is the one that leaves.
            }

            throw;
        }

        // The severity table reads only the severity counts and the severe cases, and adds its drivers to the review list,
        // which nothing else adds to from here on (the readmission and low-standard reviews are in): made beside the
        // hospital table too, so the end of Finish does not wait for it on one core.
        var severityTask = Task.Run(SeverityShift);
        var months = monthsTask.GetAwaiter().GetResult();
        for (var i = 0; i < _months.Count; i++)
        {
            var monthKey = _months.KeyAt(i);
            var period = months[(HospitalOfMonthKey(monthKey), MonthOfKey(monthKey))];
            period.Add(in _monthData[i]);
            period.LowStandard += lowStandard[i];
        }

        foreach (var pair in readmission)
        {
            if (!months.TryGetValue(pair.Key, out var period))
            {
                continue;
            }

            period.Stays += pair.Value.Stays;
            period.Split += pair.Value.Split;
            for (var w = 0; w < pair.Value.Readmitted.Length; w++)
            {
                period.Readmitted[w] += pair.Value.Readmitted[w];
            }
        }

        var previousByHospital = _previous.GroupBy(p => p.Key.Hospital).ToDictionary(x => x.Key, x => (Cases: x.Sum(p => p.Value.Cases), Points: x.Sum(p => p.Value.PointsSum)));
        foreach (var pair in _previousUngrouped)
        {
            // Case growth counts every previous-year case, whatever its group, as this year's cases count every case.
            previousByHospital.TryGetValue(pair.Key, out var sum);
            previousByHospital[pair.Key] = (sum.Cases + pair.Value.Cases, sum.Points + pair.Value.Points);
        }

        var hasPrevious = _previous.Count > 0 || _previousUngrouped.Count > 0;
        var rows = new List<IndicatorRow>();
        foreach (var hospital in months.GroupBy(p => p.Key.Hospital).OrderBy(x => _hospitals[x.Key], StringComparer.Ordinal))
        {
            var h = hospital.Key;
            var id = _hospitals[h];
            var level = LevelOf(id);
            var periods = new List<(string Text, Period Value, bool IsYear)>();
            foreach (var year in hospital.GroupBy(p => p.Key.Month / 12))
            {
                var total = new Period(_profile.ReadmissionDays.Count);
                foreach (var month in year)
                {
                    total.Add(month.Value);
                    periods.Add((MonthText(month.Key.Month), month.Value, false));
                }

                periods.Add((Year(year.Key * 12), total, true));
            }

            foreach (var (period, p, isYear) in periods.OrderBy(x => x.Text, StringComparer.Ordinal))
            {
                void Add(string name, decimal numerator, decimal denominator)
                {
                    if (denominator > 0m)
                    {
                        rows.Add(new IndicatorRow(id, level, period, name, numerator / denominator, numerator, denominator));
                    }
                }

                decimal cases = p.Cases;
                Add("cases", cases, 1m);
                Add("cmi", p.WeightSum, p.WeightCases);
                Add("cost_index", p.CostIndex, cases);
                Add("time_index", p.TimeIndex, cases);
                Add("deviation_share", p.Deviation, p.DeviationKnown);
                Add("special_review_share", p.Review, p.ReviewKnown);
                Add("low_risk_death_rate", p.LowRiskDeaths, p.LowRiskCases);
                for (var w = 0; w < _profile.ReadmissionDays.Count; w++)
                {
                    Add("readmission_" + _profile.ReadmissionDays[w].ToString(CultureInfo.InvariantCulture) + "d_rate", p.Readmitted[w], p.Stays);
                }

                Add("split_admission_rate", p.Split, p.Stays);
                Add("low_standard_admission_rate", p.LowStandard, cases);
                Add("overlong_stay_rate", p.Overlong, cases);
                Add("out_of_catalog_share", p.OutOfCatalogFen, p.CostFen);
                Add("referral_rate", p.Referrals, cases);
                if (isYear && hasPrevious)
                {
                    previousByHospital.TryGetValue(h, out var previous);
                    Add("case_growth", cases - previous.Cases, previous.Cases);
                    Add("points_growth", p.PointsSum - previous.Points, previous.Points);
                }
            }
        }

        foreach (var pair in _qc.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (pair.Value.Rows > 0)
            {
                rows.Add(new IndicatorRow(pair.Key, LevelOf(pair.Key), "all", "coding_error_rate", (decimal)pair.Value.Rejected / pair.Value.Rows, pair.Value.Rejected, pair.Value.Rows));
                rows.Add(new IndicatorRow(pair.Key, LevelOf(pair.Key), "all", "coding_warning_rate", (decimal)pair.Value.Warnings / pair.Value.Rows, pair.Value.Warnings, pair.Value.Rows));
            }
        }

        PeerComparison.Fill(rows);
        _counts["cases"] = _added;
        _counts["cases_with_result"] = _withResult;
        _counts["cases_without_result"] = _withoutResult;
        _counts["cases_without_discharge_date"] = _withoutDate;
        _counts[DateOutOfRangeCount] = _outOfRange;
        _counts["cases_without_patient_id"] = _withoutPatient;
        _counts["cases_without_group"] = _withoutGroup;
        var counts = new Dictionary<string, long>(_counts, StringComparer.Ordinal);
        var groupRows = groupRowsTask.GetAwaiter().GetResult();
        var lowRiskRows = Enumerable.Range(0, groupCount).Where(g => regionCases[g] > 0)
            .Select(g => new LowRiskGroup(_groups[g], regionCases[g], regionDeaths[g], lowRisk[g])).OrderBy(r => r.Group, StringComparer.Ordinal).ToList();
        var severity = severityTask.GetAwaiter().GetResult();
        counts["review_cases_found"] = _reviewListed.Values.Sum();
        counts["review_cases_listed"] = _review.Count;
        return new MonitoringReport(_profile, rows, groupRows, lowRiskRows, severity, _review.ToList(), counts);
    }

    /// <summary>
    /// 低风险组 — a group is low-risk when it has no deaths, or when ln(its mortality) is below the mean minus k population
    /// SDs of ln(mortality) over the groups with deaths (k = <see cref="MonitoringProfile.LowRiskSdMultiplier"/>).
    /// </summary>
    private bool[] LowRiskGroups(long[] cases, long[] deaths)
    {
        var logs = Enumerable.Range(0, cases.Length).Where(g => cases[g] > 0 && deaths[g] > 0).Select(g => Math.Log((double)deaths[g] / cases[g])).ToList();
        var mean = logs.Count == 0 ? 0d : logs.Average();
        var sd = logs.Count == 0 ? 0d : Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / logs.Count);
        var threshold = mean - ((double)_profile.LowRiskSdMultiplier * sd);
        return Enumerable.Range(0, cases.Length).Select(g => cases[g] > 0 && (deaths[g] == 0 || Math.Log((double)deaths[g] / cases[g]) < threshold)).ToArray();
    }

    /// <summary>
    /// 低标入院 — stays of at most the profile's days costing at most the profile's share of their group's regional mean,
    /// in groups where such stays are at most the rare share of the group's cases. Counted per hospital × month, at the
    /// month table's places (every short stay's hospital and month has one).
    /// </summary>
    [MethodImpl(JitHints.Optimize)]
    private long[] LowStandard(long[] cases, long[] cost)
    {
        // A short stay is cheap when its cost × the group's cases ≤ the ratio × the group's cost (at most the ratio of the
        // group's mean, compared in decimal); the right side, and whether cheap stays are rare in a group, are the group's
        // own: the same decimal values as before, computed once per group rather than per stay (docs/performance.md, change 32).
        var limit = new decimal[cases.Length];
        for (var g = 0; g < cases.Length; g++)
        {
            limit[g] = _profile.LowStandardMaxCostRatio * cost[g];
        }

        var cheap = new bool[_short.Count];
        var cheapPerGroup = new long[cases.Length];
        for (var i = 0; i < _short.Count; i++)
        {
            var s = _short[i];
            cheap[i] = cases[s.Group] > 0 && s.CostFen * (decimal)cases[s.Group] <= limit[s.Group];
            cheapPerGroup[s.Group] += cheap[i] ? 1 : 0;
        }

        var rare = new bool[cases.Length];
        for (var g = 0; g < cases.Length; g++)
        {
            rare[g] = cheapPerGroup[g] <= _profile.LowStandardRareShare * cases[g];
        }

        // Counted per hospital × month at the month table's places, and listed as CountReview would list them one by one: a
        // hospital's first finds, after the ones it had already.
        const string Reason = "low_standard_admission";
        var perMonth = new long[_months.Count];
        var earlier = new int[_hospitals.Count];
        var found = new int[_hospitals.Count];
        for (var h = 0; h < earlier.Length; h++)
        {
            _reviewListed.TryGetValue((Reason, h), out var listed);
            earlier[h] = listed;
        }

        for (var i = 0; i < _short.Count; i++)
        {
            var s = _short[i];
            if (!cheap[i] || !rare[s.Group])
            {
                continue;
            }

            perMonth[_months.IndexOf(MonthKey(s.Hospital, s.Month))]++;

            // Named by its row, like the readmission pairs: the candidates are known only at the end, so keeping their ids would
            // keep the text of every short stay's id (docs/monitoring.md, Memory).
            if (earlier[s.Hospital] + found[s.Hospital]++ < _profile.MaxReviewCasesPerHospital)
            {
                ListReview(Reason, s.Hospital, s.Row, string.Empty, null, "group " + _groups[s.Group]);
            }
        }

        for (var h = 0; h < found.Length; h++)
        {
            if (found[h] > 0)
            {
                _reviewListed[(Reason, h)] = earlier[h] + found[h];
            }
        }

        return perMonth;
    }

    /// <summary>
    /// 再入院 and 分解住院 — the stays sorted by person and dates; each stay is compared with the same person's next stay
    /// admitted on or after the latest discharge so far: within N days (0 ≤ next admission − this discharge ≤ N) it is a
    /// readmission of N days, counted at the discharging hospital in its discharge month; within the split window, in the
    /// same related group (and the same hospital when the profile says so), a split-admission suspect counted the same
    /// way. A stay beginning inside an earlier stay (overlapping) or repeating one (same admission and discharge,
    /// duplicate) is counted apart and is not an index stay; of the same-date stays the index stay is the one of the
    /// hospital whose id, then of the group whose code, sorts first (<see cref="PersonStayOrder"/>), whatever the file's order.
    /// </summary>
    [MethodImpl(JitHints.Optimize)]
    private Dictionary<(int Hospital, int Month), StayCounts> Readmissions(PersonStayOrder order)
    {
        // The stays were distributed by person into buckets as they were added (a person's stays are in one bucket; the
        // buckets in order, each sorted, are the global order). Runs of whole buckets are sorted and scanned on the
        // available cores, each bucket's chunks let go once copied; then the runs are merged in bucket order: the counts
        // are sums, and the review lists take each reason's and hospital's first cases as one scan in order would
        // (docs/performance.md, change 19).
        var windows = _profile.ReadmissionDays;
        var readmissionReason = windows.Count > 0 ? "readmission_" + windows[0].ToString(CultureInfo.InvariantCulture) + "d" : string.Empty;
        var runs = Math.Max(1, Math.Min(PersonStayBook.BucketCount, _scanRuns > 0 ? _scanRuns : 16 * Environment.ProcessorCount));
        var scans = new StayScan[runs];
        var months = StayMonths.Of(_months, _hospitals.Count, windows);
        Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, [MethodImpl(JitHints.Optimize)] (r) =>
        {
            var scan = new StayScan(months);
            var chunks = Array.Empty<PersonStay[]>();
            var keys = Array.Empty<ulong>();
            var spare = Array.Empty<ulong>();
            var sorted = Array.Empty<PersonStay>();
            var last = (int)((long)PersonStayBook.BucketCount * (r + 1) / runs);
            for (var b = (int)((long)PersonStayBook.BucketCount * r / runs); b < last; b++)
            {
                var count = PersonStaySort.SortBucket(_stays, b, ref keys, ref spare, ref chunks, ref sorted, order);
                ScanStays(sorted, count, readmissionReason, months, scan);
            }

            scans[r] = scan;
        });

        var result = new Dictionary<(int, int), StayCounts>();
        void Merge((int, int) key, StayCounts value)
        {
            if (!result.TryGetValue(key, out var counts))
            {
                result.Add(key, value);
                return;
            }

            counts.Stays += value.Stays;
            counts.Split += value.Split;
            for (var w = 0; w < counts.Readmitted.Length; w++)
            {
                counts.Readmitted[w] += value.Readmitted[w];
            }
        }

        foreach (var scan in scans)
        {
            _counts["duplicate_stays"] += scan.Duplicates;
            _counts["overlapping_stays"] += scan.Overlapping;
            for (var place = 0; place < scan.ByPlace.Length; place++)
            {
                if (scan.ByPlace[place] is { } counts)
                {
                    Merge(months.KeyOf(place), counts);
                }
            }

            foreach (var pair in scan.Counts)
            {
                Merge(pair.Key, pair.Value);
            }

            // The scan kept each reason's and hospital's first cases of its run; the ones still within the list's length
            // after the runs before it are listed, and every case found is counted, as CountReview does one by one.
            // (The counts of the runs before this one are in _reviewListed; this run's are added after its list.)
            foreach (var listed in scan.Listed)
            {
                _reviewListed.TryGetValue((listed.Reason, listed.Hospital), out var earlier);
                if (earlier + listed.Ordinal < _profile.MaxReviewCasesPerHospital)
                {
                    ListReview(listed.Reason, listed.Hospital, listed.Row, string.Empty, listed.RelatedRow, listed.Detail);
                }
            }

            foreach (var found in scan.Found)
            {
                _reviewListed.TryGetValue(found.Key, out var earlier);
                _reviewListed[found.Key] = earlier + found.Value;
            }
        }

        return result;
    }

    /// <summary>
    /// Scans one sorted bucket of stays (the first <paramref name="count"/> of <paramref name="stays"/>): counts per
    /// discharging hospital and month, duplicates and overlaps, and the cases to review (<paramref name="readmissionReason"/>
    /// and split admissions) in the order found.
    /// Reads the monitor's profile and group codes only: runs of buckets are scanned at once on several threads.
    /// </summary>
    [MethodImpl(JitHints.Optimize)]
    private void ScanStays(PersonStay[] stays, int count, string readmissionReason, StayMonths months, StayScan scan)
    {
        var windows = months.Windows;
        var latest = 0;
        for (var i = 0; i < count; i++)
        {
            var stay = stays[i];
            var place = months.PlaceOf(stay.Hospital, stay.Discharge);
            StayCounts? counts;
            if (place >= 0)
            {
                counts = scan.ByPlace[place] ??= new StayCounts(windows.Length);
            }
            else if (!scan.Counts.TryGetValue((stay.Hospital, MonthOfDay(stay.Discharge)), out counts))
            {
                counts = new StayCounts(windows.Length);
                scan.Counts.Add((stay.Hospital, MonthOfDay(stay.Discharge)), counts);
            }

            counts.Stays++;
            var first = i == 0 || stays[i - 1].Patient != stay.Patient;
            if (first)
            {
                latest = stay.Discharge;
            }
            else if (stays[i - 1].Admission == stay.Admission && stays[i - 1].Discharge == stay.Discharge)
            {
                // The same stay twice (same admission and discharge): a duplicate, neither a readmission nor a split.
                scan.Duplicates++;
                continue;
            }
            else if (stay.Admission < latest)
            {
                // Begins inside an earlier stay of the person: overlapping, not an index stay.
                scan.Overlapping++;
                latest = Math.Max(latest, stay.Discharge);
                continue;
            }
            else
            {
                latest = stay.Discharge;
            }

            // The next stay admitted on or after the latest discharge so far (this stay's), skipping stays that begin
            // inside it (overlapping, counted when their turn comes) and copies of this stay.
            var j = i + 1;
            while (j < count && stays[j].Patient == stay.Patient
                && (stays[j].Admission < latest || (stays[j].Admission == stay.Admission && stays[j].Discharge == stay.Discharge)))
            {
                j++;
            }

            if (j >= count || stays[j].Patient != stay.Patient)
            {
                continue;
            }

            var next = stays[j];
            var gap = next.Admission - stay.Discharge;
            for (var w = 0; w < windows.Length; w++)
            {
                counts.Readmitted[w] += gap <= windows[w] ? 1 : 0;
            }

            if (windows.Length > 0 && gap <= windows[0] && scan.Find(readmissionReason, stay.Hospital, _profile.MaxReviewCasesPerHospital, out var ordinal))
            {
                scan.Listed.Add(new FoundStay(readmissionReason, stay.Hospital, ordinal, next.Row, stay.Row, "days between " + gap.ToString(CultureInfo.InvariantCulture)));
            }

            if (gap <= _profile.SplitAdmissionDays && next.Related == stay.Related && (!_profile.SplitAdmissionSameHospital || next.Hospital == stay.Hospital))
            {
                counts.Split++;
                if (scan.Find("split_admission", stay.Hospital, _profile.MaxReviewCasesPerHospital, out ordinal))
                {
                    scan.Listed.Add(new FoundStay("split_admission", stay.Hospital, ordinal, next.Row, stay.Row,
                        "group " + _groups[next.Group] + " after " + _groups[stay.Group] + ", days between " + gap.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }
    }

    /// <summary>Hospital × month aggregates of the cells' group terms, each cell read once (its consumption-index terms
    /// computed once), the cells in the order they were first added: each month's decimal sums are added in that order
    /// whatever thread makes them. A year is the sum of its months.</summary>
    [MethodImpl(JitHints.Optimize)]
    private Dictionary<(int Hospital, int Month), Period> MonthPeriods(long[] regionCases, long[] regionCost, long[] regionLos, bool[] lowRisk)
    {
        var months = new Dictionary<(int Hospital, int Month), Period>();
        for (var i = 0; i < _cells.Count; i++)
        {
            var cellKey = _cells.KeyAt(i);
            var key = (HospitalOf(cellKey), MonthOfKey(cellKey));
            if (!months.TryGetValue(key, out var period))
            {
                period = new Period(_profile.ReadmissionDays.Count);
                months.Add(key, period);
            }

            var g = GroupOf(cellKey);
            period.Add(in _cellData[i], regionCases[g], regionCost[g], regionLos[g], lowRisk[g]);
        }

        return months;
    }

    [MethodImpl(JitHints.Optimize)]
    private List<GroupIndicatorRow> GroupRows(long[] regionCases, long[] regionCost, long[] regionLos, long[] regionDeaths, bool[] lowRisk, int[] hospitalRank, int[] groupRank)
    {
        var rows = new List<GroupIndicatorRow>();
        var prevRegion = _previous.GroupBy(p => p.Key.Group).ToDictionary(x => x.Key, x => (Cases: x.Sum(p => p.Value.Cases), Cost: x.Sum(p => p.Value.CostFen)));

        // The cells in the order of the table — year, then group code, then hospital id (ordinal) — by one sort of numbers:
        // year (four digits, so its text sorts as its number), the group's rank among the codes, the hospital's among the
        // ids. The months of a year, group and hospital are then adjacent and summed in one sweep, without grouping objects.
        var count = _cells.Count;
        var order = new long[count];
        var cellOf = new int[count];
        for (var i = 0; i < count; i++)
        {
            var key = _cells.KeyAt(i);
            order[i] = ((long)(MonthOfKey(key) / 12) << 48) | ((long)groupRank[GroupOf(key)] << 24) | (uint)hospitalRank[HospitalOf(key)];
            cellOf[i] = i;
        }

        Array.Sort(order, cellOf);

        // The sums of the cells cellOf[from .. to): a year and group, or one hospital's months in it.
        (long Cases, long CostFen, long LosDays, long Deaths) Sum(int from, int to)
        {
            long cases = 0, cost = 0, los = 0, deaths = 0;
            for (var i = from; i < to; i++)
            {
                ref var cell = ref _cellData[cellOf[i]];
                cases += cell.Cases;
                cost += cell.CostFen;
                los += cell.LosDays;
                deaths += cell.Deaths;
            }

            return (cases, cost, los, deaths);
        }

        for (var start = 0; start < count;)
        {
            // One year and group: [start, end).
            var end = start + 1;
            while (end < count && (order[end] >> 24) == (order[start] >> 24))
            {
                end++;
            }

            var firstKey = _cells.KeyAt(cellOf[start]);
            var g = GroupOf(firstKey);
            var year = Year(MonthOfKey(firstKey));
            var regionMeanCost = Yuan(regionCost[g], regionCases[g]);
            var regionMeanLos = (decimal)regionLos[g] / regionCases[g];
            var (yc, ycost, ylos, yd) = Sum(start, end);

            var hasPrev = prevRegion.TryGetValue(g, out var pr);
            rows.Add(new GroupIndicatorRow(string.Empty, string.Empty, _groups[g], year, yc, yd, Yuan(ycost, yc), (decimal)ylos / yc, regionMeanCost, regionMeanLos,
                _previous.Count > 0 ? (hasPrev ? pr.Cases : 0) : null, hasPrev && pr.Cases > 0 ? Yuan(pr.Cost, pr.Cases) : null, lowRisk[g]));
            for (var at = start; at < end;)
            {
                // One hospital of that year and group: [at, next).
                var next = at + 1;
                while (next < end && order[next] == order[at])
                {
                    next++;
                }

                var h = HospitalOf(_cells.KeyAt(cellOf[at]));
                var (c, cost, los, d) = Sum(at, next);

                var has = _previous.TryGetValue((h, g), out var prev);
                rows.Add(new GroupIndicatorRow(_hospitals[h], LevelOf(_hospitals[h]), _groups[g], year, c, d, Yuan(cost, c), (decimal)los / c,
                    regionMeanCost, regionMeanLos, _previous.Count > 0 ? (has ? prev!.Cases : 0) : null, has && prev!.Cases > 0 ? Yuan(prev.CostFen, prev.Cases) : null, lowRisk[g]));
                at = next;
            }

            start = end;
        }

        return rows;
    }

    /// <summary>Each name's rank among the names in ordinal order (names are distinct).</summary>
    private static int[] Ranks(List<string> names)
    {
        var byName = new int[names.Count];
        for (var i = 0; i < byName.Length; i++)
        {
            byName[i] = i;
        }

        Array.Sort(byName, (a, b) => string.CompareOrdinal(names[a], names[b]));
        var ranks = new int[names.Count];
        for (var r = 0; r < byName.Length; r++)
        {
            ranks[byName[r]] = r;
        }

        return ranks;
    }

    /// <summary>
    /// 高套信号 — indirect standardisation of the severe share (细分位 1/3 against 5) per hospital: expected severe cases =
    /// Σ over its ADRGs of its cases × the severe share of the other hospitals at its level in that ADRG; z = (O − E) ÷
    /// √Σ n·p·(1 − p). The same against the hospital's own previous-year shares. Drivers: the ADRGs with the largest
    /// excess, whose severe cases are listed to review.
    /// </summary>
    [MethodImpl(JitHints.Optimize)]
    private List<SeverityShiftRow> SeverityShift()
    {
        // The cells by number are in the order they were first added, so each hospital's cells below keep that order and
        // the sums (decimal, order-sensitive in the last digit) are the same whatever else changes.
        var cellCount = _severityCells.Count;
        var levelTotals = new Dictionary<(string Level, int Adrg), (long Cases, long Severe)>();
        var byHospital = new Dictionary<int, List<int>>();
        for (var c = 0; c < cellCount; c++)
        {
            var (hospitalOfCell, adrgOfCell) = SeverityCellOf(c);
            var totalKey = (LevelOf(_hospitals[hospitalOfCell]), adrgOfCell);
            levelTotals.TryGetValue(totalKey, out var sum);
            levelTotals[totalKey] = (sum.Cases + _severityData[c].Cases, sum.Severe + _severityData[c].Severe);
            if (!byHospital.TryGetValue(hospitalOfCell, out var cellsOfHospital))
            {
                byHospital.Add(hospitalOfCell, cellsOfHospital = new List<int>());
            }

            cellsOfHospital.Add(c);
        }

        var rows = new List<SeverityShiftRow>();
        var drivers = new List<(int Hospital, List<(string Adrg, decimal Excess, int Cell)> Cells)>();
        var isDriver = new bool[cellCount];
        foreach (var hospital in byHospital.OrderBy(x => _hospitals[x.Key], StringComparer.Ordinal))
        {
            var id = _hospitals[hospital.Key];
            var level = LevelOf(id);
            long n = 0, observed = 0, prevN = 0, prevObserved = 0;
            decimal expected = 0m, variance = 0m, prevExpected = 0m, prevVariance = 0m;
            var excess = new List<(string Adrg, decimal Excess, int Cell)>();
            foreach (var c in hospital.Value)
            {
                ref readonly var cell = ref _severityData[c];
                var adrg = SeverityCellOf(c).Adrg;
                var total = levelTotals[(level, adrg)];
                var peerCases = total.Cases - cell.Cases;
                if (peerCases > 0)
                {
                    var p = (decimal)(total.Severe - cell.Severe) / peerCases;
                    n += cell.Cases;
                    observed += cell.Severe;
                    expected += cell.Cases * p;
                    variance += cell.Cases * p * (1m - p);
                    excess.Add((_adrgs[adrg], cell.Severe - (cell.Cases * p), c));
                }

                if (_previousSeverity.TryGetValue((hospital.Key, adrg), out var prev) && prev.Cases > 0)
                {
                    var p = (decimal)prev.Severe / prev.Cases;
                    prevN += cell.Cases;
                    prevObserved += cell.Severe;
                    prevExpected += cell.Cases * p;
                    prevVariance += cell.Cases * p * (1m - p);
                }
            }

            decimal? Z(long o, decimal e, decimal v) => v > 0m ? (o - e) / (decimal)Math.Sqrt((double)v) : null;
            var top = excess.Where(x => x.Excess > 0.000001m).OrderByDescending(x => x.Excess).ThenBy(x => x.Adrg, StringComparer.Ordinal).Take(_profile.SeverityDriverGroups).ToList();
            drivers.Add((hospital.Key, top));
            foreach (var driver in top)
            {
                isDriver[driver.Cell] = true;
            }

            var hasPrevious = _previousSeverity.Count > 0;
            rows.Add(new SeverityShiftRow(id, level, n, observed, expected, Z(observed, expected, variance), prevN, prevObserved,
                hasPrevious ? prevExpected : null, hasPrevious ? Z(prevObserved, prevExpected, prevVariance) : null,
                string.Join("|", top.Select(d => d.Adrg + ":+" + d.Excess.ToString("0.####", CultureInfo.InvariantCulture)))));
        }

        // The drivers' kept cases, listed hospital by hospital in the order above, each driver's in file order.
        var kept = _severeCases.Of(isDriver);
        foreach (var (hospital, top) in drivers)
        {
            foreach (var driver in top)
            {
                if (!kept.TryGetValue(driver.Cell, out var cases))
                {
                    continue;
                }

                foreach (var (row, caseId) in cases)
                {
                    if (CountReview("severity_mix", hospital))
                    {
                        ListReview("severity_mix", hospital, row, caseId, null, "ADRG " + driver.Adrg + " severe share above peers");
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>The hospital and ADRG numbers of a severity cell.</summary>
    private (int Hospital, int Adrg) SeverityCellOf(int cell)
    {
        var key = _severityCells.KeyAt(cell);
        return ((int)(key >> 32), (int)(key & 0xFFFFFFFF));
    }

    /// <summary>Counts a case to review for a reason and hospital; true while fewer than the profile's maximum are listed
    /// (then the caller builds the detail text and lists it with <see cref="ListReview"/>: no text for the unlisted).</summary>
    private bool CountReview(string reason, int hospital)
    {
        var key = (reason, hospital);
        _reviewListed.TryGetValue(key, out var listed);
        _reviewListed[key] = listed + 1;
        return listed < _profile.MaxReviewCasesPerHospital;
    }

    private void ListReview(string reason, int hospital, long row, string caseId, long? relatedRow, string detail) =>
        _review.Add(new ReviewCase(reason, _hospitals[hospital], row, caseId, relatedRow, detail));

    /// <summary>Whether a QC status is one of <c>accepted</c>, <c>warning</c>, <c>rejected</c> (any case).</summary>
    internal static bool IsQualityCheckStatus(string? status) =>
        string.Equals(status, "accepted", StringComparison.OrdinalIgnoreCase) || string.Equals(status, "warning", StringComparison.OrdinalIgnoreCase)
        || string.Equals(status, "rejected", StringComparison.OrdinalIgnoreCase);

    private void ThrowIfFinished()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The monitor has finished: Finish computes the report once; use a new SupervisionMonitor.");
        }
    }

    private string LevelOf(string hospitalId) => _levels.TryGetValue(hospitalId, out var level) ? level : "all";

    private static int Index(Dictionary<string, int> index, List<string> names, string name)
    {
        if (!index.TryGetValue(name, out var i))
        {
            i = names.Count;
            index.Add(name, i);
            names.Add(name);
        }

        return i;
    }

    private static decimal Yuan(long fen, long cases) => cases == 0 ? 0m : fen / 100m / cases;

    /// <summary>The years a case may be discharged or admitted in; outside, it is rejected (MONITOR_DATE_OUT_OF_RANGE).</summary>
    internal static bool InRange(CalendarDate date) => date.Year >= MinYear && date.Year <= MaxYear;

    private static long Key(int hospital, int group, int month) => ((long)hospital << 40) | ((long)group << 16) | (uint)month;

    private static long SeverityKey(int hospital, int adrg) => ((long)hospital << 32) | (uint)adrg;

    private static long MonthKey(int hospital, int month) => ((long)hospital << 16) | (uint)month;

    private static int HospitalOfMonthKey(long key) => (int)(key >> 16);

    private static int HospitalOf(long key) => (int)(key >> 40);

    private static int GroupOf(long key) => (int)((key >> 16) & 0xFFFFFF);

    private static int MonthOfKey(long key) => (int)(key & 0xFFFF);

    internal static int MonthOf(CalendarDate date) => (date.Year * 12) + date.Month - 1;

    private static int MonthOfDay(int dayNumber) => MonthOf(FromDayNumber(dayNumber));

    private static string Year(int month) => (month / 12).ToString("0000", CultureInfo.InvariantCulture);

    private static string MonthText(int month) => Year(month) + "-" + ((month % 12) + 1).ToString("00", CultureInfo.InvariantCulture);


#if NET
    internal static int DayNumber(CalendarDate date) => date.DayNumber;

    private static CalendarDate FromDayNumber(int day) => CalendarDate.FromDayNumber(day);
#else
    internal static int DayNumber(CalendarDate date) => (int)(date.Ticks / TimeSpan.TicksPerDay);

    private static CalendarDate FromDayNumber(int day) => new(day * TimeSpan.TicksPerDay);
#endif

    /// <summary>The sums of one hospital × group × month that depend on the group: cases, cost, days and deaths (24 bytes,
    /// in one array numbered by <see cref="LongKeyTable"/>; at 10 000 000 cases there may be one per case or two).</summary>
    private struct Cell
    {
        public long CostFen, LosDays;
        public int Cases, Deaths;
    }

    /// <summary>The sums of one hospital × month that do not depend on the group.</summary>
    private struct MonthSums
    {
        public long Cases, CostFen, Deaths, OutOfCatalogFen, Referrals, WeightCases, DeviationKnown, Deviation, ReviewKnown, Review, Overlong;
        public ExactDecimalSum WeightSum, PointsSum; // a decimal + per case, as a long while the terms allow
    }

    /// <summary>The sums of one hospital in one month (or year) that the indicator rows divide.</summary>
    private sealed class Period
    {
        public Period(int windows) => Readmitted = new long[windows];

        public long Cases, CostFen, Deaths, OutOfCatalogFen, Referrals, WeightCases, DeviationKnown, Deviation, ReviewKnown, Review, Overlong, LowRiskCases, LowRiskDeaths;
        public long Stays, Split, LowStandard;
        public long[] Readmitted;
        public decimal WeightSum, PointsSum, CostIndex, TimeIndex;

        /// <summary>Adds the month's sums that do not depend on the group.</summary>
        [MethodImpl(JitHints.Optimize)]
        public void Add(in MonthSums m)
        {
            Cases += m.Cases;
            CostFen += m.CostFen;
            Deaths += m.Deaths;
            OutOfCatalogFen += m.OutOfCatalogFen;
            Referrals += m.Referrals;
            WeightCases += m.WeightCases;
            DeviationKnown += m.DeviationKnown;
            Deviation += m.Deviation;
            ReviewKnown += m.ReviewKnown;
            Review += m.Review;
            Overlong += m.Overlong;
            WeightSum += m.WeightSum.Value;
            PointsSum += m.PointsSum.Value;
        }

        /// <summary>Adds a cell's group terms; the consumption-index terms are cost (LOS) × group cases ÷ group cost (LOS) of the region.</summary>
        [MethodImpl(JitHints.Optimize)]
        public void Add(in Cell c, long groupCases, long groupCost, long groupLos, bool lowRisk)
        {
            CostIndex += groupCost == 0 ? 0m : c.CostFen * (decimal)groupCases / groupCost;
            TimeIndex += groupLos == 0 ? 0m : c.LosDays * (decimal)groupCases / groupLos;
            LowRiskCases += lowRisk ? c.Cases : 0;
            LowRiskDeaths += lowRisk ? c.Deaths : 0;
        }

        /// <summary>Adds another period (a month into its year).</summary>
        [MethodImpl(JitHints.Optimize)]
        public void Add(Period p)
        {
            Cases += p.Cases;
            CostFen += p.CostFen;
            Deaths += p.Deaths;
            OutOfCatalogFen += p.OutOfCatalogFen;
            Referrals += p.Referrals;
            WeightCases += p.WeightCases;
            DeviationKnown += p.DeviationKnown;
            Deviation += p.Deviation;
            ReviewKnown += p.ReviewKnown;
            Review += p.Review;
            Overlong += p.Overlong;
            WeightSum += p.WeightSum;
            PointsSum += p.PointsSum;
            CostIndex += p.CostIndex;
            TimeIndex += p.TimeIndex;
            LowRiskCases += p.LowRiskCases;
            LowRiskDeaths += p.LowRiskDeaths;
            Stays += p.Stays;
            Split += p.Split;
            LowStandard += p.LowStandard;
            for (var w = 0; w < Readmitted.Length; w++)
            {
                Readmitted[w] += p.Readmitted[w];
            }
        }
    }

    /// <summary>One hospital's QC statuses: rows, rejected, with warnings.</summary>
    private sealed class HospitalQcCounts
    {
        public long Rows, Rejected, Warnings;
    }

    private sealed class PreviousCell
    {
        public long Cases, CostFen;
        public decimal PointsSum;
    }

    /// <summary>A hospital × ADRG of the previous year: its cases and severe cases.</summary>
    private sealed class SeverityCell
    {
        public long Cases, Severe;
    }

    /// <summary>A hospital × ADRG of this year: its cases, severe cases and how many of these are kept to review.</summary>
    private struct SeverityCounts
    {
        public long Cases, Severe;
        public int Kept;
    }

    private sealed class StayCounts
    {
        public StayCounts(int windows) => Readmitted = new long[windows];

        public long Stays, Split;
        public long[] Readmitted;
    }

    /// <summary>
    /// Where the readmission scan counts a stay: its discharging hospital and month as a place in an array (hospital × month
    /// since the first month of the hospital × month table), the month of a discharge day read from a table of the days of
    /// those months — instead of a date conversion and a dictionary lookup for each of millions of stays.
    /// </summary>
    private sealed class StayMonths
    {
        private readonly int _firstDay;
        private readonly int _firstMonth;
        private readonly int _span;
        private readonly int[] _monthOfDay;
        private readonly int _hospitals;

        private StayMonths(int firstDay, int firstMonth, int span, int[] monthOfDay, int hospitals, int[] windows)
        {
            _firstDay = firstDay;
            _firstMonth = firstMonth;
            _span = span;
            _monthOfDay = monthOfDay;
            _hospitals = hospitals;
            Places = hospitals * span;
            Windows = windows;
        }

        /// <summary>The most places an array may have (each scan of a run has one: 32 runs on two cores).</summary>
        internal const int MaxPlaces = 1 << 17;

        /// <summary>How many places.</summary>
        public int Places { get; }

        /// <summary>The readmission windows, in days.</summary>
        public int[] Windows { get; }

        /// <summary>The months of the hospital × month table (every month a stay was added in).</summary>
        public static StayMonths Of(LongKeyTable monthKeys, int hospitals, IReadOnlyList<int> windows)
        {
            var first = int.MaxValue;
            var last = int.MinValue;
            for (var i = 0; i < monthKeys.Count; i++)
            {
                var month = MonthOfKey(monthKeys.KeyAt(i));
                first = Math.Min(first, month);
                last = Math.Max(last, month);
            }

            var days = windows.ToArray();
            if (first > last || (long)hospitals * (last - first + 1) > MaxPlaces)
            {
                // Nothing added, or months spread over too many years for an array per scan: every stay is counted in
                // the scan's dictionary instead.
                return new StayMonths(0, 0, 0, Array.Empty<int>(), 0, days);
            }

            var firstDay = DayNumber(new CalendarDate(first / 12, (first % 12) + 1, 1));
            var endDay = DayNumber(new CalendarDate((last + 1) / 12, ((last + 1) % 12) + 1, 1));
            var monthOfDay = new int[endDay - firstDay];
            for (var month = first; month <= last; month++)
            {
                var from = DayNumber(new CalendarDate(month / 12, (month % 12) + 1, 1)) - firstDay;
                var to = DayNumber(new CalendarDate((month + 1) / 12, ((month + 1) % 12) + 1, 1)) - firstDay;
                for (var d = from; d < to; d++)
                {
                    monthOfDay[d] = month;
                }
            }

            return new StayMonths(firstDay, first, last - first + 1, monthOfDay, hospitals, days);
        }

        /// <summary>The place of a hospital and a discharge day, or −1 when the day is outside the table's months.</summary>
        public int PlaceOf(int hospital, int dischargeDay)
        {
            var d = dischargeDay - _firstDay;
            return d >= 0 && d < _monthOfDay.Length && hospital >= 0 && hospital < _hospitals
                ? (hospital * _span) + (_monthOfDay[d] - _firstMonth)
                : -1;
        }

        /// <summary>The hospital and month of a place.</summary>
        public (int Hospital, int Month) KeyOf(int place) => (place / _span, _firstMonth + (place % _span));
    }

    /// <summary>What the scan of a run of buckets found: counts per discharging hospital and month, duplicates and overlaps,
    /// how many cases to review per reason and hospital, and the first of them (as many as a list holds) in the order found.</summary>
    private sealed class StayScan
    {
        public StayScan(StayMonths months) => ByPlace = new StayCounts?[months.Places];

        /// <summary>The counts by <see cref="StayMonths.PlaceOf"/> (almost every stay).</summary>
        public StayCounts?[] ByPlace { get; }

        /// <summary>The counts of stays discharged outside the months the cells hold (none when every stay was added).</summary>
        public Dictionary<(int Hospital, int Month), StayCounts> Counts { get; } = new();

        public Dictionary<(string Reason, int Hospital), int> Found { get; } = new();

        public List<FoundStay> Listed { get; } = new();

        public long Duplicates, Overlapping;

        /// <summary>Counts a case to review; true, with its ordinal in this run, when it is among the first
        /// <paramref name="limit"/> of its reason and hospital here (only those can be among the first of all runs).</summary>
        public bool Find(string reason, int hospital, int limit, out int ordinal)
        {
            var key = (reason, hospital);
            Found.TryGetValue(key, out ordinal);
            Found[key] = ordinal + 1;
            return ordinal < limit;
        }
    }

    private readonly record struct FoundStay(string Reason, int Hospital, int Ordinal, long Row, long RelatedRow, string Detail);

    /// <summary>A stay of at most the low-standard days (24 bytes: the row fits an int, checked when added).</summary>
    private readonly record struct ShortStay(int Hospital, int Group, int Month, int Row, long CostFen);
}
