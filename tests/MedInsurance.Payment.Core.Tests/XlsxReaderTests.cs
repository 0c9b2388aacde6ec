using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;
using static MedInsurance.Payment.TestSupport.XlsxWriter;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>The .xlsx reader: a worksheet as CSV text, line N = worksheet row N (expected texts written by hand).</summary>
public sealed class XlsxReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("medpay-xlsx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Shared_strings_inline_strings_and_numbers_become_csv_lines()
    {
        var text = Csv(
            new[]
            {
                new XlsxSheet("Sheet1", new[]
                {
                    Row(1, Shared("A1", 0), Shared("B1", 1), Inline("C1", "备注")),
                    Row(2, Shared("A2", 2), Number("B2", "1.05"), Inline("C2", "市第一, 人民\"医院\"")),
                }),
            },
            new[] { "hospital_id", "coefficient", "H001" });
        Assert.Equal("hospital_id,coefficient,备注\nH001,1.05,\"市第一, 人民\"\"医院\"\"\"\n", text);
    }

    [Theory]
    [InlineData("1234.5", "1234.5")]
    [InlineData("1234.4999999999999", "1234.5")]
    [InlineData("0.30000000000000004", "0.3")]
    [InlineData("0.1", "0.1")]
    [InlineData("2.675", "2.675")]
    [InlineData("1.1038", "1.1038")]
    [InlineData("8426.7596800000001", "8426.75968")]
    [InlineData("100", "100")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("-0", "0")]
    [InlineData("1E-3", "0.001")]
    [InlineData("1.5E+20", "150000000000000000000")]
    [InlineData("12345678901234567890", "12345678901234600000")]
    [InlineData("9.9999999999999999", "10")]
    [InlineData("0.99999999999999989", "1")]
    [InlineData("0", "0")]
    [InlineData(".5", "0.5")]
    [InlineData("00.5", "0.5")]
    [InlineData("1.", "1")]
    [InlineData("1.50", "1.5")]
    [InlineData("1234567890123456", "1234567890123460")]
    [InlineData("not a number", "not a number")]
    public void Number_cells_are_exact_decimal_text_to_15_significant_digits(string stored, string expected)
    {
        var text = Csv(new[] { new XlsxSheet("S", new[] { Row(1, Number("A1", stored)) }) });
        Assert.Equal(expected + "\n", text);
    }

    [Fact]
    public void Empty_cells_sparse_columns_and_missing_rows_keep_worksheet_positions()
    {
        var rows = new[]
        {
            Row(1, Inline("A1", "a"), Inline("C1", "c")),

            // Row 2 and 3 are absent; row 4 has a cell with no value and a styled empty cell.
            Row(4, Inline("B4", "b"), "<c r=\"C4\" s=\"0\"/>", "<c r=\"D4\"><v></v></c>"),

            // No r on the row (row 5) nor on its cells (columns A, B after the previous).
            "<row><c t=\"inlineStr\"><is><t>x</t></is></c><c><v>2</v></c></row>",

            // An empty row element: an empty line.
            "<row r=\"6\"/>",
            Row(8, Inline("AB8", "far")),
        };
        var text = Csv(new[] { new XlsxSheet("S", rows) });
        // Rows are padded to the header's three fields (row 1); the empty row 6 and absent rows 2, 3 and 7 are empty lines.
        var expected = "a,,c\n\n\n,b,\nx,2,\n\n\n" + new string(',', 27) + "far\n";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Rich_text_runs_are_joined_without_phonetic_runs_and_line_breaks_become_spaces()
    {
        var strings = new[]
        {
            "<si><r><t>支付</t></r><r><rPr><b/></rPr><t>标准</t></r><rPh sb=\"0\" eb=\"2\"><t>しはらい</t></rPh></si>",
            "<si><t>费率\n（三级）</t></si>",
            "<si><t>line_x000D_\nbreak</t></si>",
        };
        var text = Csv(new[] { new XlsxSheet("S", new[] { Row(1, Shared("A1", 0), Shared("B1", 1), Shared("C1", 2)) }) }, strings);
        Assert.Equal("支付标准,费率 （三级）,line break\n", text);
    }

    [Fact]
    public void Booleans_errors_formulas_and_dates()
    {
        var rows = new[]
        {
            Row(
                1,
                "<c r=\"A1\" t=\"b\"><v>1</v></c>",
                "<c r=\"B1\" t=\"b\"><v>0</v></c>",
                "<c r=\"C1\" t=\"e\"><v>#N/A</v></c>",
                "<c r=\"D1\" t=\"str\"><f>A2&amp;\"x\"</f><v>GB1x</v></c>",
                "<c r=\"E1\"><f>1+1</f><v>2</v></c>",
                "<c r=\"F1\"><f>1+1</f></c>",
                Number("G1", "46023", DateStyle),
                Number("H1", "45658.5", DateStyle),
                Number("I1", "46023")),
        };
        var text = Csv(new[] { new XlsxSheet("S", rows) }, styles: DateStyles);
        Assert.Equal("1,0,#N/A,GB1x,2,,2026-01-01,2025-01-01 12:00:00,46023\n", text);
    }

    [Fact]
    public void Custom_date_formats_are_dates_and_number_formats_are_not()
    {
        const string styles = "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<numFmts count=\"3\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/><numFmt numFmtId=\"177\" formatCode=\"#,##0.00_);[Red]\\(#,##0.00\\)\"/><numFmt numFmtId=\"178\" formatCode=\"0.00E+00\"/></numFmts>"
            + "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"176\"/><xf numFmtId=\"177\"/><xf numFmtId=\"178\"/></cellXfs></styleSheet>";
        var text = Csv(new[] { new XlsxSheet("S", new[] { Row(1, Number("A1", "46023", 1), Number("B1", "1234.5", 2), Number("C1", "1234.5", 3)) }) }, styles: styles);
        Assert.Equal("2026-01-01,1234.5,1234.5\n", text);
    }

    [Fact]
    public void The_first_visible_worksheet_is_read_unless_a_sheet_is_named()
    {
        var sheets = new[]
        {
            new XlsxSheet("代码表", new[] { Row(1, Inline("A1", "hidden")) }, Hidden: true),
            new XlsxSheet("Sheet2", new[] { Row(1, Inline("A1", "second")) }),
            new XlsxSheet("2025权重", new[] { Row(1, Inline("A1", "third")) }),
        };
        var path = Path.Combine(_folder, "book.xlsx");
        WriteFile(path, sheets);

        Assert.Equal("second\n", ReadAll(path));
        Assert.Equal("third\n", ReadAll(path + "#2025权重"));
        Assert.Equal("hidden\n", ReadAll(path + "#代码表"));
        Assert.Equal("second\n", ReadAll(path + "#sheet2"));
        var missing = Assert.Throws<InvalidDataException>(() => ReadAll(path + "#Sheet9"));
        Assert.Contains("book.xlsx", missing.Message, StringComparison.Ordinal);
        Assert.Contains("no sheet named 'Sheet9'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'代码表' (hidden)", missing.Message, StringComparison.Ordinal);
        Assert.True(TableFiles.Exists(path + "#Sheet9"));
        Assert.Equal(path, TableFiles.FilePath(path + "#2025权重"));
        Assert.Equal("2025权重", TableFiles.SheetName(path + "#2025权重"));
        Assert.False(TableFiles.IsWorkbook(Path.Combine(_folder, "weights.csv")));
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused_with_the_file_and_the_reason()
    {
        var notZip = Path.Combine(_folder, "weights.xlsx");
        File.WriteAllText(notZip, "drg,weight\nGB29,1.5\n");
        var e1 = Assert.Throws<InvalidDataException>(() => ReadAll(notZip));
        Assert.StartsWith("weights.xlsx: ", e1.Message, StringComparison.Ordinal);
        Assert.Contains("not a zip archive", e1.Message, StringComparison.Ordinal);

        var otherZip = Path.Combine(_folder, "report.xlsx");
        using (var zip = System.IO.Compression.ZipFile.Open(otherZip, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<document/>");
        }

        var e2 = Assert.Throws<InvalidDataException>(() => ReadAll(otherZip));
        Assert.Contains("report.xlsx", e2.Message, StringComparison.Ordinal);
        Assert.Contains("no xl/workbook.xml", e2.Message, StringComparison.Ordinal);

        var xls = Path.Combine(_folder, "old.xls");
        File.WriteAllBytes(xls, new byte[] { 0xD0, 0xCF, 0x11, 0xE0 });
        Assert.Contains(".xls", Assert.Throws<InvalidDataException>(() => ReadAll(xls)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_or_damaged_workbook_is_refused_never_an_unhandled_exception()
    {
        var rows = Enumerable.Range(1, 5000).Select(r => Row(r, Inline("A" + r, "row" + r), Number("B" + r, r + ".5"))).ToList();
        var whole = Bytes(new[] { new XlsxSheet("S", rows) });
        for (var cut = 100; cut < whole.Length; cut += whole.Length / 7)
        {
            var path = Path.Combine(_folder, "cut" + cut + ".xlsx");
            File.WriteAllBytes(path, whole.Take(cut).ToArray());
            var e = Assert.Throws<InvalidDataException>(() => ReadAll(path));
            Assert.StartsWith("cut" + cut + ".xlsx", e.Message, StringComparison.Ordinal);
        }

        var broken = Path.Combine(_folder, "broken.xlsx");
        WriteFile(broken, new[] { new XlsxSheet("S", new[] { Row(1, Inline("A1", "a")), Row(2, Inline("A2", "b")), "<row r=\"3\"><c r=\"A3\"><v>1</c></row>" }) });
        var damaged = Assert.Throws<InvalidDataException>(() => ReadAll(broken));
        Assert.Contains("broken.xlsx", damaged.Message, StringComparison.Ordinal);
        Assert.Contains("not well-formed XML", damaged.Message, StringComparison.Ordinal);
        Assert.Contains("in row 3", damaged.Message, StringComparison.Ordinal);

        var unordered = Path.Combine(_folder, "unordered.xlsx");
        WriteFile(unordered, new[] { new XlsxSheet("S", new[] { Row(2, Inline("A2", "a")), Row(1, Inline("A1", "b")) }) });
        Assert.Contains("row 1 out of order", Assert.Throws<InvalidDataException>(() => ReadAll(unordered)).Message, StringComparison.Ordinal);

        var badString = Path.Combine(_folder, "badstring.xlsx");
        WriteFile(badString, new[] { new XlsxSheet("S", new[] { Row(1, Shared("A1", 5)) }) }, new[] { "only" });
        Assert.Contains("shared string that does not exist", Assert.Throws<InvalidDataException>(() => ReadAll(badString)).Message, StringComparison.Ordinal);

        var dtd = Path.Combine(_folder, "dtd.xlsx");
        WriteFile(dtd, new[] { new XlsxSheet("S", new[] { "<!DOCTYPE x [<!ENTITY e \"boom\">]>" }) });
        Assert.IsType<InvalidDataException>(Record.Exception(() => ReadAll(dtd)));
    }

    [Fact]
    public void A_reader_applies_its_checks_to_a_sheet_and_line_n_is_worksheet_row_n()
    {
        // Row 3 is absent from the sheet; row 5 repeats H1. The reader's own checks apply to the sheet unchanged.
        var path = Path.Combine(_folder, "hospitals.xlsx");
        WriteFile(path, new[]
        {
            new XlsxSheet("Sheet1", new[]
            {
                Row(1, Inline("A1", "hospital_id"), Inline("B1", "name"), Inline("C1", "level"), Inline("D1", "type")),
                Row(2, Inline("A2", "H1"), Inline("B2", "一院"), Inline("C2", "三级甲等"), Inline("D2", "general")),
                Row(4, Inline("A4", "H2"), Inline("B4", "二院"), Inline("C4", "三级乙"), Inline("D4", "general")),
                Row(5, Inline("A5", "H1"), Inline("B5", "重复"), Inline("C5", "3A"), Inline("D5", "tcm")),
            }),
        });
        var rows = HospitalCsvReader.ReadFile(path);
        Assert.Equal(3, rows.Count);
        Assert.False(rows[0].IsRejected);
        Assert.True(rows[2].IsRejected);

        // A record counts data rows as for CSV (blank lines skipped); the text's line N is worksheet row N.
        Assert.Equal(new[] { 1, 2, 3 }, rows.Select(r => r.RowNumber));
        using var input = TableFiles.OpenText(path);
        var lines = new List<string>();
        for (var line = input.ReadLine(); line is not null; line = input.ReadLine())
        {
            lines.Add(line);
        }

        Assert.Equal(5, lines.Count);
        Assert.Equal(string.Empty, lines[2]);
        Assert.Equal("H1,重复,3A,tcm", lines[4]);
    }

    [Fact]
    public void A_row_too_wide_for_the_csv_limits_is_rejected_and_reading_goes_on()
    {
        var path = Path.Combine(_folder, "wide.xlsx");
        WriteFile(path, new[]
        {
            new XlsxSheet("S", new[]
            {
                Row(1, Inline("A1", "hospital_id"), Inline("B1", "name")),
                Row(2, Inline("A2", "H1"), Inline("B2", new string('长', 30_000) + "\n" + new string('x', 10))),
                Row(3, Inline("A3", "H2"), Inline("B3", "ok")),
            }),
        });
        var rows = HospitalCsvReader.ReadFile(path);
        Assert.Equal(2, rows.Count);
        // 90 000 bytes of UTF-8 in row 2: past the 65 536-byte row limit, named by its worksheet row.
        Assert.Contains(rows[0].Issues, i => i.Code == Validation.IssueCodes.RowTooWide && i.Field == "line 2");
        Assert.False(rows[1].IsRejected);
        Assert.Equal("H2", rows[1].Id);
    }

    [Fact]
    public void A_workbook_written_by_another_writer_reads_as_typed()
    {
        // Written by openpyxl 3.0.9: a first sheet 说明 with a note, then 权重表 with inline strings, 0.1+0.2+0.686 stored
        // as 0.9860000000000001, 1.1, and the date 2026-01-01 as serial 46023 in a date style; theme and docProps parts.
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "openpyxl-weights.xlsx");
        Assert.Equal("本表为示例\n", ReadAll(path));
        Assert.Equal("DRG编码,DRG名称,RW,三级医院系数,生效日期\nGD25,\"阑尾切除术, 复杂\",0.986,1.1,2026-01-01\nZZ19,按项目付费组,,,\n", ReadAll(path + "#权重表"));
    }

    [Fact]
    public void A_hospital_sheet_reads_as_the_hospital_csv_with_the_same_rejections()
    {
        const string text = "hospital_id,name,level,type,coefficient\nH001,市第一人民医院,三级甲等,general,1.05\nH002,某镇卫生院,1,primary,\n\nH003,X,五级,alien,0.9\nH001,dup,3A,tcm,\n,无代码,3A,general,\n";
        var csv = Path.Combine(_folder, "hospitals.csv");
        File.WriteAllText(csv, text, new UTF8Encoding(false));
        var xlsx = Path.Combine(_folder, "hospitals.xlsx");
        WriteTableFromCsv(xlsx, text, "医院", "hospital_id");

        var fromCsv = HospitalCsvReader.ReadFile(csv);
        var fromXlsx = HospitalCsvReader.ReadFile(xlsx);
        Assert.Equal(5, fromXlsx.Count);
        Assert.Equal(fromCsv.Select(Describe), fromXlsx.Select(Describe));
        Assert.Equal("1.05", fromXlsx[0].Value!.GetExtra("coefficient"));
        Assert.True(fromXlsx[3].IsRejected);
    }

    private static string Describe(ReadRecord<HospitalRow> r) =>
        r.RowNumber + "|" + r.Id + "|" + r.IsRejected + "|" + string.Join(";", r.Issues.Select(i => i.Code + "@" + i.Field))
        + "|" + (r.Value is { } v ? v.Hospital.Id + "," + v.Hospital.Name + "," + v.Hospital.Level + "," + v.Hospital.Type + "," + v.GetExtra("coefficient") : "-");

    private static string Csv(IReadOnlyList<XlsxSheet> sheets, IReadOnlyList<string>? strings = null, string? styles = null)
    {
        using var reader = TableFiles.OpenWorkbook(new MemoryStream(Bytes(sheets, strings, styles)), null, "test.xlsx");
        return reader.ReadToEnd();
    }

    private static byte[] Bytes(IReadOnlyList<XlsxSheet> sheets, IReadOnlyList<string>? strings = null, string? styles = null)
    {
        using var memory = new MemoryStream();
        Write(memory, sheets, strings, styles);
        return memory.ToArray();
    }

    private static string ReadAll(string path)
    {
        using var reader = TableFiles.OpenText(path);
        var text = new StringBuilder();
        var buffer = new char[7];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, n);
        }

        return text.ToString();
    }
}
