using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using CsvHelper.Configuration;
using MedInsurance.Payment.Interchange;
using nietras.SeparatedValues;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// Which CSV parser the case reader is built on (issue 13): 100 000 rows of the 1 000 000-case measurement file (the
/// golden cases repeated with new ids, hospitals, funds, dates and costs; 15 columns, ~118 bytes a row), held in memory
/// as UTF-8 bytes. Each parser splits every row and touches every field (its length is summed, so nothing is skipped):
/// CsvHelper 33 as the readers used it (<c>GetField</c> per column, a string each), Sylvan.Data.Csv and Sep (spans over
/// decoded UTF-16), and the hand-written byte-level splitter (<c>CsvByteReader</c>: spans over the undecoded bytes).
/// <see cref="CaseReader"/> is the whole case reader on the same rows: split, convert, parse codes, validate, ids.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*CsvParser*'</c>.
/// Results and the choice: docs/performance.md.</remarks>
[QuickJob]
public class CsvParserBenchmarks
{
    /// <summary>Rows per operation.</summary>
    public const int Rows = 100_000;

    private byte[] _bytes = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup() => _bytes = MeasurementRows(Rows, "medpay-csv-bench");

    /// <summary>The first <paramref name="rows"/> rows of the measurement file, as UTF-8 bytes (written to a temporary folder, read back, deleted).</summary>
    internal static byte[] MeasurementRows(int rows, string folderName)
    {
        var folder = Path.Combine(Path.GetTempPath(), folderName);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "cases.csv");
        DrgPriceBenchmarks.WriteCases(Path.Combine(SharedFolder.Find(), "golden", "chs-drg-1.1", "cases-50k.csv"), path, rows);
        var bytes = File.ReadAllBytes(path);
        Directory.Delete(folder, recursive: true);
        return bytes;
    }

    /// <summary>CsvHelper 33, as the readers used it before (a string per field).</summary>
    [Benchmark(Baseline = true)]
    public long CsvHelper33()
    {
        using var reader = new StreamReader(new MemoryStream(_bytes), new UTF8Encoding(false));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, BadDataFound = null, MissingFieldFound = null });
        csv.Read();
        csv.ReadHeader();
        long sum = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.Parser.Count; i++)
            {
                sum += csv.GetField(i)!.Length;
            }
        }

        return sum;
    }

    /// <summary>Sylvan.Data.Csv 1.4.4 (netstandard2.0 and net10.0): field spans of UTF-16.</summary>
    [Benchmark]
    public long Sylvan()
    {
        using var reader = new StreamReader(new MemoryStream(_bytes), new UTF8Encoding(false));
        using var csv = global::Sylvan.Data.Csv.CsvDataReader.Create(reader);
        long sum = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                sum += csv.GetFieldSpan(i).Length;
            }
        }

        return sum;
    }

    /// <summary>Sep 0.18 (net8.0 and later only): field spans of UTF-16.</summary>
    [Benchmark]
    public long Sep()
    {
        using var reader = nietras.SeparatedValues.Sep.Reader(o => o with { HasHeader = true }).From(new MemoryStream(_bytes));
        long sum = 0;
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                sum += row[i].Span.Length;
            }
        }

        return sum;
    }

    /// <summary>The hand-written RFC 4180 splitter the readers now use: field spans of the undecoded bytes.</summary>
    [Benchmark]
    public long ByteSplitter()
    {
        using var rows = new CsvByteReader(new MemoryStream(_bytes), CsvReadOptions.Default, ownsStream: true);
        rows.MoveNext();
        long sum = 0;
        while (rows.MoveNext())
        {
            for (var i = 0; i < rows.FieldCount; i++)
            {
                sum += rows.Field(i).Length;
            }
        }

        return sum;
    }

    /// <summary>The whole case reader on the same rows (split, convert, codes, validation, duplicate ids).</summary>
    [Benchmark]
    public int CaseReader() => CaseCsvReader.Read(new MemoryStream(_bytes), CsvReadOptions.Default, null).Count(r => !r.IsRejected);
}
