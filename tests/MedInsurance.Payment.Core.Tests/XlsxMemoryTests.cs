using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;
using static MedInsurance.Payment.TestSupport.XlsxWriter;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>Runs alone (no other test allocates meanwhile), so the heap measured is the reader's.</summary>
[CollectionDefinition(nameof(XlsxMemoryCollection), DisableParallelization = true)]
public sealed class XlsxMemoryCollection
{
}

[Collection(nameof(XlsxMemoryCollection))]
public sealed class XlsxMemoryTests : IDisposable
{
    private const int Rows = 200_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("medpay-xlsx-mem-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_200_000_row_sheet_is_read_with_memory_that_does_not_grow_with_the_rows()
    {
        // 200 000 rows of 6 cells (≈ 40 MB of sheet XML once decompressed): the reader keeps one row, not the sheet.
        var path = Path.Combine(_folder, "big.xlsx");
        WriteFile(path, new[] { new XlsxSheet("S", Enumerable.Range(1, Rows).Select(BigRow)) });

        using var reader = TableFiles.OpenText(path);
        long baseline = 0;
        long peak = 0;
        var lines = 0;
        string? last = null;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lines++;
            last = line;
            if (lines == 1_000)
            {
                baseline = GC.GetTotalMemory(forceFullCollection: true);
            }
            else if (lines % 50_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        Assert.Equal(Rows, lines);
        // 1.200000 typed as a number is the number 1.2.
        Assert.Equal("GB200000,某某医院200000病组名称,1.2,2026-01-01,,x", last);

        // What is kept between rows does not grow: a reader that held the rows would keep tens of megabytes more.
        Assert.InRange(peak - baseline, long.MinValue, 8L << 20);
    }

    private static string BigRow(int r)
    {
        var n = r.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Row(r, Inline("A" + n, "GB" + n), Inline("B" + n, "某某医院" + n + "病组名称"), Number("C" + n, "1." + n), Inline("D" + n, "2026-01-01"), Inline("F" + n, "x"));
    }
}
