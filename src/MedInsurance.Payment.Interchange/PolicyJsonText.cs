using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 政策JSON读取 — the two steps every JSON policy loader shares: read the document (refusing malformed JSON, unknown
/// fields as the metadata says, and <c>null</c> list items, each with <c>source: line N, field path</c>), and refuse a
/// policy whose values are invalid with one message listing every issue at its line.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class PolicyJsonText
{
    /// <summary>Reads a JSON policy document into its transfer object.</summary>
    /// <typeparam name="T">The transfer type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <param name="typeInfo">The source-generated metadata of <typeparamref name="T"/>.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <param name="invalidCode">The loader's "JSON invalid" issue code.</param>
    /// <returns>The object.</returns>
    /// <exception cref="InvalidDataException">When the JSON is malformed, holds a null list item or is empty.</exception>
    public static T Read<T>(string json, JsonTypeInfo<T> typeInfo, string source, string invalidCode)
        where T : class
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        JsonLineMap.RefuseNullArrayItems(json, source, invalidCode);
        T? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(string.Format(
                CultureInfo.InvariantCulture, "{0}: line {1}, field {2}: {3} ({4})", source, (ex.LineNumber ?? 0) + 1, ex.Path ?? "$", ex.Message, invalidCode), ex);
        }

        return dto ?? throw new InvalidDataException(source + ": line 1, field $: the document is empty (" + invalidCode + ")");
    }

    /// <summary>Throws when there are issues: <c>source: invalid WHAT: line N, field F: message (CODE); …</c>.</summary>
    /// <param name="json">The JSON text (for the line of each field).</param>
    /// <param name="source">Where it came from.</param>
    /// <param name="what">What the document is, e.g. <c>per-diem policy</c>.</param>
    /// <param name="issues">The issues; nothing happens when empty.</param>
    /// <exception cref="InvalidDataException">When <paramref name="issues"/> is not empty.</exception>
    public static void RefuseIfInvalid(string json, string source, string what, IReadOnlyCollection<ValidationIssue> issues)
    {
        if (issues is null || issues.Count == 0)
        {
            return;
        }

        var lines = JsonLineMap.Build(json ?? string.Empty);
        throw new InvalidDataException(source + ": invalid " + what + ": " + string.Join("; ", issues.Select(i =>
            "line " + lines.LineOf(i.Field).ToString(CultureInfo.InvariantCulture) + ", field " + i.Field + ": " + i.MessageEn + " (" + i.Code + ")")));
    }
}
