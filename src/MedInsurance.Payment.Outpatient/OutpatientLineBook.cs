using System;
using System.Collections.Generic;
using System.Globalization;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// 门诊结算行汇总 — sums per-day or per-claim settlement lines into one line per institution × fund × year-month ×
/// method × basis (points or money, point system), the granularity <c>medpay settle year --lines</c> clears: amounts,
/// points, total cost, patient and item-based fund amounts are sums, so nothing is lost to rounding. Line ids are
/// <c>METHOD-institution-fund-yyyy-MM[-P|-M-pointsystem]</c>.
/// </summary>
/// <remarks>Not thread-safe; memory grows with institutions × months, not with days.</remarks>
public sealed class OutpatientLineBook
{
    private readonly Dictionary<Key, Sum> _sums = new();

    /// <summary>Adds a line of service year <paramref name="year"/>.</summary>
    /// <param name="year">The service year.</param>
    /// <param name="line">The line.</param>
    public void Add(int year, SettlementLine line)
    {
        var basis = line.Basis;
        var key = KeyOf(line.Method, line.HospitalId, line.Fund, year, line.Month, basis);
        if (!_sums.TryGetValue(key, out var sum))
        {
            _sums[key] = sum = new Sum(line, year);
        }

        sum.Accumulate(basis.Points, basis.Amount, line.TotalCost, line.PatientPaid, line.FundPaid ?? default, line.FundPaid is null, 1);
    }

    /// <summary>Adds a grouped day.</summary>
    /// <param name="day">The day.</param>
    public void Add(CombinationDay day) => Add(Dates.Year((day ?? throw new ArgumentNullException(nameof(day))).ServiceDate), day.Line);

    /// <summary>
    /// Adds a priced day without making its <see cref="CombinationDay"/> or, unless its key is new, its line: the same
    /// key and sums as <see cref="Add(CombinationDay)"/> (the day's line has the day's institution, fund, month, method,
    /// basis, total, patient part and item-based fund amount).
    /// </summary>
    internal void Add(in PricedDay day)
    {
        var year = Dates.Year(day.ServiceDate);
        var basis = day.Basis;
        var method = day.IsCombination ? SettlementMethods.OutpatientCombination : SettlementMethods.FeeForService;
        var key = KeyOf(method, day.InstitutionId, day.Fund, year, day.ServiceDate / 100 % 100, basis);
        if (!_sums.TryGetValue(key, out var sum))
        {
            _sums[key] = sum = new Sum(day.Line, year);
        }

        sum.Accumulate(basis.Points, basis.Amount, day.TotalCost, day.PatientPays, day.ItemFund, fundUnknown: false, 1);
    }

    /// <summary>Adds the sums of another book (a service date's days summed on its grouping thread); sums are exact, so the order does not matter.</summary>
    internal void Add(OutpatientLineBook other)
    {
        foreach (var pair in other._sums)
        {
            var from = pair.Value;
            if (!_sums.TryGetValue(pair.Key, out var sum))
            {
                _sums[pair.Key] = sum = new Sum(from.First, from.Year);
            }

            sum.Accumulate(from.Points, from.Amount, from.Total, from.Patient, from.Fund, from.FundUnknown, from.Count);
        }
    }

    /// <summary>Empties the book (reused per service date).</summary>
    internal void Clear() => _sums.Clear();

    /// <summary>The summed lines, ordered by line id.</summary>
    /// <returns>The lines.</returns>
    public IReadOnlyList<SettlementLine> Lines()
    {
        var ids = new List<(string Id, Sum Sum)>(_sums.Count);
        foreach (var s in _sums.Values)
        {
            var b = s.First.Basis;
            ids.Add((s.First.Method + "-" + s.First.HospitalId + "-" + FundCode(s.First.Fund) + "-" + s.Year.ToString("0000", CultureInfo.InvariantCulture) + "-" + s.First.Month.ToString("00", CultureInfo.InvariantCulture)
                + (b.IsPoints ? "-P" : "-M") + (b.PointSystem is null ? string.Empty : "-" + b.PointSystem), s));
        }

        ids.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
        var lines = new List<SettlementLine>(ids.Count);
        foreach (var (id, s) in ids)
        {
            var basis = s.First.Basis.IsPoints ? SettlementBasis.OfPoints(s.First.Basis.PointSystem, s.Points) : SettlementBasis.OfMoney(s.Amount, s.First.Basis.PointSystem);
            lines.Add(new SettlementLine(id, s.First.HospitalId, s.First.Fund, s.First.Month, s.First.Method, basis, s.Total, s.Patient, s.FundUnknown ? null : s.Fund));
        }

        return lines;
    }

    /// <summary>The number of lines (days or claims) summed.</summary>
    public long Count
    {
        get
        {
            long n = 0;
            foreach (var s in _sums.Values)
            {
                n += s.Count;
            }

            return n;
        }
    }

    /// <summary>The line a settlement line is summed into: institution × fund × year-month × method × basis (points or money, point system).</summary>
    private static Key KeyOf(string method, string hospital, InsuranceFund fund, int year, int month, SettlementBasis basis) =>
        new(method, hospital, fund, (year * 100) + month, basis.IsPoints, basis.PointSystem);

    private static string FundCode(InsuranceFund fund) => fund switch
    {
        InsuranceFund.Employee => "employee",
        InsuranceFund.Resident => "resident",
        _ => "other",
    };

    private readonly struct Key : IEquatable<Key>
    {
        private readonly string _method;
        private readonly string _hospital;
        private readonly InsuranceFund _fund;
        private readonly int _yearMonth;
        private readonly bool _points;
        private readonly string? _system;

        public Key(string method, string hospital, InsuranceFund fund, int yearMonth, bool points, string? system)
        {
            _method = method;
            _hospital = hospital;
            _fund = fund;
            _yearMonth = yearMonth;
            _points = points;
            _system = system;
        }

        public bool Equals(Key other) => _yearMonth == other._yearMonth && _fund == other._fund && _points == other._points
            && string.Equals(_hospital, other._hospital, StringComparison.Ordinal) && string.Equals(_method, other._method, StringComparison.Ordinal) && string.Equals(_system, other._system, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(_hospital) * 397) ^ (_yearMonth * 31) ^ ((int)_fund * 7) ^ _method.Length ^ (_points ? 1 : 0));
    }

    private sealed class Sum
    {
        public Sum(SettlementLine first, int year)
        {
            First = first;
            Year = year;
        }

        public SettlementLine First { get; }

        public int Year { get; }

        public decimal Points { get; set; }

        public Money Amount { get; set; }

        public Money Total { get; set; }

        public Money Patient { get; set; }

        public Money Fund { get; set; }

        public bool FundUnknown { get; set; }

        public long Count { get; set; }

        /// <summary>The sums of a line's (or of a book's sum of <paramref name="count"/> lines') amounts; any unknown fund part makes the sum's unknown.</summary>
        public void Accumulate(decimal points, Money amount, Money total, Money patient, Money fund, bool fundUnknown, long count)
        {
            Points += points;
            Amount += amount;
            Total += total;
            Patient += patient;
            if (fundUnknown)
            {
                FundUnknown = true;
            }
            else
            {
                Fund += fund;
            }

            Count += count;
        }
    }
}
