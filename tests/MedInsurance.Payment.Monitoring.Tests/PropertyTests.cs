using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Xunit;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>Properties on synthetic regions: indices average to 1, readmission counts ignore row order, a copied severity mix shows no shift.</summary>
public sealed class PropertyTests
{
    private static readonly string[] Groups = ["ES31", "ES35", "GB11", "GB15", "FM19"];

    internal static List<(InpatientCase Case, CaseResult Result)> Synthetic(int seed, int n)
    {
        var random = new Random(seed);
        var list = new List<(InpatientCase, CaseResult)>();
        for (var i = 0; i < n; i++)
        {
            var admitted = new CalendarDate(2026, 1, 1).AddDays(random.Next(0, 330));
            var los = random.Next(1, 40);
            var c = new InpatientCase
            {
                CaseId = "S" + i,
                HospitalId = "H" + random.Next(0, 6),
                PatientId = "P" + random.Next(0, Math.Max(1, n / 3)),
                AdmissionDate = admitted,
                DischargeDate = admitted.AddDays(los),
                LengthOfStayDays = los,
                DischargeType = random.Next(20) == 0 ? DischargeType.Death : DischargeType.MedicalAdvice,
                Costs = CostBreakdown.FromTotal(Money.FromFen(random.Next(100_00, 100_000_00))),
            };
            list.Add((c, new CaseResult(Groups[random.Next(Groups.Length)], 1m)));
        }

        return list;
    }

    private static MonitoringReport Monitor(IEnumerable<(InpatientCase Case, CaseResult Result)> cases)
    {
        var monitor = new SupervisionMonitor(MonitoringProfile.Default);
        foreach (var (c, r) in cases)
        {
            monitor.Add(c, r);
        }

        return monitor.Finish();
    }

    /// <summary>The readmission and split-admission rows of a report (of the hospitals whose id starts with
    /// <paramref name="prefix"/>) as one text: hospital, period, indicator, numerator and denominator.</summary>
    private static string ReadmissionCounts(MonitoringReport report, string prefix = "") => string.Join(";", report.Indicators
        .Where(r => r.HospitalId.StartsWith(prefix, StringComparison.Ordinal))
        .Where(r => r.Indicator.StartsWith("readmission", StringComparison.Ordinal) || r.Indicator == "split_admission_rate")
        .OrderBy(r => r.HospitalId, StringComparer.Ordinal).ThenBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Indicator, StringComparer.Ordinal)
        .Select(r => r.HospitalId + r.Period + r.Indicator + "=" + r.Numerator + "/" + r.Denominator));

    [Property(MaxTest = 100)]
    public void Consumption_indices_average_to_one_over_the_region_weighted_by_cases(int seed, PositiveInt count)
    {
        var report = Monitor(Synthetic(seed, 1 + (count.Get % 300)));
        foreach (var indicator in new[] { "cost_index", "time_index" })
        {
            var rows = report.Indicators.Where(r => r.Indicator == indicator && r.Period.Length == 4).ToList();
            var weighted = rows.Sum(r => r.Value * r.Denominator) / rows.Sum(r => r.Denominator);
            Assert.Equal(1m, Math.Round(weighted, 20, MidpointRounding.AwayFromZero));
        }
    }

    [Property(MaxTest = 100)]
    public void Reading_ahead_before_each_block_changes_no_table(int seed, PositiveInt count, PositiveInt block)
    {
        // medpay monitor reads the cells of each block ahead (ReadAhead) before adding its cases; the report must be
        // the one of the cases added alone. Some cases have no group or no discharge date, some rows are not added (row 0).
        var cases = Synthetic(seed, 1 + (count.Get % 300));
        var random = new Random(seed);
        var results = cases.Select(c => random.Next(8) == 0 ? null : c.Result).ToArray();
        var rows = cases.Select((c, i) => random.Next(10) == 0 ? 0L : i + 1L).ToArray();
        var monitorCases = cases.Select(c => random.Next(12) == 0 ? MonitorCase.From(new InpatientCase { CaseId = c.Case.CaseId, HospitalId = c.Case.HospitalId, LengthOfStayDays = c.Case.LengthOfStayDays }) : MonitorCase.From(c.Case)).ToArray();

        // Each row's QC status (none, accepted, warning, rejected), tallied per hospital; a rejected row's hospital may be empty.
        var statuses = cases.Select(_ => random.Next(4)).ToArray();
        string QcHospital(int i) => rows[i] > 0 ? monitorCases[i].HospitalId ?? string.Empty : string.Empty;
        var alone = new SupervisionMonitor(MonitoringProfile.Default);
        for (var i = 0; i < cases.Count; i++)
        {
            if (statuses[i] > 0)
            {
                alone.AddQualityCheck(QcHospital(i), statuses[i] == 3, statuses[i] == 2);
            }

            if (rows[i] > 0)
            {
                alone.Add(in monitorCases[i], results[i], rows[i]);
            }
        }

        var ahead = new SupervisionMonitor(MonitoringProfile.Default);
        var size = 1 + (block.Get % 64);
        for (var start = 0; start < cases.Count; start += size)
        {
            var n = Math.Min(size, cases.Count - start);
            ahead.ReadAhead(monitorCases, results, rows, start, n);
            for (var i = start; i < start + n; i++)
            {
                if (statuses[i] > 0)
                {
                    // As medpay monitor: the QC tally of a hospital the read-ahead numbered is taken by its number.
                    ahead.AddQualityCheckReadAhead(i - start, QcHospital(i), statuses[i] == 3, statuses[i] == 2);
                }

                if (rows[i] > 0)
                {
                    // As medpay monitor: the hospital and group numbers the read-ahead found are taken, not looked up again.
                    ahead.AddReadAhead(i - start, in monitorCases[i], results[i], rows[i]);
                }
            }
        }

        Assert.Equal(Describe(alone.Finish()), Describe(ahead.Finish()));
    }

    [Fact]
    public void A_run_read_ahead_adds_to_the_same_cells_when_the_cell_table_grows_within_it()
    {
        // 20 cells added first; then one run whose first three cases add cells 21–23 (the cell table's slots grow from 32 to
        // 64 on the way) and whose other cases go to the 20 cells the read-ahead found before the growth.
        var cases = new List<(InpatientCase Case, CaseResult Result)>();
        void Add(int hospital)
        {
            var admitted = new CalendarDate(2026, 3, 1);
            cases.Add((new InpatientCase
            {
                CaseId = "S" + cases.Count,
                HospitalId = "H" + hospital,
                AdmissionDate = admitted,
                DischargeDate = admitted.AddDays(5),
                LengthOfStayDays = 5,
                Costs = CostBreakdown.FromTotal(Money.FromFen(1000_00 + hospital)),
            }, new CaseResult("ES31", 1m)));
        }

        for (var h = 0; h < 23; h++)
        {
            Add(h);
        }

        for (var h = 0; h < 20; h++)
        {
            Add(h);
        }

        var monitorCases = cases.Select(c => MonitorCase.From(c.Case)).ToArray();
        var results = cases.Select(c => (CaseResult?)c.Result).ToArray();
        var rows = cases.Select((c, i) => i + 1L).ToArray();
        var alone = new SupervisionMonitor(MonitoringProfile.Default);
        var ahead = new SupervisionMonitor(MonitoringProfile.Default);
        for (var i = 0; i < cases.Count; i++)
        {
            alone.Add(in monitorCases[i], results[i], rows[i]);
        }

        foreach (var (start, count) in new[] { (0, 20), (20, 23) })
        {
            ahead.ReadAhead(monitorCases, results, rows, start, count);
            for (var i = start; i < start + count; i++)
            {
                ahead.AddReadAhead(i - start, in monitorCases[i], results[i], rows[i]);
            }
        }

        Assert.Equal(Describe(alone.Finish()), Describe(ahead.Finish()));
    }

    /// <summary>Every row of every table of a report, every public property, as text.</summary>
    internal static string Describe(MonitoringReport report)
    {
        static string Rows<T>(IEnumerable<T> rows) => string.Join("\n", rows.Select(r => string.Join("|", typeof(T).GetProperties().Select(p => Convert.ToString(p.GetValue(r), System.Globalization.CultureInfo.InvariantCulture)))));
        return string.Join("\n--\n", Rows(report.Indicators), Rows(report.Groups), Rows(report.LowRiskGroups), Rows(report.Severity), Rows(report.Review), Rows(report.Counts.OrderBy(c => c.Key, StringComparer.Ordinal)));
    }

    [Property(MaxTest = 100)]
    public void Readmission_counts_do_not_depend_on_row_order(int seed, PositiveInt count)
    {
        var cases = Synthetic(seed, 1 + (count.Get % 300));
        var shuffled = cases.Select((c, i) => (c, k: (i * 7919) % cases.Count)).OrderBy(x => x.k).ThenBy(x => x.c.Case.CaseId, StringComparer.Ordinal).Select(x => x.c).Reverse().ToList();
        Assert.Equal(ReadmissionCounts(Monitor(cases)), ReadmissionCounts(Monitor(shuffled)));
    }

    [Property(MaxTest = 100)]
    public void Readmission_counts_do_not_depend_on_row_order_when_stays_are_submitted_twice(int seed, PositiveInt count)
    {
        // Every third case is submitted again by another hospital, under another group (same person, same dates): a
        // duplicate whose index stay must be chosen by the hospital's id and the group's code, not by which came first.
        var cases = Synthetic(seed, 1 + (count.Get % 300));
        var twice = new List<(InpatientCase Case, CaseResult Result)>(cases);
        for (var i = 0; i < cases.Count; i += 3)
        {
            var (c, r) = cases[i];
            var hospital = "H" + ((int.Parse(c.HospitalId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) + 1 + (i % 5)) % 6).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var group = Groups[(Array.IndexOf(Groups, r.Group) + 1 + (i % 3)) % Groups.Length];
            twice.Add((new InpatientCase
            {
                CaseId = c.CaseId + "-again",
                HospitalId = hospital,
                PatientId = c.PatientId,
                AdmissionDate = c.AdmissionDate,
                DischargeDate = c.DischargeDate,
                LengthOfStayDays = c.LengthOfStayDays,
                DischargeType = c.DischargeType,
                Costs = c.Costs,
            }, new CaseResult(group, 1m)));
        }

        var reversed = Enumerable.Reverse(twice).ToList();
        var forward = Monitor(twice);
        Assert.True(forward.Counts["duplicate_stays"] >= (cases.Count + 2) / 3); // the copies are there, as duplicates
        Assert.Equal(ReadmissionCounts(forward), ReadmissionCounts(Monitor(reversed)));
    }

    [Property(MaxTest = 20)]
    public void Readmission_counts_are_the_same_when_the_months_are_too_spread_for_the_scan_arrays(int seed, PositiveInt count)
    {
        // The scan counts stays by hospital × month in an array when hospitals × months stay small, in a dictionary
        // otherwise. 40 more hospitals with stays in 1900 and 2199 (their own patients) push the span past the array's
        // limit; H0 … H5's readmission counts must not change.
        var cases = Synthetic(seed, 1 + (count.Get % 300));
        var spread = new List<(InpatientCase Case, CaseResult Result)>(cases);
        for (var h = 0; h < 40; h++)
        {
            foreach (var year in new[] { 1900, 2199 })
            {
                var admitted = new CalendarDate(year, 6, 1);
                spread.Add((new InpatientCase
                {
                    CaseId = "F" + h + "-" + year,
                    HospitalId = "F" + h,
                    PatientId = "Q" + h,
                    AdmissionDate = admitted,
                    DischargeDate = admitted.AddDays(3),
                    LengthOfStayDays = 3,
                    Costs = CostBreakdown.FromTotal(Money.FromFen(100_00)),
                }, new CaseResult(Groups[0], 1m)));
            }
        }

        Assert.True(40L * ((2199 - 1900 + 1) * 12) > 1 << 17); // the spread case really is past the arrays' limit
        var compact = ReadmissionCounts(Monitor(cases), "H");
        Assert.Contains("readmission", compact, StringComparison.Ordinal);
        Assert.Equal(compact, ReadmissionCounts(Monitor(spread), "H"));
    }

    [Property(MaxTest = 100)]
    public void A_hospital_whose_severity_mix_is_copied_from_its_peers_shows_no_shift(int seed, PositiveInt count)
    {
        // Peers H1..H3: random severe/non-severe counts per ADRG; the copy H9 gets k times the peers' counts in every ADRG.
        var random = new Random(seed);
        var k = 1 + (count.Get % 3);
        var monitor = new SupervisionMonitor(MonitoringProfile.Default);
        var id = 0;
        void Add(string hospital, string drg, int times)
        {
            for (var i = 0; i < times; i++)
            {
                monitor.Add(new InpatientCase { CaseId = "X" + id++, HospitalId = hospital, DischargeDate = new CalendarDate(2026, 5, 1), LengthOfStayDays = 5 }, new CaseResult(drg));
            }
        }

        foreach (var adrg in new[] { "ES3", "GB1", "FR2" })
        {
            int severe = 0, plain = 0;
            foreach (var peer in new[] { "H1", "H2", "H3" })
            {
                // At least one case of each kind per peer, so H9 always has cases and a row (no vacuous pass).
                var s = random.Next(1, 6);
                var p = random.Next(1, 6);
                severe += s;
                plain += p;
                Add(peer, adrg + (random.Next(2) == 0 ? "1" : "3"), s);
                Add(peer, adrg + "5", p);
            }

            Add("H9", adrg + "1", severe * k);
            Add("H9", adrg + "5", plain * k);
        }

        var row = Assert.Single(monitor.Finish().Severity, s => s.HospitalId == "H9");
        Assert.True(row.Cases > 0);
        Assert.Equal(row.ObservedSevere, Math.Round(row.ExpectedSevere, 10, MidpointRounding.AwayFromZero));
        // Decimal division leaves at most a few units in the 27th place; z is zero to 10 decimals.
        Assert.True(row.ZPeers is null || Math.Abs(row.ZPeers.Value) < 0.0000000001m, "z " + row.ZPeers);
        Assert.Equal(string.Empty, row.Drivers);
    }
}
