using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MedInsurance.Payment.Reporting;

/// <summary>One bar of a series: the value (drawn) and its printed text.</summary>
internal readonly record struct Bar(decimal Value, string Text);

/// <summary>A series of a bar chart: a CSS class, a legend text and one bar per category.</summary>
internal sealed record BarSeries(string CssClass, string Legend, IReadOnlyList<Bar> Bars);

/// <summary>
/// A horizontal bar chart as inline SVG, drawn with decimal arithmetic (no floating point) so that the output is
/// byte-identical for the same input. One row per category, one bar per series in each row; bar length is
/// proportional to value ÷ the largest value of the chart (negative values draw as zero length, the text shows them).
/// </summary>
internal static class SvgBarChart
{
    private const int Width = 760;
    private const int LabelWidth = 200;
    private const int TextWidth = 120;
    private const int BarHeight = 14;
    private const int RowGap = 8;
    private const int Top = 28;
    private const int MaxLabel = 16;

    public static void Write(StringBuilder html, string id, string title, IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series)
    {
        var plot = Width - LabelWidth - TextWidth;
        var max = 0m;
        foreach (var s in series)
        {
            foreach (var b in s.Bars)
            {
                max = Math.Max(max, b.Value);
            }
        }

        var rowHeight = (series.Count * BarHeight) + RowGap;
        var height = Top + (categories.Count * rowHeight) + RowGap;
        html.Append("<svg class=\"chart\" id=\"").Append(id)
            .Append("\" role=\"img\" viewBox=\"0 0 ").Append(I(Width)).Append(' ').Append(I(height))
            .Append("\" width=\"").Append(I(Width)).Append("\" height=\"").Append(I(height)).Append("\">\n");
        html.Append("<title>").Append(Html.Encode(title)).Append("</title>\n");

        // Legend.
        var x = LabelWidth;
        foreach (var s in series)
        {
            html.Append("<rect class=\"legend ").Append(s.CssClass).Append("\" x=\"").Append(I(x)).Append("\" y=\"6\" width=\"12\" height=\"12\"/>")
                .Append("<text x=\"").Append(I(x + 16)).Append("\" y=\"16\">").Append(Html.Encode(s.Legend)).Append("</text>\n");
            x += 260;
        }

        for (var c = 0; c < categories.Count; c++)
        {
            var rowTop = Top + (c * rowHeight);
            html.Append("<g class=\"row\">")
                .Append("<text class=\"label\" x=\"").Append(I(LabelWidth - 6)).Append("\" y=\"").Append(I(rowTop + ((series.Count * BarHeight) / 2) + 4))
                .Append("\" text-anchor=\"end\">").Append(Html.Encode(Label(categories[c]))).Append("</text>\n");
            for (var k = 0; k < series.Count; k++)
            {
                var bar = series[k].Bars[c];
                var length = max <= 0m || bar.Value <= 0m ? 0m : bar.Value * plot / max;
                var y = rowTop + (k * BarHeight);
                html.Append("<rect class=\"bar ").Append(series[k].CssClass).Append("\" x=\"").Append(I(LabelWidth))
                    .Append("\" y=\"").Append(I(y + 1)).Append("\" width=\"").Append(D(length)).Append("\" height=\"").Append(I(BarHeight - 2))
                    .Append("\"><title>").Append(Html.Encode(categories[c] + " — " + series[k].Legend + ": " + bar.Text)).Append("</title></rect>")
                    .Append("<text class=\"value\" x=\"").Append(D(LabelWidth + length + 4)).Append("\" y=\"").Append(I(y + BarHeight - 3)).Append("\">")
                    .Append(Html.Encode(bar.Text)).Append("</text>\n");
            }

            html.Append("</g>\n");
        }

        html.Append("<line class=\"axis\" x1=\"").Append(I(LabelWidth)).Append("\" y1=\"").Append(I(Top - 4))
            .Append("\" x2=\"").Append(I(LabelWidth)).Append("\" y2=\"").Append(I(height - RowGap + 4)).Append("\"/>\n");
        html.Append("</svg>\n");
    }

    /// <summary>A category label that fits the label column (the full text is in each bar's tooltip).</summary>
    private static string Label(string text) => text.Length <= MaxLabel ? text : text.Remove(MaxLabel - 1) + "…";

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
