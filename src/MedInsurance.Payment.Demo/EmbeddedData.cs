using System;
using System.Collections.Generic;
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

    private static readonly string[] DrgFileNames = { "1_MDC.txt", "2_ADRG.txt", "3_DRG.txt", "4_ADRG_DETAIL.txt", "5_MCC.txt", "6_CC.txt", "7_CCE.txt" };

    // Stored under demo-* names (the demo is this project's own text, not a copy of the national tables) and written out
    // under the file names the rule-text loader expects.
    private static readonly string[] DrgStoredNames = { "demo-mdc.txt", "demo-adrg.txt", "demo-drg.txt", "demo-adrg-detail.txt", "demo-mcc.txt", "demo-cc.txt", "demo-cce.txt" };

    /// <summary>
    /// Writes the embedded DRG rule text into a folder named by its content hash under the temp directory (written
    /// once, atomically), because the rule-text loader reads a folder like a region's published tables.
    /// </summary>
    public static string ExtractDrgRuleFolder()
    {
        var files = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < DrgFileNames.Length; i++)
        {
            files.Add(new KeyValuePair<string, string>(DrgFileNames[i], ReadText("drg/" + DrgStoredNames[i])));
        }

        return Extract("drg", files);
    }

    /// <summary>
    /// Writes the whole demo region as a region publishes it (<c>chs-drg/1_MDC.txt</c> … <c>7_CCE.txt</c>, the weights,
    /// the DIP catalog, procedure attributes and auxiliary lists, the hospitals and the clearing policy) into a folder
    /// named by its content hash under the temp directory, for the host package's file loaders.
    /// </summary>
    /// <param name="auxiliaryListsJson">The auxiliary-typing lists (CC and MCC of the demo rule pack) as JSON.</param>
    /// <returns>The folder.</returns>
    public static string ExtractRegionFolder(string auxiliaryListsJson)
    {
        var files = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < DrgFileNames.Length; i++)
        {
            files.Add(new KeyValuePair<string, string>("chs-drg/" + DrgFileNames[i], ReadText("drg/" + DrgStoredNames[i])));
        }

        foreach (var name in new[] { "drg-weights.csv", "dip-catalog.json", "procedure-attributes.csv", "hospitals.csv", "settlement-policy.json" })
        {
            files.Add(new KeyValuePair<string, string>(name, ReadText(name)));
        }

        files.Add(new KeyValuePair<string, string>("dip-auxiliary-lists.json", auxiliaryListsJson));
        return Extract("region", files);
    }

    private static string Extract(string prefix, IReadOnlyList<KeyValuePair<string, string>> files)
    {
        var all = new StringBuilder();
        foreach (var file in files)
        {
            all.Append(file.Key).Append('\n').Append(file.Value);
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

        var folder = Path.Combine(Path.GetTempPath(), "medinsurance-payment-demo", prefix + "-" + hash);
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var staging = folder + "." + Guid.NewGuid().ToString("N");
        foreach (var file in files)
        {
            var path = Path.Combine(staging, file.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Value, new UTF8Encoding(false));
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
