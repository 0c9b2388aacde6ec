using System;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment;

/// <summary>
/// 手术操作编码 — an ICD-9-CM-3 医保版 procedure code such as <c>47.0900x001</c> or <c>06.0903</c>.
/// </summary>
/// <remarks>
/// <para>ICD-9-CM-3 levels: <see cref="Category"/> (类目, 2 digits, <c>47</c>), <see cref="Subcategory"/>
/// (亚目, <c>47.0</c>), <see cref="Detail"/> (细目, <c>47.09</c>), then the national extension digits and the
/// <c>x</c> extension (<c>x001</c>). Parsing normalizes spaces, full-width characters, case and a missing dot.</para>
/// <para>Equality is ordinal on the normalized text. <c>default(ProcedureCode)</c> is the empty code. Immutable and thread-safe.</para>
/// </remarks>
public readonly struct ProcedureCode : IEquatable<ProcedureCode>, IComparable<ProcedureCode>, ICodeText
{
    private readonly string? _value;

    private ProcedureCode(string value) => _value = value;

    /// <summary>The normalized code text (empty for the default value).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is the empty default value.</summary>
    public bool IsEmpty => _value is null;

    /// <inheritdoc/>
    string? ICodeText.Text => _value;

    /// <summary>类目 — the 2-digit category, e.g. <c>47</c>.</summary>
    public string Category => _value is null ? string.Empty : _value.Substring(0, 2);

    /// <summary>亚目 — the subcategory, e.g. <c>47.0</c> (the category when there is no dot part).</summary>
    public string Subcategory => _value is null ? string.Empty : (_value.Length >= 4 ? _value.Substring(0, 4) : Category);

    /// <summary>细目 — the sub-classification, e.g. <c>47.09</c> (the subcategory when the code is shorter).</summary>
    public string Detail => _value is null ? string.Empty : (_value.Length >= 5 ? _value.Substring(0, 5) : Subcategory);

    /// <summary>扩展码 — the <c>x</c> extension, e.g. <c>x001</c> for <c>47.0900x001</c>; empty when none.</summary>
    public string Extension
    {
        get
        {
            if (_value is null || _value.Length < 4)
            {
                return string.Empty;
            }

            var length = CodeText.ExtensionLength(_value, 3, _value.Length, 2, 4);
            return length == 0 ? string.Empty : _value.Substring(_value.Length - length);
        }
    }

    /// <summary>Parses a code, normalizing it.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">When the text is not a procedure code.</exception>
    public static ProcedureCode Parse(string text) => Read(text, "procedure").GetValueOrThrow();

    /// <summary>Tries to parse a code, normalizing it.</summary>
    /// <param name="text">The text.</param>
    /// <param name="code">The code, when successful.</param>
    /// <returns>Whether the text is a procedure code.</returns>
    public static bool TryParse(string? text, out ProcedureCode code)
    {
        var normalized = CodeText.Normalize(text, firstIsLetter: false, dotAfter: 2);
        if (IsWellFormed(normalized))
        {
            code = new ProcedureCode(normalized);
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>Reads untrusted text, explaining what is wrong when it is not a code.</summary>
    /// <param name="text">The text.</param>
    /// <param name="field">The field name for issues, e.g. <c>procedures[0]</c>.</param>
    /// <returns>The code, or a <see cref="IssueCodes.CodeEmpty"/> / <see cref="IssueCodes.CodeMalformed"/> issue.</returns>
    public static ParseResult<ProcedureCode> Read(string? text, string field)
    {
        var normalized = CodeText.Normalize(text, firstIsLetter: false, dotAfter: 2);
        if (normalized.Length == 0)
        {
            return ParseResult<ProcedureCode>.Fail(ValidationIssue.Error(
                IssueCodes.CodeEmpty, field, "手术操作编码为空", "The procedure code is empty."));
        }

        if (!IsWellFormed(normalized))
        {
            return ParseResult<ProcedureCode>.Fail(ValidationIssue.Error(
                IssueCodes.CodeMalformed,
                field,
                "手术操作编码不符合ICD-9-CM-3医保版格式（如47.0900x001）",
                "The procedure code is not an ICD-9-CM-3 (医保版) code such as 47.0900x001.").WithValue(text));
        }

        return ParseResult<ProcedureCode>.Ok(new ProcedureCode(normalized));
    }

    private static bool IsWellFormed(string s)
    {
        if (s.Length < 2 || !CodeText.IsDigit(s[0]) || !CodeText.IsDigit(s[1]))
        {
            return false;
        }

        if (s.Length == 2)
        {
            return true;
        }

        if (s[2] != '.' || s.Length == 3)
        {
            return false;
        }

        var bodyEnd = s.Length - CodeText.ExtensionLength(s, 3, s.Length, 2, 4);
        if (bodyEnd - 3 > 5 || (!CodeText.IsDigit(s[3]) && s[3] != 'x'))
        {
            return false;
        }

        for (var i = 4; i < bodyEnd; i++)
        {
            if (!CodeText.IsDigit(s[i]) && !CodeText.IsUpper(s[i]) && s[i] != 'x')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether this code's text starts with <paramref name="prefix"/> (ordinal).</summary>
    /// <param name="prefix">The prefix.</param>
    /// <returns>Whether it matches.</returns>
    public bool StartsWith(string prefix) => Value.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>Equality.</summary>
    public static bool operator ==(ProcedureCode left, ProcedureCode right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ProcedureCode left, ProcedureCode right) => !left.Equals(right);

    /// <summary>Ordinal ordering.</summary>
    public static bool operator <(ProcedureCode left, ProcedureCode right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal ordering.</summary>
    public static bool operator >(ProcedureCode left, ProcedureCode right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal ordering.</summary>
    public static bool operator <=(ProcedureCode left, ProcedureCode right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal ordering.</summary>
    public static bool operator >=(ProcedureCode left, ProcedureCode right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public bool Equals(ProcedureCode other) => string.Equals(_value, other._value); // ordinal; inlined, unlike the overload taking a StringComparison

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ProcedureCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public int CompareTo(ProcedureCode other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
