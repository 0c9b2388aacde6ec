using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Text;

namespace MedInsurance.Payment.Drg.Loading;

/// <summary>规则表计数 — how many codes were parsed into one table of the rule text.</summary>
public sealed class TableCount
{
    /// <summary>Creates a count.</summary>
    /// <param name="file">The file.</param>
    /// <param name="table">The table, e.g. <c>MDCB 主诊表</c>, <c>BB1</c>, <c>MCC</c>, <c>表 7-1</c>.</param>
    /// <param name="codes">The number of distinct codes.</param>
    public TableCount(string file, string table, int codes)
    {
        File = file ?? throw new ArgumentNullException(nameof(file));
        Table = table ?? throw new ArgumentNullException(nameof(table));
        Codes = codes;
    }

    /// <summary>文件 — the rule-text file.</summary>
    public string File { get; }

    /// <summary>表 — the table.</summary>
    public string Table { get; }

    /// <summary>编码数 — distinct codes parsed.</summary>
    public int Codes { get; }
}

/// <summary>未解析行 — a piece of rule text the loader could not turn into a rule, with file and line.</summary>
public sealed class UnparsedLine
{
    /// <summary>Creates an entry.</summary>
    /// <param name="file">The file.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="text">The text that was not understood.</param>
    /// <param name="reason">Why.</param>
    public UnparsedLine(string file, int line, string text, string reason)
    {
        File = file ?? throw new ArgumentNullException(nameof(file));
        Line = line;
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
    }

    /// <summary>文件 — the file.</summary>
    public string File { get; }

    /// <summary>行号 — the 1-based line.</summary>
    public int Line { get; }

    /// <summary>内容 — the text.</summary>
    public string Text { get; }

    /// <summary>原因 — why it was not parsed.</summary>
    public string Reason { get; }
}

/// <summary>加载报告 — what the loader read: codes per table, repairs of PDF artefacts, and every line it could not parse.</summary>
/// <remarks>Immutable.</remarks>
public sealed class RuleLoadReport
{
    internal RuleLoadReport(string edition, IEnumerable<TableCount> counts, IEnumerable<UnparsedLine> unparsed, IEnumerable<string> notes)
    {
        Edition = edition;
        Counts = new ReadOnlyCollection<TableCount>(counts.ToArray());
        Unparsed = new ReadOnlyCollection<UnparsedLine>(unparsed.ToArray());
        Notes = new ReadOnlyCollection<string>(notes.ToArray());
    }

    /// <summary>版本 — the edition.</summary>
    public string Edition { get; }

    /// <summary>每表编码数 — the number of codes parsed per table.</summary>
    public IReadOnlyList<TableCount> Counts { get; }

    /// <summary>未解析内容 — text that was not parsed, with file and line.</summary>
    public IReadOnlyList<UnparsedLine> Unparsed { get; }

    /// <summary>说明 — repairs and cross-checks (e.g. records run together, a code listed twice, an ADRG without DRGs).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Renders the report as text: one line per table, then notes and unparsed lines.</summary>
    /// <returns>The text.</returns>
    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append("edition ").AppendLine(Edition);
        foreach (var c in Counts)
        {
            sb.Append(c.File).Append('\t').Append(c.Table).Append('\t').AppendLine(c.Codes.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var n in Notes)
        {
            sb.Append("note\t").AppendLine(n);
        }

        foreach (var u in Unparsed)
        {
            sb.Append("unparsed\t").Append(u.File).Append(':').Append(u.Line.ToString(CultureInfo.InvariantCulture))
                .Append('\t').Append(u.Reason).Append('\t').AppendLine(u.Text);
        }

        return sb.ToString();
    }
}

/// <summary>加载结果 — a loaded rule pack and its load report.</summary>
public sealed class RulePackLoadResult
{
    internal RulePackLoadResult(Rules.RulePack pack, RuleLoadReport report)
    {
        Pack = pack;
        Report = report;
    }

    /// <summary>规则包 — the pack.</summary>
    public Rules.RulePack Pack { get; }

    /// <summary>加载报告 — the report.</summary>
    public RuleLoadReport Report { get; }
}
