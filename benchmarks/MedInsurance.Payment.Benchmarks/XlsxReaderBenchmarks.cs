using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ExcelDataReader;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;
using MiniExcelLibs;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// Which .xlsx reader the table readers are built on (issue 13): a 100 000-row hospital sheet (hospital_id, name,
/// level, type as shared strings, coefficient as a number, a date-formatted date; written in the setup with
/// System.IO.Compression, ~2.5 MB), read from a file, every cell's text touched (its length summed). The hand-written
/// reader (<see cref="TableFiles"/>: XmlReader over the zip entry, one row at a time, the CSV text the readers consume),
/// ExcelDataReader 3.6 (MIT; an IDataReader of objects) and MiniExcel 1.47 (Apache-2.0; Query of dictionaries).
/// <see cref="HospitalReader"/> is the whole hospital reader on the sheet.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*XlsxReader*'</c>.
/// Peak memory per reader: <c>-- write-xlsx file.xlsx 100000</c>, then <c>/usr/bin/time -v ... -- read-xlsx handwritten|exceldatareader|miniexcel file.xlsx</c>.
/// Results and the choice: docs/performance.md.</remarks>
[QuickJob]
public class XlsxReaderBenchmarks
{
    /// <summary>Rows per operation.</summary>
    public const int Rows = 100_000;

    private string _folder = string.Empty;
    private string _path = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "medpay-xlsx-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _path = Path.Combine(_folder, "hospitals.xlsx");
        WriteSheet(_path, Rows);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>The hand-written reader: the sheet as the CSV text the table readers consume.</summary>
    [Benchmark(Baseline = true)]
    public long HandWritten() => Read("handwritten", _path);

    /// <summary>ExcelDataReader 3.6: every cell as an object, then its text.</summary>
    [Benchmark]
    public long ExcelDataReader36() => Read("exceldatareader", _path);

    /// <summary>MiniExcel 1.47: every row as a dictionary, every value's text.</summary>
    [Benchmark]
    public long MiniExcel147() => Read("miniexcel", _path);

    /// <summary>The hospital reader on the sheet: split, validate, one record per row.</summary>
    [Benchmark]
    public int HospitalReader() => HospitalCsvReader.ReadFile(_path).Count(r => !r.IsRejected);

    /// <summary>Reads the sheet with one of the readers; the total length of the cells' text.</summary>
    public static long Read(string reader, string path)
    {
        long sum = 0;
        switch (reader)
        {
            case "handwritten":
                using (var text = TableFiles.OpenText(path))
                {
                    for (var line = text.ReadLine(); line is not null; line = text.ReadLine())
                    {
                        sum += line.Length;
                    }
                }

                return sum;
            case "exceldatareader":
                // ExcelDataReader asks for code page 1252 even for .xlsx on .NET (Core).
                System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
                using (var stream = File.OpenRead(path))
                using (var excel = ExcelReaderFactory.CreateOpenXmlReader(stream))
                {
                    while (excel.Read())
                    {
                        for (var i = 0; i < excel.FieldCount; i++)
                        {
                            sum += Convert.ToString(excel.GetValue(i), CultureInfo.InvariantCulture)?.Length ?? 0;
                        }
                    }
                }

                return sum;
            case "miniexcel":
                foreach (IDictionary<string, object?> row in MiniExcel.Query(path))
                {
                    foreach (var value in row.Values)
                    {
                        sum += Convert.ToString(value, CultureInfo.InvariantCulture)?.Length ?? 0;
                    }
                }

                return sum;
            default:
                throw new ArgumentException("reader: handwritten, exceldatareader or miniexcel", nameof(reader));
        }
    }

    /// <summary>Writes the benchmark's hospital sheet with <paramref name="rows"/> data rows.</summary>
    public static void WriteSheet(string path, int rows)
    {
        var strings = new List<string> { "hospital_id", "name", "level", "type", "coefficient", "listed_on", "三级甲等", "二级乙等", "general", "primary" };
        var header = XlsxWriter.Row(1, Enumerable.Range(0, 6).Select(c => XlsxWriter.Shared(XlsxWriter.Column(c) + "1", c)).ToArray());
        for (var r = 0; r < rows; r++)
        {
            strings.Add("H" + r.ToString("D6", CultureInfo.InvariantCulture));
            strings.Add("示例市第" + r.ToString(CultureInfo.InvariantCulture) + "人民医院");
        }

        IEnumerable<string> Data()
        {
            yield return header;
            for (var r = 0; r < rows; r++)
            {
                var n = (r + 2).ToString(CultureInfo.InvariantCulture);
                yield return XlsxWriter.Row(
                    r + 2,
                    XlsxWriter.Shared("A" + n, 10 + (2 * r)),
                    XlsxWriter.Shared("B" + n, 11 + (2 * r)),
                    XlsxWriter.Shared("C" + n, r % 3 == 0 ? 7 : 6),
                    XlsxWriter.Shared("D" + n, r % 3 == 0 ? 9 : 8),
                    XlsxWriter.Number("E" + n, (1 + (r % 50 / 100.0)).ToString("R", CultureInfo.InvariantCulture)),
                    XlsxWriter.Number("F" + n, (45658 + (r % 365)).ToString(CultureInfo.InvariantCulture), XlsxWriter.DateStyle));
            }
        }

        using var file = File.Create(path);
        XlsxWriter.Write(file, new[] { new XlsxSheet("Sheet1", Data()) }, strings, XlsxWriter.DateStyles);
    }
}
