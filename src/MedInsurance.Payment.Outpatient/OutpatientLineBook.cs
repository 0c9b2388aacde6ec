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
    private readonly Dictionary<string, Sum> _sums = new(StringComparer.Ordinal);

    /// <summary>Adds a line of service year <paramref name="year"/>.</summary>
    /// <param name="year">The service year.</param>
    /// <param name="line">The line.</param>
    public void Add(int year, SettlementLine line)
    {
        var basis = line.Basis;
        var key = line.Method + "-" + line.HospitalId + "-" + FundCode(line.Fund) + "-" + year.ToString("0000", CultureInfo.InvariantCulture) + "-" + line.Month.ToString("00", CultureInfo.InvariantCulture)
            + (basis.IsPoints ? "-P" : "-M") + (basis.PointSystem is null ? string.Empty : "-" + basis.PointSystem);
        if (!_sums.TryGetValue(key, out var sum))
        {
            _sums[key] = sum = new Sum(line);
        }

        sum.Points += basis.Points;
        sum.Amount += basis.Amount;
        sum.Total += line.TotalCost;
        sum.Patient += line.PatientPaid;
        if (line.FundPaid is { } f)
        {
            sum.Fund += f;
        }
        else
        {
            sum.FundUnknown = true;
        }

        sum.Count++;
    }

    /// <summary>Adds a grouped day.</summary>
    /// <param name="day">The day.</param>
    public void Add(CombinationDay day) => Add(Dates.Year((day ?? throw new ArgumentNullException(nameof(day))).ServiceDate), day.Line);

    /// <summary>The summed lines, ordered by line id.</summary>
    /// <returns>The lines.</returns>
    public IReadOnlyList<SettlementLine> Lines()
    {
        var keys = new List<string>(_sums.Keys);
        keys.Sort(StringComparer.Ordinal);
        var lines = new List<SettlementLine>(keys.Count);
        foreach (var key in keys)
        {
            var s = _sums[key];
            var basis = s.First.Basis.IsPoints ? SettlementBasis.OfPoints(s.First.Basis.PointSystem, s.Points) : SettlementBasis.OfMoney(s.Amount, s.First.Basis.PointSystem);
            lines.Add(new SettlementLine(key, s.First.HospitalId, s.First.Fund, s.First.Month, s.First.Method, basis, s.Total, s.Patient, s.FundUnknown ? null : s.Fund));
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

    private static string FundCode(InsuranceFund fund) => fund switch
    {
        InsuranceFund.Employee => "employee",
        InsuranceFund.Resident => "resident",
        _ => "other",
    };

    private sealed class Sum
    {
        public Sum(SettlementLine first) => First = first;

        public SettlementLine First { get; }

        public decimal Points { get; set; }

        public Money Amount { get; set; }

        public Money Total { get; set; }

        public Money Patient { get; set; }

        public Money Fund { get; set; }

        public bool FundUnknown { get; set; }

        public long Count { get; set; }
    }
}
