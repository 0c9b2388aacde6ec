using System;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment;

/// <summary>
/// 疾病诊断编码 — an ICD-10 医保版 (national healthcare security edition) diagnosis code such as
/// <c>K35.800x002</c>, or a dagger–asterisk pair such as <c>A54.301+H13.1*</c>.
/// </summary>
/// <remarks>
/// <para>Parsing normalizes what people and systems actually send: surrounding and stray spaces, full-width
/// characters (全角 <c>Ｋ３５．８</c>), lower-case letters, a missing dot (<c>K35800x002</c>) and the dagger mark.
/// The extension mark stays a lower-case <c>x</c> as in the national dictionary.</para>
/// <para>Equality and hashing are ordinal on the normalized text. <c>default(DiagnosisCode)</c> is the empty code
/// (<see cref="IsEmpty"/>). Immutable and thread-safe.</para>
/// </remarks>
public readonly struct DiagnosisCode : IEquatable<DiagnosisCode>, IComparable<DiagnosisCode>, ICodeText
{
    private readonly string? _value;

    private DiagnosisCode(string value) => _value = value;

    /// <summary>The normalized code text (empty for the default value).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is the empty default value.</summary>
    public bool IsEmpty => _value is null;

    /// <inheritdoc/>
    string? ICodeText.Text => _value;

    /// <summary>类目 — the 3-character category, e.g. <c>K35</c>.</summary>
    public string Category => _value is null ? string.Empty : _value.Substring(0, 3);

    /// <summary>亚目 — the 4-character subcategory, e.g. <c>K35.8</c> (the category when the code has no dot part).</summary>
    public string Subcategory => _value is null ? string.Empty : (_value.Length > 4 && _value[3] == '.' ? _value.Substring(0, 5) : Category);

    /// <summary>The main (dagger) code without an asterisk part, e.g. <c>A54.301</c> for <c>A54.301+H13.1*</c>.</summary>
    public string MainPart
    {
        get
        {
            if (_value is null)
            {
                return string.Empty;
            }

            var plus = _value.IndexOf('+');
            return plus < 0 ? _value : _value.Substring(0, plus);
        }
    }

    /// <summary>星号编码 — the asterisk (manifestation) code of a dagger–asterisk pair, e.g. <c>H13.1*</c>; empty otherwise.</summary>
    public string AsteriskPart
    {
        get
        {
            if (_value is null)
            {
                return string.Empty;
            }

            var plus = _value.IndexOf('+');
            return plus < 0 ? string.Empty : _value.Substring(plus + 1);
        }
    }

    /// <summary>扩展码 — the national extension of the main code, e.g. <c>x002</c> for <c>K35.800x002</c>; empty when none.</summary>
    public string Extension
    {
        get
        {
            var main = MainPart;
            var dot = main.IndexOf('.');
            if (dot < 0)
            {
                return string.Empty;
            }

            var length = CodeText.ExtensionLength(main, dot + 1, main.Length, 1, 3);
            return length == 0 ? string.Empty : main.Substring(main.Length - length);
        }
    }

    /// <summary>Parses a code, normalizing it.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">When the text is not a diagnosis code.</exception>
    public static DiagnosisCode Parse(string text) => Read(text, "diagnosis").GetValueOrThrow();

    /// <summary>Tries to parse a code, normalizing it.</summary>
    /// <param name="text">The text.</param>
    /// <param name="code">The code, when successful.</param>
    /// <returns>Whether the text is a diagnosis code.</returns>
    public static bool TryParse(string? text, out DiagnosisCode code)
    {
        var normalized = CodeText.Normalize(text, firstIsLetter: true, dotAfter: 3);
        if (IsWellFormed(normalized))
        {
            code = new DiagnosisCode(normalized);
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>Reads untrusted text, explaining what is wrong when it is not a code.</summary>
    /// <param name="text">The text.</param>
    /// <param name="field">The field name for issues, e.g. <c>diagnoses[2]</c>.</param>
    /// <returns>The code, or a <see cref="IssueCodes.CodeEmpty"/> / <see cref="IssueCodes.CodeMalformed"/> issue.</returns>
    public static ParseResult<DiagnosisCode> Read(string? text, string field)
    {
        var normalized = CodeText.Normalize(text, firstIsLetter: true, dotAfter: 3);
        if (normalized.Length == 0)
        {
            return ParseResult<DiagnosisCode>.Fail(ValidationIssue.Error(
                IssueCodes.CodeEmpty, field, "诊断编码为空", "The diagnosis code is empty."));
        }

        if (!IsWellFormed(normalized))
        {
            return ParseResult<DiagnosisCode>.Fail(ValidationIssue.Error(
                IssueCodes.CodeMalformed,
                field,
                "诊断编码不符合ICD-10医保版格式（如K35.800x002、A54.301+H13.1*）",
                "The diagnosis code is not an ICD-10 (医保版) code such as K35.800x002 or A54.301+H13.1*.").WithValue(text));
        }

        return ParseResult<DiagnosisCode>.Ok(new DiagnosisCode(normalized));
    }

    private static bool IsWellFormed(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        var plus = s.IndexOf('+');
        if (plus < 0)
        {
            return IsWellFormedPart(s, 0, s[s.Length - 1] == '*' ? s.Length - 1 : s.Length);
        }

        return s.Length > plus + 1 && s[s.Length - 1] == '*'
            && IsWellFormedPart(s, 0, plus)
            && IsWellFormedPart(s, plus + 1, s.Length - 1);
    }

    private static bool IsWellFormedPart(string s, int start, int end)
    {
        if (end - start < 3 || !CodeText.IsUpper(s[start]) || !CodeText.IsDigit(s[start + 1]) || !CodeText.IsDigit(s[start + 2]))
        {
            return false;
        }

        if (end - start == 3)
        {
            return true;
        }

        if (s[start + 3] != '.' || end - start == 4)
        {
            return false;
        }

        var bodyStart = start + 4;
        var bodyEnd = end - CodeText.ExtensionLength(s, bodyStart, end, 1, 3);
        if (bodyEnd - bodyStart > 3)
        {
            return false;
        }

        for (var i = bodyStart; i < bodyEnd; i++)
        {
            if (!CodeText.IsDigit(s[i]) && s[i] != 'x')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether this code's text starts with <paramref name="prefix"/> (ordinal), e.g. a category.</summary>
    /// <param name="prefix">The prefix.</param>
    /// <returns>Whether it matches.</returns>
    public bool StartsWith(string prefix) => Value.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>Equality.</summary>
    public static bool operator ==(DiagnosisCode left, DiagnosisCode right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(DiagnosisCode left, DiagnosisCode right) => !left.Equals(right);

    /// <summary>Ordinal ordering.</summary>
    public static bool operator <(DiagnosisCode left, DiagnosisCode right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal ordering.</summary>
    public static bool operator >(DiagnosisCode left, DiagnosisCode right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal ordering.</summary>
    public static bool operator <=(DiagnosisCode left, DiagnosisCode right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal ordering.</summary>
    public static bool operator >=(DiagnosisCode left, DiagnosisCode right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public bool Equals(DiagnosisCode other) => string.Equals(_value, other._value); // ordinal; inlined, unlike the overload taking a StringComparison

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DiagnosisCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public int CompareTo(DiagnosisCode other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
