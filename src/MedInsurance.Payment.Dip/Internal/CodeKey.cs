using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Dip.Internal;

/// <summary>A key over the first <see cref="Length"/> characters of a string, so lookups by a code prefix allocate nothing.</summary>
internal readonly struct CodeKey
{
    public CodeKey(string text)
        : this(text, text.Length)
    {
    }

    public CodeKey(string text, int length)
    {
        Text = text;
        Length = length;
    }

    public string Text { get; }

    public int Length { get; }

    public override string ToString() => Text.Substring(0, Length);

    /// <summary>The length of a procedure code without its 医保版 extension (<c>x</c> + 3 digits at the end).</summary>
    public static int BaseLength(string code)
    {
        var n = code.Length;
        if (n >= 8 && code[n - 4] == 'x' && IsDigit(code[n - 3]) && IsDigit(code[n - 2]) && IsDigit(code[n - 1]))
        {
            return n - 4;
        }

        return n;
    }

    /// <summary>The length of a diagnosis code's 4-character subcategory (K35.900x001 → 5 for K35.9), or 3 when there is none.</summary>
    public static int SubcategoryLength(string code) => code.Length > 4 && code[3] == '.' ? 5 : Math.Min(3, code.Length);

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}

/// <summary>Ordinal comparer for <see cref="CodeKey"/>.</summary>
internal sealed class CodeKeyComparer : IEqualityComparer<CodeKey>
{
    public static CodeKeyComparer Instance { get; } = new();

    public bool Equals(CodeKey x, CodeKey y) =>
        x.Length == y.Length && string.CompareOrdinal(x.Text, 0, y.Text, 0, x.Length) == 0;

    public int GetHashCode(CodeKey obj)
    {
        unchecked
        {
            // FNV-1a over pairs of characters: half the dependent multiplications of a per-character loop.
            var hash = (int)2166136261;
            var text = obj.Text;
            var n = obj.Length;
            var i = 0;
            for (; i + 1 < n; i += 2)
            {
                hash = (hash ^ (text[i] | (text[i + 1] << 16))) * 16777619;
            }

            if (i < n)
            {
                hash = (hash ^ text[i]) * 16777619;
            }

            return hash;
        }
    }
}

/// <summary>A pair of code keys (diagnosis, main procedure) for the core-group index.</summary>
internal readonly struct CodePairKey
{
    public CodePairKey(CodeKey diagnosis, CodeKey procedure)
    {
        Diagnosis = diagnosis;
        Procedure = procedure;
    }

    public CodeKey Diagnosis { get; }

    public CodeKey Procedure { get; }
}

/// <summary>Ordinal comparer for <see cref="CodePairKey"/>.</summary>
internal sealed class CodePairKeyComparer : IEqualityComparer<CodePairKey>
{
    public static CodePairKeyComparer Instance { get; } = new();

    public bool Equals(CodePairKey x, CodePairKey y) =>
        CodeKeyComparer.Instance.Equals(x.Diagnosis, y.Diagnosis) && CodeKeyComparer.Instance.Equals(x.Procedure, y.Procedure);

    public int GetHashCode(CodePairKey obj) =>
        unchecked((CodeKeyComparer.Instance.GetHashCode(obj.Diagnosis) * 31) + CodeKeyComparer.Instance.GetHashCode(obj.Procedure));
}
