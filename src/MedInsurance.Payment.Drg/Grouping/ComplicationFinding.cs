using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>并发症判定 — one secondary diagnosis that is a CC/MCC: whether it counted, and the exclusion table that cancelled it.</summary>
public sealed class ComplicationFinding
{
    internal ComplicationFinding(string code, ComplicationLevel level, string? exclusionTable, bool excluded)
    {
        Code = code;
        Level = level;
        ExclusionTable = exclusionTable;
        Excluded = excluded;
    }

    /// <summary>诊断编码 — the secondary diagnosis.</summary>
    public string Code { get; }

    /// <summary>级别 — CC or MCC.</summary>
    public ComplicationLevel Level { get; }

    /// <summary>排除表 — its exclusion table (<c>7-N</c>), or null.</summary>
    public string? ExclusionTable { get; }

    /// <summary>是否被排除 — true when the main diagnosis is in the exclusion table, so it did not count.</summary>
    public bool Excluded { get; }

    /// <inheritdoc />
    public override string ToString() => Code + " " + Level + (Excluded ? " excluded by 表 " + ExclusionTable : string.Empty);
}
