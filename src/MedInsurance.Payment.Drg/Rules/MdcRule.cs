using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>主要诊断大类（MDC） — a major diagnostic category and its main-diagnosis table (主诊表).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MdcRule
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoMoreRegions =
        new ReadOnlyDictionary<string, IReadOnlyList<string>>(new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));

    private static readonly IReadOnlyDictionary<string, string> NoRegions =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Creates an MDC rule.</summary>
    /// <param name="code">The code, e.g. <c>MDCB</c>.</param>
    /// <param name="name">The Chinese name.</param>
    /// <param name="mainDiagnoses">The main-diagnosis table (empty for MDCA).</param>
    /// <param name="traumaRegions">For MDCZ, the body region (e.g. 胸部创伤) of each code in the table; otherwise empty.</param>
    /// <param name="source">Where the MDC header was read.</param>
    public MdcRule(string code, string name, IEnumerable<string> mainDiagnoses, IReadOnlyDictionary<string, string>? traumaRegions, SourceLocation source)
        : this(code, name, mainDiagnoses, traumaRegions, null, source)
    {
    }

    /// <summary>创建MDC — creates an MDC rule whose trauma table (创伤部位) lists some codes under more than one body region.</summary>
    /// <param name="code">The code, e.g. <c>MDCZ</c>.</param>
    /// <param name="name">The Chinese name.</param>
    /// <param name="mainDiagnoses">The main-diagnosis table.</param>
    /// <param name="traumaRegions">For MDCZ, the first body region each code of the table is listed under; otherwise empty.</param>
    /// <param name="additionalTraumaRegions">For MDCZ, the further regions of codes listed under more than one (e.g. S12.910); may be null.</param>
    /// <param name="source">Where the MDC header was read.</param>
    public MdcRule(string code, string name, IEnumerable<string> mainDiagnoses, IReadOnlyDictionary<string, string>? traumaRegions, IReadOnlyDictionary<string, IReadOnlyList<string>>? additionalTraumaRegions, SourceLocation source)
    {
        Code = code ?? throw new ArgumentNullException(nameof(code));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        MainDiagnoses = CodeLists.Freeze(mainDiagnoses);
        TraumaRegions = traumaRegions is null || traumaRegions.Count == 0
            ? NoRegions
            : new ReadOnlyDictionary<string, string>(traumaRegions.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        AdditionalTraumaRegions = additionalTraumaRegions is null || additionalTraumaRegions.Count == 0
            ? NoMoreRegions
            : new ReadOnlyDictionary<string, IReadOnlyList<string>>(additionalTraumaRegions.ToDictionary(
                p => p.Key,
                p => (IReadOnlyList<string>)new ReadOnlyCollection<string>(p.Value.Where(r => !(TraumaRegions.TryGetValue(p.Key, out var first) && first == r)).Distinct(StringComparer.Ordinal).ToArray()),
                StringComparer.Ordinal));
        Source = source;
    }

    /// <summary>编码 — the MDC code, e.g. <c>MDCB</c>.</summary>
    public string Code { get; }

    /// <summary>The MDC letter, e.g. <c>B</c>.</summary>
    public char Letter => Code[Code.Length - 1];

    /// <summary>名称 — the Chinese name.</summary>
    public string Name { get; }

    /// <summary>主诊表 — the main diagnoses that admit a case to this MDC, sorted.</summary>
    public IReadOnlyList<string> MainDiagnoses { get; }

    /// <summary>创伤部位 — for MDCZ, the body region of each main-diagnosis-table code; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string> TraumaRegions { get; }

    /// <summary>
    /// 其他创伤部位 — for MDCZ, the further body regions of a code the table lists under more than one (1.1: S12.910 under
    /// 头颈部创伤 and 躯干、脊柱创伤); the code counts in each of them. Empty for most packs.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AdditionalTraumaRegions { get; }

    /// <summary>出处 — where the MDC was read.</summary>
    public SourceLocation Source { get; }

    internal bool ContentEquals(MdcRule other) =>
        string.Equals(Code, other.Code, StringComparison.Ordinal)
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && CodeLists.SameCodes(MainDiagnoses, other.MainDiagnoses)
        && TraumaRegions.Count == other.TraumaRegions.Count
        && TraumaRegions.All(p => other.TraumaRegions.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal))
        && AdditionalTraumaRegions.Count == other.AdditionalTraumaRegions.Count
        && AdditionalTraumaRegions.All(p => other.AdditionalTraumaRegions.TryGetValue(p.Key, out var v) && v.SequenceEqual(p.Value, StringComparer.Ordinal));
}
