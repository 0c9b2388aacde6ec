using System;
using System.Collections.Generic;
using System.Globalization;
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

    private JsonLineMap(Dictionary<string, int> lines) => _lines = lines;

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

        return new JsonLineMap(lines);

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
