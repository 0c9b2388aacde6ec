using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// JSON行号映射 — maps JSON paths (<c>classes[0].bands[1].fromDay</c>) to the 1-based line where they start, so a
/// policy loader can say <c>file: line N, field path</c> for a value that parsed but is invalid.
/// </summary>
/// <remarks>Immutable once built; thread-safe. A malformed document keeps what was mapped before the error.</remarks>
public sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines;

    private JsonLineMap(Dictionary<string, int> lines, List<string> nullItems)
    {
        _lines = lines;
        NullArrayItems = nullItems;
    }

    /// <summary>空数组元素 — the paths of <c>null</c> items inside arrays (e.g. <c>pools[0]</c>), in document order.</summary>
    public IReadOnlyList<string> NullArrayItems { get; }

    /// <summary>
    /// Refuses a document with a <c>null</c> inside an array — a policy or catalog list item that is not an object or a
    /// value — with <c>source: line N, field path: …</c> for each, instead of letting it fail later without a place.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <param name="code">The issue code to name (the loader's "JSON invalid" code).</param>
    /// <exception cref="System.IO.InvalidDataException">When an array holds a null item.</exception>
    public static void RefuseNullArrayItems(string json, string source, string code)
    {
        var map = Build(json);
        if (map.NullArrayItems.Count > 0)
        {
            throw new System.IO.InvalidDataException(source + ": " + string.Join("; ", map.NullArrayItems.Select(p =>
                "line " + map.LineOf(p).ToString(CultureInfo.InvariantCulture) + ", field " + p + ": an array item is null; remove it or give a value (" + code + ")")));
        }
    }

    /// <summary>Maps a JSON document (comments and trailing commas allowed).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The map.</returns>
    public static JsonLineMap Build(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var nullItems = new List<string>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new List<Frame>();
        string? property = null;
        var newlinesBefore = 0;
        var scanned = 0;
        try
        {
            while (reader.Read())
            {
                var offset = (int)reader.TokenStartIndex;
                for (; scanned < offset; scanned++)
                {
                    if (bytes[scanned] == (byte)'\n')
                    {
                        newlinesBefore++;
                    }
                }

                var line = newlinesBefore + 1;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        Record(Parent() + (Parent().Length > 0 ? "." : string.Empty) + property, line);
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var path = ValuePath();
                        Record(path, line);
                        stack.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, path));
                        property = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        property = null;
                        break;
                    case JsonTokenType.Null when stack.Count > 0 && stack[stack.Count - 1].IsArray:
                        var item = ValuePath();
                        Record(item, line);
                        nullItems.Add(item);
                        property = null;
                        break;
                    default:
                        Record(ValuePath(), line);
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The deserializer reports malformed JSON itself; keep what was mapped.
        }

        return new JsonLineMap(lines, nullItems);

        string Parent() => stack.Count == 0 ? string.Empty : stack[stack.Count - 1].Path;

        string ValuePath()
        {
            if (stack.Count == 0)
            {
                return string.Empty;
            }

            var top = stack[stack.Count - 1];
            if (top.IsArray)
            {
                top.Index++;
                return top.Path + "[" + top.Index.ToString(CultureInfo.InvariantCulture) + "]";
            }

            return top.Path + (top.Path.Length > 0 ? "." : string.Empty) + property;
        }

        void Record(string path, int line)
        {
            if (!lines.ContainsKey(path))
            {
                lines[path] = line;
            }
        }
    }

    /// <summary>The line where a path starts, or of its nearest mapped parent; 1 when none is mapped.</summary>
    /// <param name="path">A path such as <c>outliers.highBands[1].multiple</c>.</param>
    /// <returns>The 1-based line.</returns>
    public int LineOf(string path)
    {
        var p = path ?? string.Empty;
        while (p.Length > 0)
        {
            if (_lines.TryGetValue(p, out var line))
            {
                return line;
            }

            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            p = cut <= 0 ? string.Empty : p.Substring(0, cut);
        }

        return 1;
    }

    private sealed class Frame
    {
        public Frame(bool isArray, string path)
        {
            IsArray = isArray;
            Path = path;
        }

        public bool IsArray { get; }

        public string Path { get; }

        public int Index { get; set; } = -1;
    }
}
