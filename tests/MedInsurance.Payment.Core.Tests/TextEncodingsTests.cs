using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Core.Tests;

public sealed class TextEncodingsTests
{
    private static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936).GetBytes(text);
    }

    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf8")]
    [InlineData("gb18030")]
    [InlineData("utf16-bom")]
    public void Auto_detection_reads_every_encoding_regional_files_arrive_in(string kind)
    {
        const string text = "清单流水号,主要诊断代码\r\nA1,K35.800x002\r\n";
        var bytes = kind switch
        {
            "utf8-bom" => new byte[] { 0xEF, 0xBB, 0xBF }.Concat(new UTF8Encoding(false).GetBytes(text)).ToArray(),
            "utf8" => new UTF8Encoding(false).GetBytes(text),
            "gb18030" => Gb18030(text),
            _ => new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
        };
        Assert.Equal(text, TextEncodings.Decode(bytes, TextEncodingChoice.Auto, "f.csv", out _));
    }

    [Fact]
    public void A_multibyte_character_cut_by_the_end_of_a_prefix_is_still_utf8_but_not_at_the_end_of_a_file()
    {
        var bytes = new UTF8Encoding(false).GetBytes("ab清");
        var cut = bytes.Length - 1;
        Assert.Equal("utf-8", TextEncodings.Detect(bytes, cut, complete: false, TextEncodingChoice.Auto, out _).WebName, ignoreCase: true);
        Assert.Equal("gb18030", TextEncodings.Detect(bytes, cut, complete: true, TextEncodingChoice.Auto, out _).WebName, ignoreCase: true);
    }

    [Theory]
    [InlineData("auto", TextEncodingChoice.Auto)]
    [InlineData("UTF-8", TextEncodingChoice.Utf8)]
    [InlineData("gbk", TextEncodingChoice.Gb18030)]
    public void Encoding_options_parse(string text, TextEncodingChoice expected)
    {
        Assert.True(TextEncodings.TryParseChoice(text, out var choice));
        Assert.Equal(expected, choice);
        Assert.False(TextEncodings.TryParseChoice("latin1", out _));
    }

    [Fact]
    public void Bytes_invalid_in_the_chosen_encoding_are_an_error_with_the_offset()
    {
        var error = Assert.Throws<InvalidDataException>(() => TextEncodings.Decode(new byte[] { 0x41, 0xFF, 0x42 }, TextEncodingChoice.Utf8, "f.csv", out _));
        Assert.StartsWith("f.csv: the bytes at offset 1 are not valid utf-8", error.Message, System.StringComparison.Ordinal);
    }
}
