using System;
using System.IO;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace MedInsurance.Payment.Demo;

/// <summary>Reads the demo region's embedded files.</summary>
internal static class EmbeddedData
{
    private static readonly Assembly Assembly = typeof(EmbeddedData).Assembly;

    public static Stream Open(string name) =>
        Assembly.GetManifestResourceStream("Demo/" + name)
        ?? throw new InvalidOperationException("Embedded demo file missing: " + name);

    public static string ReadText(string name)
    {
        using var reader = new StreamReader(Open(name), new UTF8Encoding(false));
        return reader.ReadToEnd();
    }

    public static TextReader Reader(string name) => new StreamReader(Open(name), new UTF8Encoding(false));

    /// <summary>
    /// Writes the embedded DRG rule text into a folder named by its content hash under the temp directory (written
    /// once, atomically), because the rule-text loader reads a folder like a region's published tables.
    /// </summary>
    public static string ExtractDrgRuleFolder()
    {
        // Stored under demo-* names (the demo is this project's own text, not a copy of the national tables) and
        // written out under the file names the rule-text loader expects.
        var files = new[] { "1_MDC.txt", "2_ADRG.txt", "3_DRG.txt", "4_ADRG_DETAIL.txt", "5_MCC.txt", "6_CC.txt", "7_CCE.txt" };
        var stored = new[] { "demo-mdc.txt", "demo-adrg.txt", "demo-drg.txt", "demo-adrg-detail.txt", "demo-mcc.txt", "demo-cc.txt", "demo-cce.txt" };
        var contents = new string[files.Length];
        var all = new StringBuilder();
        for (var i = 0; i < files.Length; i++)
        {
            contents[i] = ReadText("drg/" + stored[i]);
            all.Append(files[i]).Append('\n').Append(contents[i]);
        }

        var bytes = Encoding.UTF8.GetBytes(all.ToString());
#if NET
        var hash = Convert.ToHexString(SHA256.HashData(bytes), 0, 8);
#else
        string hash;
        using (var sha = SHA256.Create())
        {
            hash = BitConverter.ToString(sha.ComputeHash(bytes), 0, 8).Replace("-", string.Empty);
        }
#endif

        var folder = Path.Combine(Path.GetTempPath(), "medinsurance-payment-demo", "drg-" + hash);
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var staging = folder + "." + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        for (var i = 0; i < files.Length; i++)
        {
            File.WriteAllText(Path.Combine(staging, files[i]), contents[i], new UTF8Encoding(false));
        }

        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            Directory.Delete(staging, recursive: true); // another process won the race; its copy is identical
        }

        return folder;
    }
}
