using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;

namespace MedInsurance.Payment.Drg.Loading;

/// <summary>
/// 规则包清单 — what a known edition's rule-text folder looks like as published: the SHA-256 and size of each of the
/// seven files and the number of MDCs, ADRGs, DRGs, MCC and CC codes and exclusion tables it loads to. The library
/// ships manifests (hashes and counts only, no rule content) for <c>chs-drg-1.1</c> and <c>chs-drg-1.0-revised</c>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RulePackManifest
{
    private const string ResourcePrefix = "MedInsurance.Payment.Drg.Manifests.";
    private static readonly Lazy<IReadOnlyList<RulePackManifest>> KnownManifests = new(() => LoadKnown());

    private RulePackManifest(string edition, IReadOnlyDictionary<string, string> hashes, IReadOnlyDictionary<string, long> sizes, RulePackCounts counts)
    {
        Edition = edition;
        Hashes = hashes;
        Sizes = sizes;
        Counts = counts;
    }

    /// <summary>The manifests of the known editions.</summary>
    public static IReadOnlyList<RulePackManifest> Known => KnownManifests.Value;

    /// <summary>版本 — the edition id, e.g. <c>chs-drg-1.1</c>.</summary>
    public string Edition { get; }

    /// <summary>文件哈希 — SHA-256 (lower-case hex) by file name.</summary>
    public IReadOnlyDictionary<string, string> Hashes { get; }

    /// <summary>文件大小 — bytes by file name.</summary>
    public IReadOnlyDictionary<string, long> Sizes { get; }

    /// <summary>表计数 — what the published folder loads to.</summary>
    public RulePackCounts Counts { get; }

    /// <summary>The manifest of an edition, or null when the edition is not a known one.</summary>
    /// <param name="edition">The edition id.</param>
    /// <returns>The manifest, or null.</returns>
    public static RulePackManifest? For(string edition) => Known.FirstOrDefault(m => string.Equals(m.Edition, edition, StringComparison.Ordinal));

    /// <summary>The SHA-256 of a file, lower-case hex.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The hash.</returns>
    public static string Sha256(string path)
    {
        using var sha = SHA256.Create();
        using var stream = File.OpenRead(path);
        return string.Concat(sha.ComputeHash(stream).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The files of <paramref name="folder"/> whose content differs from this manifest (missing files included).</summary>
    /// <param name="folder">The rule-text folder.</param>
    /// <returns>The differing file names, in order; empty when the folder is this edition as published.</returns>
    public IReadOnlyList<string> DifferingFiles(string folder) =>
        Hashes.Keys.OrderBy(f => f, StringComparer.Ordinal)
            .Where(f => !File.Exists(Path.Combine(folder, f)) || new FileInfo(Path.Combine(folder, f)).Length != Sizes[f] || Sha256(Path.Combine(folder, f)) != Hashes[f])
            .ToArray();

    private static List<RulePackManifest> LoadKnown()
    {
        var assembly = typeof(RulePackManifest).Assembly;
        var result = new List<RulePackManifest>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var json = JsonDocument.Parse(stream);
            var root = json.RootElement;
            var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
            var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var file in root.GetProperty("files").EnumerateObject())
            {
                hashes[file.Name] = file.Value.GetProperty("sha256").GetString()!;
                sizes[file.Name] = file.Value.GetProperty("bytes").GetInt64();
            }

            var c = root.GetProperty("counts");
            var counts = new RulePackCounts(
                c.GetProperty("mdc").GetInt32(),
                c.GetProperty("adrg").GetInt32(),
                c.GetProperty("drg").GetInt32(),
                c.GetProperty("mcc").GetInt32(),
                c.GetProperty("cc").GetInt32(),
                c.GetProperty("exclusionTables").GetInt32());
            result.Add(new RulePackManifest(root.GetProperty("edition").GetString()!, hashes, sizes, counts));
        }

        return result;
    }
}
