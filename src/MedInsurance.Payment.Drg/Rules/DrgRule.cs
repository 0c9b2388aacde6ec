using System;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>DRG组 — one final group from the DRG table (3_DRG.txt); its fourth character is data (<see cref="Split"/>).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class DrgRule
{
    /// <summary>Creates a DRG rule.</summary>
    /// <param name="code">The 4-character code, e.g. <c>BB11</c>.</param>
    /// <param name="name">The Chinese name.</param>
    /// <param name="source">Where it was read.</param>
    public DrgRule(string code, string name, SourceLocation source)
    {
        Code = code ?? throw new ArgumentNullException(nameof(code));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Source = source;
    }

    /// <summary>编码 — the DRG code.</summary>
    public string Code { get; }

    /// <summary>名称 — the Chinese name.</summary>
    public string Name { get; }

    /// <summary>所属ADRG — the ADRG code (first three characters).</summary>
    public string Adrg => Code.Substring(0, 3);

    /// <summary>细分 — what the fourth character means.</summary>
    public DrgSplit Split => Code[3] switch
    {
        '1' => DrgSplit.WithMcc,
        '3' => DrgSplit.WithCc,
        '5' => DrgSplit.WithoutCc,
        '9' => DrgSplit.NotSplit,
        _ => DrgSplit.Other,
    };

    /// <summary>出处 — where it was read.</summary>
    public SourceLocation Source { get; }
}
