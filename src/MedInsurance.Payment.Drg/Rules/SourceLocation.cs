using System;
using System.Globalization;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>规则出处 — where a rule was read: the rule-text file (relative to the pack folder) and the 1-based line.</summary>
public readonly struct SourceLocation : IEquatable<SourceLocation>
{
    /// <summary>Creates a location.</summary>
    /// <param name="file">The file, relative to the pack folder.</param>
    /// <param name="line">The 1-based line number.</param>
    public SourceLocation(string file, int line)
    {
        File = file ?? throw new ArgumentNullException(nameof(file));
        Line = line;
    }

    /// <summary>文件 — the rule-text file, relative to the pack folder (e.g. <c>4_ADRG_DETAIL.txt</c>).</summary>
    public string File { get; }

    /// <summary>行号 — the 1-based line number.</summary>
    public int Line { get; }

    /// <summary>Equality by file and line.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(SourceLocation left, SourceLocation right) => left.Equals(right);

    /// <summary>Inequality by file and line.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(SourceLocation left, SourceLocation right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(SourceLocation other) => string.Equals(File, other.File, StringComparison.Ordinal) && Line == other.Line;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SourceLocation other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (File is null ? 0 : StringComparer.Ordinal.GetHashCode(File)) ^ Line;

    /// <summary>The location as <c>file:line</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => (File ?? string.Empty) + ":" + Line.ToString(CultureInfo.InvariantCulture);
}
