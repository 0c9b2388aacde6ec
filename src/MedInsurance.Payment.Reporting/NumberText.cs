using System.Text;

namespace MedInsurance.Payment.Reporting;

/// <summary>
/// 千分位 — the one place the report groups the digits of a number cell for a reader (1,234,567.89): a plain decimal
/// (optional minus, digits, optional fraction) gets a comma every three integer digits; any other text (a percent, a
/// code, a formula, an empty cell) is left as it is. The CSV and JSON outputs are never grouped.
/// </summary>
internal static class NumberText
{
    public static string Grouped(string text)
    {
        var start = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var point = text.IndexOf('.');
        var end = point < 0 ? text.Length : point;
        if (end - start < 4)
        {
            return text;
        }

        for (var i = start; i < text.Length; i++)
        {
            if (i != point && (text[i] < '0' || text[i] > '9'))
            {
                return text;
            }
        }

        var b = new StringBuilder(text.Length + ((end - start) / 3));
        b.Append(text, 0, start);
        for (var i = start; i < end; i++)
        {
            if (i > start && (end - i) % 3 == 0)
            {
                b.Append(',');
            }

            b.Append(text[i]);
        }

        return b.Append(text, end, text.Length - end).ToString();
    }
}
