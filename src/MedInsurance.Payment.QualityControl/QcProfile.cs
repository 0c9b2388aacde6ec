using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.QualityControl;

/// <summary>
/// 质控方案 — a region's named, versioned quality-control profile: which rules are off, which have another severity, the
/// code edition to check against and the region's list files. Read from JSON and validated at load.
/// </summary>
/// <remarks>
/// <para>Format (docs/quality-control.md):
/// <c>{ "name": "…", "version": "…", "edition": "yb2.0", "lists": ["lists.csv"], "rules": { "QC_DX_GRAY": { "severity": "error" }, "SEX_UNKNOWN": { "enabled": false } } }</c>.
/// <c>name</c> and <c>version</c> are required; <c>edition</c> (<c>yb1.0</c>/<c>yb2.0</c>), <c>description</c>, <c>lists</c>
/// (paths relative to the profile file) and <c>rules</c> are optional. A rule is named by its code (<see cref="QcRules.All"/>);
/// it has <c>enabled</c> (true/false) and/or <c>severity</c> (<c>error</c>, <c>warning</c>, <c>info</c>).</para>
/// <para>A corrupt profile — bad JSON, an unknown property, an unknown rule code, a wrong type, a severity that is not one of
/// the three, a missing name or version — is refused with <see cref="InvalidDataException"/> naming the file, the line and
/// the field. Immutable and thread-safe.</para>
/// </remarks>
public sealed class QcProfile
{
    private readonly Dictionary<string, Setting> _settings;

    private QcProfile(string name, string version, string description, string? edition, IReadOnlyList<string> listFiles, Dictionary<string, Setting> settings, QcCodeLists lists)
    {
        Name = name;
        Version = version;
        Description = description;
        Edition = edition;
        ListFiles = listFiles;
        _settings = settings;
        Lists = lists;
    }

    /// <summary>The national defaults: every rule on at its own severity, no lists.</summary>
    public static QcProfile Default { get; } = new("national-default", "1", "Every rule on at its default severity; no local lists.", null, Array.Empty<string>(), new Dictionary<string, Setting>(StringComparer.Ordinal), QcCodeLists.Empty);

    /// <summary>名称 — the profile's name.</summary>
    public string Name { get; }

    /// <summary>版本 — the profile's version.</summary>
    public string Version { get; }

    /// <summary>说明 — a description (may be empty).</summary>
    public string Description { get; }

    /// <summary>编码版本 — <c>yb1.0</c> or <c>yb2.0</c>, or null when the profile does not say.</summary>
    public string? Edition { get; }

    /// <summary>清单文件 — the list files, as full paths.</summary>
    public IReadOnlyList<string> ListFiles { get; }

    /// <summary>地方清单 — the lists read from <see cref="ListFiles"/>.</summary>
    public QcCodeLists Lists { get; }

    /// <summary>Whether a rule is on.</summary>
    /// <param name="code">The rule code.</param>
    /// <returns>Whether it is on (rules the profile does not name are on).</returns>
    public bool IsEnabled(string code) => !_settings.TryGetValue(code, out var s) || s.Enabled;

    /// <summary>The severity of a rule under this profile.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The profile's severity, or the rule's default.</returns>
    public IssueSeverity SeverityOf(QcRule rule) =>
        rule is null ? throw new ArgumentNullException(nameof(rule)) : _settings.TryGetValue(rule.Code, out var s) && s.Severity is { } severity ? severity : rule.Severity;

    /// <summary>Loads a profile file and its lists.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="FileNotFoundException">The file or a list file is missing.</exception>
    /// <exception cref="InvalidDataException">The profile or a list is corrupt (file, line and field named).</exception>
    public static QcProfile Load(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException("QC profile not found: " + path, path);
        }

        return Parse(File.ReadAllBytes(path), Path.GetFileName(path), Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>Parses profile JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The file name for messages.</param>
    /// <param name="baseFolder">The folder list paths are relative to.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="InvalidDataException">The profile or a list is corrupt (file, line and field named).</exception>
    public static QcProfile Parse(string json, string source, string baseFolder) =>
        Parse(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))), source, baseFolder);

    private static QcProfile Parse(byte[] bytes, string source, string baseFolder)
    {
        source ??= string.Empty;
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var span = new ReadOnlySpan<byte>(bytes, start, bytes.Length - start);
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        string? name = null, version = null, description = null, edition = null;
        var lists = new List<string>();
        var settings = new Dictionary<string, Setting>(StringComparer.Ordinal);
        try
        {
            Expect(ref reader, JsonTokenType.StartObject, bytes, start, source, "(root)", "a JSON object");
            while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString()!;
                Next(ref reader);
                switch (property)
                {
                    case "name":
                        name = String(ref reader, bytes, start, source, "name");
                        break;
                    case "version":
                        version = String(ref reader, bytes, start, source, "version");
                        break;
                    case "description":
                        description = String(ref reader, bytes, start, source, "description");
                        break;
                    case "edition":
                        edition = String(ref reader, bytes, start, source, "edition");
                        if (edition is not ("yb1.0" or "yb2.0"))
                        {
                            throw Refuse(source, Line(bytes, start, reader.TokenStartIndex), "edition", "edition is yb1.0 or yb2.0");
                        }

                        break;
                    case "lists":
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            throw Refuse(source, Line(bytes, start, reader.TokenStartIndex), "lists", "lists is an array of file paths");
                        }

                        while (Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
                        {
                            var file = String(ref reader, bytes, start, source, "lists[" + lists.Count.ToString(CultureInfo.InvariantCulture) + "]");
                            var full = Path.GetFullPath(Path.Combine(baseFolder, file));
                            if (!File.Exists(full))
                            {
                                throw Refuse(source, Line(bytes, start, reader.TokenStartIndex), "lists[" + lists.Count.ToString(CultureInfo.InvariantCulture) + "]", "list file not found: " + file);
                            }

                            lists.Add(full);
                        }

                        break;
                    case "rules":
                        ReadRules(ref reader, bytes, start, source, settings);
                        break;
                    default:
                        throw Refuse(source, Line(bytes, start, reader.TokenStartIndex), property, "unknown property (name, version, description, edition, lists, rules)");
                }
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(source + ":" + ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture) + ": not valid JSON (" + e.Message + ")", e);
        }

        var last = Line(bytes, start, span.Length);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Refuse(source, last, "name", "a profile needs a name");
        }

        if (string.IsNullOrWhiteSpace(version))
        {
            throw Refuse(source, last, "version", "a profile needs a version");
        }

        return new QcProfile(name!, version!, description ?? string.Empty, edition, lists.ToArray(), settings, lists.Count == 0 ? QcCodeLists.Empty : QcCodeLists.Load(lists));
    }

    private static void ReadRules(ref Utf8JsonReader reader, byte[] bytes, int start, string source, Dictionary<string, Setting> settings)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Refuse(source, Line(bytes, start, reader.TokenStartIndex), "rules", "rules is an object of rule codes");
        }

        while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var code = reader.GetString()!;
            var line = Line(bytes, start, reader.TokenStartIndex);
            if (QcRules.Find(code) is null)
            {
                throw Refuse(source, line, "rules." + code, "no rule has this code (docs/quality-control.md lists them)");
            }

            if (settings.ContainsKey(code))
            {
                throw Refuse(source, line, "rules." + code, "the rule is named twice");
            }

            Next(ref reader);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Refuse(source, line, "rules." + code, "a rule setting is an object with enabled and/or severity");
            }

            var setting = new Setting { Enabled = true };
            while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                Next(ref reader);
                var at = Line(bytes, start, reader.TokenStartIndex);
                switch (key)
                {
                    case "enabled":
                        if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                        {
                            throw Refuse(source, at, "rules." + code + ".enabled", "enabled is true or false");
                        }

                        setting.Enabled = reader.GetBoolean();
                        break;
                    case "severity":
                        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        setting.Severity = text switch
                        {
                            "error" => IssueSeverity.Error,
                            "warning" => IssueSeverity.Warning,
                            "info" => IssueSeverity.Info,
                            _ => throw Refuse(source, at, "rules." + code + ".severity", "severity is error, warning or info"),
                        };
                        break;
                    default:
                        throw Refuse(source, at, "rules." + code + "." + key, "unknown property (enabled, severity)");
                }
            }

            settings[code] = setting;
        }
    }

    private static string String(ref Utf8JsonReader reader, byte[] bytes, int start, string source, string field)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Refuse(source, Line(bytes, start, reader.TokenStartIndex), field, field + " is a string");
        }

        return reader.GetString()!;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, byte[] bytes, int start, string source, string field, string what)
    {
        if (!Next(ref reader) || reader.TokenType != type)
        {
            throw Refuse(source, Line(bytes, start, reader.TokenStartIndex), field, "expected " + what);
        }
    }

    private static bool Next(ref Utf8JsonReader reader) => reader.Read();

    /// <summary>The 1-based line of a byte offset in the JSON text.</summary>
    private static int Line(byte[] bytes, int start, long offset)
    {
        var line = 1;
        var end = Math.Min(bytes.Length, start + (int)offset);
        for (var i = start; i < end; i++)
        {
            line += bytes[i] == (byte)'\n' ? 1 : 0;
        }

        return line;
    }

    private static InvalidDataException Refuse(string source, int line, string field, string reason) =>
        new(source + ":" + line.ToString(CultureInfo.InvariantCulture) + ": field " + field + ": " + reason);

    private sealed class Setting
    {
        public bool Enabled { get; set; }

        public IssueSeverity? Severity { get; set; }
    }
}
