using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace MedInsurance.Payment;

/// <summary>
/// 内置示例配置 — the example profiles a package embeds as JSON resources under a prefix
/// (e.g. <c>MedInsurance.Payment.Settlement.Profiles.</c>): their names and their text. One place for every loader.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class EmbeddedProfiles
{
    private readonly Assembly _assembly;
    private readonly string _prefix;

    /// <summary>Creates the set of an assembly's profiles.</summary>
    /// <param name="assembly">The assembly embedding them.</param>
    /// <param name="prefix">The resource-name prefix, ending with a dot.</param>
    public EmbeddedProfiles(Assembly assembly, string prefix)
    {
        _assembly = assembly ?? throw new ArgumentNullException(nameof(assembly));
        _prefix = prefix ?? throw new ArgumentNullException(nameof(prefix));
        Names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n.Substring(prefix.Length, n.Length - prefix.Length - ".json".Length))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The profile names (without prefix and <c>.json</c>), ordinal order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether <paramref name="name"/> is one of <see cref="Names"/>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>True when embedded.</returns>
    public bool Contains(string? name) => name is not null && Names.Contains(name, StringComparer.Ordinal);

    /// <summary>The JSON text of a profile, or null when none has that name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The text (UTF-8), or null.</returns>
    public string? Read(string name)
    {
        using var stream = name is null ? null : _assembly.GetManifestResourceStream(_prefix + name + ".json");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// 文件或内置 — the text of the file <paramref name="pathOrName"/> when it exists, otherwise of the embedded profile
    /// of that name (the rule every policy loader's <c>Load(pathOrName)</c> follows).
    /// </summary>
    /// <param name="pathOrName">A file path, or an embedded name.</param>
    /// <param name="what">What is loaded, for the message, e.g. <c>Per-diem policy</c>.</param>
    /// <param name="source">The path, or <c>embedded:name</c>, for messages.</param>
    /// <returns>The JSON text (UTF-8).</returns>
    /// <exception cref="FileNotFoundException">When it is neither a file nor an embedded name.</exception>
    public string ReadFileOrEmbedded(string pathOrName, string what, out string source)
    {
        if (pathOrName is null)
        {
            throw new ArgumentNullException(nameof(pathOrName));
        }

        if (File.Exists(pathOrName))
        {
            source = pathOrName;
            return File.ReadAllText(pathOrName, Encoding.UTF8);
        }

        source = "embedded:" + pathOrName;
        return Read(pathOrName)
            ?? throw new FileNotFoundException(what + " not found: '" + pathOrName + "' is neither a file nor an embedded name (" + string.Join(", ", Names) + ").", pathOrName);
    }
}
