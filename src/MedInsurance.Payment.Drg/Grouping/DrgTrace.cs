using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Text;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>追踪语言 — the language a trace is rendered in.</summary>
public enum TraceLanguage
{
    /// <summary>中文.</summary>
    Chinese = 0,

    /// <summary>English.</summary>
    English = 1,
}

/// <summary>决策类型 — the kind of one grouping decision.</summary>
public enum DrgTraceKind
{
    /// <summary>输入校验 — an input issue.</summary>
    Input = 0,

    /// <summary>MDC未入 — an MDC did not admit the case (subject: MDC; detail: why).</summary>
    MdcSkipped = 1,

    /// <summary>MDC入组 — an MDC admitted the case (subject: MDC; detail: the rule).</summary>
    MdcEntered = 2,

    /// <summary>ADRG入组 — an ADRG's conditions held (subject: ADRG; detail: the conditions).</summary>
    AdrgMatched = 3,

    /// <summary>ADRG无匹配 — no ADRG of the MDC matched (subject: MDC; detail: how many were tried).</summary>
    NoAdrgInMdc = 4,

    /// <summary>歧义组 — the QY check fired (subject: xQY; detail: the procedure).</summary>
    Ambiguous = 5,

    /// <summary>CC/MCC计入 — a secondary diagnosis counted (subject: code; detail: level).</summary>
    ComplicationCounted = 6,

    /// <summary>CC/MCC排除 — a secondary diagnosis was cancelled by the exclusion table (subject: code; detail: level and table).</summary>
    ComplicationExcluded = 7,

    /// <summary>DRG确定 — the DRG chosen from the split table (subject: DRG; detail: why).</summary>
    DrgChosen = 8,

    /// <summary>无法入组 — the case is ungroupable (subject: issue code).</summary>
    Ungroupable = 9,

    /// <summary>政策 — a policy switch changed a decision (subject: switch; detail: effect).</summary>
    Policy = 10,

    /// <summary>版本 — the edition chosen by discharge date (subject: edition; detail: effective range).</summary>
    Edition = 11,

    /// <summary>编码转换 — a code mapped by the crosswalk (subject: field; detail: from → to).</summary>
    Crosswalk = 12,
}

/// <summary>决策步骤 — one decision of the grouper, with the rule-text location that decided it when there is one.</summary>
public sealed class DrgTraceStep
{
    internal DrgTraceStep(DrgTraceKind kind, string subject, string detail, string detailZh, string source)
    {
        Kind = kind;
        Subject = subject;
        Detail = detail;
        DetailZh = detailZh;
        Source = source;
    }

    /// <summary>类型 — the kind.</summary>
    public DrgTraceKind Kind { get; }

    /// <summary>对象 — what the decision is about (an MDC, ADRG, DRG or code).</summary>
    public string Subject { get; }

    /// <summary>细节（英文） — the detail in English (codes, levels, tables).</summary>
    public string Detail { get; }

    /// <summary>细节（中文） — the detail in Chinese.</summary>
    public string DetailZh { get; }

    /// <summary>出处 — <c>file:line</c> of the deciding rule text, or empty.</summary>
    public string Source { get; }

    /// <summary>Renders the step.</summary>
    /// <param name="language">The language.</param>
    /// <returns>One line of text.</returns>
    public string Render(TraceLanguage language)
    {
        var zh = language == TraceLanguage.Chinese;
        var detail = zh ? DetailZh : Detail;
        var text = Kind switch
        {
            DrgTraceKind.Input => zh ? "输入问题 " + Subject + "：" + detail : "input issue " + Subject + ": " + detail,
            DrgTraceKind.MdcSkipped => zh ? Subject + " 未入组：" + detail : Subject + " not entered: " + detail,
            DrgTraceKind.MdcEntered => zh ? "进入 " + Subject + "：" + detail : "entered " + Subject + ": " + detail,
            DrgTraceKind.AdrgMatched => zh ? "符合 " + Subject + " 入组条件：" + detail : "ADRG " + Subject + " conditions hold: " + detail,
            DrgTraceKind.NoAdrgInMdc => zh ? Subject + " 内无符合条件的ADRG（" + detail + "），继续下一MDC" : "no ADRG of " + Subject + " matched (" + detail + "); trying the next MDC",
            DrgTraceKind.Ambiguous => zh ? "歧义组 " + Subject + "：手术室手术与主要诊断MDC无关（" + detail + "）" : "ambiguous group " + Subject + ": operating-room procedure unrelated to the MDC (" + detail + ")",
            DrgTraceKind.ComplicationCounted => zh ? "其他诊断 " + Subject + " 计为 " + detail : "secondary " + Subject + " counts as " + detail,
            DrgTraceKind.ComplicationExcluded => zh ? "其他诊断 " + Subject + " 被排除：" + detail : "secondary " + Subject + " excluded: " + detail,
            DrgTraceKind.DrgChosen => zh ? "DRG " + Subject + "：" + detail : "DRG " + Subject + ": " + detail,
            DrgTraceKind.Ungroupable => zh ? "无法入组（0000）：" + Subject + " " + detail : "ungroupable (0000): " + Subject + " " + detail,
            DrgTraceKind.Policy => zh ? "政策 " + Subject + "：" + detail : "policy " + Subject + ": " + detail,
            DrgTraceKind.Edition => zh ? "分组版本 " + Subject + "：" + detail : "edition " + Subject + ": " + detail,
            DrgTraceKind.Crosswalk => zh ? "编码转换 " + Subject + "：" + detail : "crosswalk " + Subject + ": " + detail,
            _ => Subject + " " + detail,
        };
        return Source.Length == 0 ? text : text + "  [" + Source + "]";
    }
}

/// <summary>分组追踪 — every decision the grouper took for one case, in order; renderable as Chinese or English text.</summary>
public sealed class DrgTrace
{
    internal DrgTrace(IEnumerable<DrgTraceStep> steps) => Steps = new ReadOnlyCollection<DrgTraceStep>(steps.ToArray());

    /// <summary>The trace of a result described without one (batch runs): shared, immutable.</summary>
    internal static DrgTrace None { get; } = new(Array.Empty<DrgTraceStep>());

    /// <summary>步骤 — the decisions, in order.</summary>
    public IReadOnlyList<DrgTraceStep> Steps { get; }

    /// <summary>Renders the trace, one numbered line per step.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The text.</returns>
    public string Render(TraceLanguage language)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < Steps.Count; i++)
        {
            sb.Append((i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(2)).Append(". ").AppendLine(Steps[i].Render(language));
        }

        return sb.ToString();
    }
}

/// <summary>Collects trace steps during a traced grouping.</summary>
internal sealed class TraceWriter
{
    public List<DrgTraceStep> Steps { get; } = new();

    public List<ComplicationFinding> Complications { get; } = new();

    public void Add(DrgTraceKind kind, string subject, string detail, string detailZh, string source = "") =>
        Steps.Add(new DrgTraceStep(kind, subject, detail, detailZh, source));
}
