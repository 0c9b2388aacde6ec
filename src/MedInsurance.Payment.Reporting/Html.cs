using System.Net;

namespace MedInsurance.Payment.Reporting;

/// <summary>HTML text encoding (every piece of data goes through here).</summary>
internal static class Html
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
