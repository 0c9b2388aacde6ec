using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;
using MedInsurance.Payment.Validation;
using static MedInsurance.Payment.Outpatient.Tests.Build;

namespace MedInsurance.Payment.Outpatient.Tests;

/// <summary>
/// The parallel paths give what one thread gives: the reader across cores (<see cref="OutpatientCsv.ReadItemsInParallel"/>,
/// blocks of 4 096 rows), the grouping of closed service dates on the thread pool, and <c>medpay outpatient group
/// --threads</c>, on a file of several blocks whose service dates straddle the block boundaries, with broken rows,
/// claims out of order, claims that reappear, claims that span two days and a full day buffer.
/// </summary>
public sealed class ThreadCountTests : IDisposable
{
    private const int BlockRows = 4_096;

    private static readonly (string Code, string Kind)[] Codes =
    [
        ("86.3x00", "procedure"), ("86.5900", "procedure"), ("250301001", "test"), ("XA10BAA001", "drug"), ("XJ01CRA001", "drug"),
        ("120400001", "procedure"), ("340200003", "procedure"), ("XN02BEA001", "drug"), ("C0301001", "consumable"), ("86.3x00", "drug"),
    ];

    private static readonly string[] Hospitals = ["DEMO-H1", "DEMO-H2", "DEMO-H3", "DEMO-H4", "DEMO-H5", "DEMO-H9"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "medpay-outpatient-threads-" + Guid.NewGuid().ToString("N"));

    public ThreadCountTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// About 14 000 item rows over 18 service dates (about 780 rows a date, so dates cross the 4 096-row block
    /// boundaries), with the cases that reject rows sprinkled in, and a Chinese fund word late in the file.
    /// </summary>
    private static string ItemsCsv(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("claim_id,person_id,institution_id,fund,date,item_code,item_kind,quantity,amount,diagnosis\n");
        var claim = 0;
        var rows = 0;
        for (var day = 0; day < 18; day++)
        {
            var date = new DateTime(2026, 3, 1).AddDays(day);
            var claimsToday = new List<string>();
            while (rows < (day + 1) * 780)
            {
                var id = "C" + (claim++).ToString("000000", CultureInfo.InvariantCulture);
                var person = "P" + random.Next(300).ToString("000", CultureInfo.InvariantCulture);
                var fund = random.Next(2) == 0 ? "employee" : "resident";
                var hospital = Hospitals[random.Next(Hospitals.Length)];
                var claimDate = date;
                var kind = random.Next(200);
                if (kind == 0 && day > 0)
                {
                    claimDate = date.AddDays(-1); // a claim dated before the open day: OUTPATIENT_ITEMS_UNSORTED
                }
                else if (kind == 1 && claimsToday.Count > 2)
                {
                    id = claimsToday[random.Next(claimsToday.Count - 1)]; // the id of an earlier claim of the day: OUTPATIENT_CLAIM_NOT_CONTIGUOUS
                }

                claimsToday.Add(id);
                for (var line = 1 + random.Next(4); line > 0; line--)
                {
                    var (code, itemKind) = Codes[random.Next(Codes.Length)];
                    var amount = (random.Next(1, 500_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
                    var lineDate = kind == 2 && line == 1 ? claimDate.AddDays(1) : claimDate; // OUTPATIENT_CLAIM_SPANS_DAYS
                    var fundText = rows > 12_000 && kind == 3 ? "职工" : fund;
                    if (kind == 4 && line == 1)
                    {
                        amount = "12.345"; // not exact to the fen: the row, then its claim, rejected
                    }
                    else if (kind == 5 && line == 1)
                    {
                        code = "86\"3"; // a stray quote: the row is not CSV and its claim id unknown
                    }

                    text.Append(id).Append(',').Append(person).Append(',').Append(hospital).Append(',').Append(fundText).Append(',')
                        .Append(lineDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(code).Append(',').Append(itemKind)
                        .Append(",1,").Append(amount).Append(",\n");
                    rows++;
                }
            }
        }

        return text.ToString();
    }

    private static string Describe(OutpatientItemRecord r)
    {
        var i = r.Item;
        return string.Join("|", r.RowNumber, r.IsRejected, i.ClaimId, i.PersonId, i.InstitutionId, i.Fund, i.ServiceDate, i.ItemCode, i.Kind, i.Quantity, i.Amount.Fen, i.Diagnosis, string.Join(";", r.Issues.Select(x => x.Code + "@" + x.Field)));
    }

    private static string Describe(CombinationDay d) =>
        string.Join("|", d.UnitId, d.PersonId, d.InstitutionId, d.Fund, d.ServiceDate, d.Claims, d.Items, d.TotalCost.Fen, d.Combination?.Code, d.MatchedCode, d.FallbackCode,
            d.Price.Fen, d.Points, d.FundShare, d.FundPays.Fen, d.FundPoints, d.ItemFund.Fen, d.Trace, d.Line.LineId, d.Line.Method, d.Line.Basis, d.Line.TotalCost.Fen, d.Line.PatientPaid.Fen, d.Line.FundPaid);

    private static MemoryStream Bytes(string csv) => new(Encoding.UTF8.GetBytes(csv));

    [Fact]
    public void The_test_file_has_dates_across_block_boundaries_and_every_kind_of_rejection()
    {
        var records = OutpatientCsv.ReadItems(new StringReader(ItemsCsv(7))).ToList();
        Assert.True(records.Count > 3 * BlockRows);
        for (var boundary = BlockRows; boundary < records.Count; boundary += BlockRows)
        {
            // Data rows boundary and boundary + 1 (1-based) are in different blocks and, here, in the same service date.
            Assert.Equal(records[boundary - 1].Item.ServiceDate, records[boundary].Item.ServiceDate);
        }

        var rejected = new List<string>();
        new OutpatientGrouping(new CombinationGrouper(Table(), Levels), _ => { }, (_, issues) => rejected.AddRange(issues.Select(i => i.Code)), 4_000_000).Run(records);
        foreach (var code in new[] { OutpatientIssueCodes.ItemsUnsorted, OutpatientIssueCodes.ClaimNotContiguous, OutpatientIssueCodes.ClaimSpansDays, OutpatientIssueCodes.ClaimLineRejected, IssueCodes.RowMalformed })
        {
            Assert.Contains(code, rejected);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_parallel_reader_gives_the_records_of_the_streaming_reader(int threads)
    {
        var csv = ItemsCsv(11);
        CsvReadReport? expectedReport = null;
        var expected = OutpatientCsv.ReadItems(Bytes(csv), CsvReadOptions.Default, r => expectedReport = r).Select(Describe).ToList();

        var actual = new List<string>();
        var blocks = 0;
        var report = OutpatientCsv.ReadItemsInParallel(Bytes(csv), CsvReadOptions.Default, threads, block =>
        {
            blocks++;
            actual.AddRange(block.Select(Describe));
        });

        Assert.True(blocks > 3);
        Assert.Equal(expected, actual);
        Assert.Equal(expectedReport!.ToString(), report.ToString());
    }

    [Theory]
    [InlineData(2, 4_000_000)]
    [InlineData(3, 4_000_000)]
    [InlineData(2, 700)]
    [InlineData(3, 700)]
    public void Grouping_on_several_threads_gives_the_days_rejections_and_summary_of_one_thread(int threads, int maxBuffered)
    {
        var records = OutpatientCsv.ReadItems(new StringReader(ItemsCsv(23))).ToList();
        (List<string> Days, List<string> Rejected, string Summary, string Lines) Run(int n)
        {
            var days = new List<string>();
            var rejected = new List<string>();
            var book = new OutpatientLineBook();
            var grouping = n == 1
                ? new OutpatientGrouping(new CombinationGrouper(Table(), Levels), d => { book.Add(d); days.Add(Describe(d)); }, (r, i) => rejected.Add(r.RowNumber + ":" + string.Join(";", i.Select(x => x.Code))), maxBuffered)
                : new OutpatientGrouping(new CombinationGrouper(Table(), Levels), book, d => days.Add(Describe(d)), (r, i) => rejected.Add(r.RowNumber + ":" + string.Join(";", i.Select(x => x.Code))), maxBuffered, n);
            var s = grouping.Run(records);
            var lines = string.Join("\n", book.Lines().Select(l => string.Join("|", l.LineId, l.Method, l.Basis, l.TotalCost.Fen, l.PatientPaid.Fen, l.FundPaid)));
            return (days, rejected, string.Join("|", s.Rows, s.Accepted, s.Rejected, s.Days, s.CombinationDays), lines);
        }

        var one = Run(1);
        var many = Run(threads);
        Assert.True(one.Days.Count > 1_000);
        Assert.NotEmpty(one.Rejected);
        if (maxBuffered < 1_000)
        {
            Assert.Contains(one.Rejected, r => r.Contains(OutpatientIssueCodes.DayBufferFull, StringComparison.Ordinal));
        }

        Assert.Equal(one.Days, many.Days);
        Assert.Equal(one.Rejected, many.Rejected);
        Assert.Equal(one.Summary, many.Summary);
        Assert.Equal(one.Lines, many.Lines);
    }

    /// <summary>
    /// Without a day callback each date's days are summed where the date is grouped and the date's sums are added to the
    /// book: the same lines, counts and summary as adding every day to the book one by one.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_book_run_without_a_day_callback_sums_the_same_lines(int threads)
    {
        var records = OutpatientCsv.ReadItems(new StringReader(ItemsCsv(5))).ToList();
        var viaDays = new OutpatientLineBook();
        var daySummary = new OutpatientGrouping(new CombinationGrouper(Table(), Levels), viaDays.Add, (_, _) => { }).Run(records);
        var direct = new OutpatientLineBook();
        var bookSummary = new OutpatientGrouping(new CombinationGrouper(Table(), Levels), direct, null, (_, _) => { }, 4_000_000, threads).Run(records);

        static string Text(OutpatientLineBook book) => string.Join("\n", book.Lines().Select(l => string.Join("|", l.LineId, l.HospitalId, l.Fund, l.Month, l.Method, l.Basis, l.TotalCost.Fen, l.PatientPaid.Fen, l.FundPaid)));
        static string Counts(OutpatientGroupingSummary s) => string.Join("|", s.Rows, s.Accepted, s.Rejected, s.Days, s.CombinationDays);
        Assert.True(viaDays.Lines().Count > 5, "lines: " + viaDays.Lines().Count);
        Assert.Equal(Text(viaDays), Text(direct));
        Assert.Equal(viaDays.Count, direct.Count);
        Assert.Equal(Counts(daySummary), Counts(bookSummary));
        Assert.Equal(daySummary.Days, viaDays.Count);
    }

    [Fact]
    public void Medpay_outpatient_group_writes_the_same_files_with_1_2_and_3_threads()
    {
        File.WriteAllText(Path.Combine(_folder, "items.csv"), ItemsCsv(31));
        File.WriteAllText(Path.Combine(_folder, "hospitals.csv"), "hospital_id,name,level,type\nDEMO-H1,H1,三级甲等,general\nDEMO-H2,H2,三级乙等,general\nDEMO-H3,H3,二级甲等,general\nDEMO-H4,H4,二级乙等,tcm\nDEMO-H5,H5,一级,primary\n");
        var outputs = new List<string>();
        foreach (var threads in new[] { 1, 2, 3 })
        {
            var folder = Path.Combine(_folder, "out" + threads.ToString(CultureInfo.InvariantCulture));
            var run = MedpayProcess.Run("outpatient", "group", "--table", DemoFile("outpatient-combinations.json"), "--hospitals", Path.Combine(_folder, "hospitals.csv"),
                "--input", Path.Combine(_folder, "items.csv"), "--output", folder, "--threads", threads.ToString(CultureInfo.InvariantCulture));
            Assert.True(run.Exit == 1, run.Err); // some rows are rejected
            var linesOnly = Path.Combine(_folder, "lines" + threads.ToString(CultureInfo.InvariantCulture) + ".csv");
            var lines = MedpayProcess.Run("outpatient", "group", "--table", DemoFile("outpatient-combinations.json"), "--hospitals", Path.Combine(_folder, "hospitals.csv"),
                "--input", Path.Combine(_folder, "items.csv"), "--output", linesOnly, "--threads", threads.ToString(CultureInfo.InvariantCulture));
            Assert.True(lines.Exit == 1, lines.Err);
            outputs.Add(string.Join(
                "\n=====\n",
                File.ReadAllText(Path.Combine(folder, "lines.csv")),
                File.ReadAllText(Path.Combine(folder, "days.csv")),
                File.ReadAllText(Path.Combine(folder, "item-issues.csv")),
                File.ReadAllText(linesOnly),
                run.Err));
        }

        Assert.Contains("OUTPATIENT_CLAIM_NOT_CONTIGUOUS", outputs[0], StringComparison.Ordinal);
        Assert.True(outputs[0].Split('\n').Length > 2 * BlockRows / 3);
        Assert.Equal(outputs[0], outputs[1]);
        Assert.Equal(outputs[0], outputs[2]);
    }
}
