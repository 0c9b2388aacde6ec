using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>
/// 版本约定 — the rules an edition states in prose rather than in code tables, as data of the rule pack: the pre-MDC order,
/// the MDC decided by procedures alone, the sex and age conditions of MDCs, the multiple-trauma MDC, which ADRG letters are
/// surgical, the ambiguous-group suffix and the meaning of each DRG split digit. <see cref="ChsDrg11"/> holds the
/// CHS-DRG 1.1 reading (<see cref="ChsDrgProseRules"/> cites the paragraphs); a region whose edition differs states its
/// own in the <c>conventions</c> object of the rule-pack JSON (docs/formats-drg.md).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EditionConventions
{
    /// <summary>Creates conventions.</summary>
    /// <param name="preMdcOrder">先期分组顺序 — MDC codes tried first, in order; the others follow by code.</param>
    /// <param name="procedureOnlyMdcs">按手术入组的MDC — MDCs without a main-diagnosis table, decided by procedures (MDCA).</param>
    /// <param name="requiredSex">性别限定 — the sex an MDC requires for admission (MDCM male, MDCN female).</param>
    /// <param name="impliedSex">性别提示 — the sex an MDC's diagnoses imply, for the conflict warning (adds MDCO female).</param>
    /// <param name="infantMdcs">婴儿MDC — MDCs that admit only cases of age 0 years (MDCP).</param>
    /// <param name="multipleTraumaMdc">多发严重创伤MDC — the MDC that needs several trauma regions (MDCZ), or null.</param>
    /// <param name="multipleTraumaMinimumRegions">最少创伤部位数 — how many body regions it needs (2).</param>
    /// <param name="lastSurgicalLetter">外科ADRG末字母 — ADRG second letters A up to this one are surgical and define operating-room procedures (J).</param>
    /// <param name="lastProcedureLetter">操作ADRG末字母 — second letters after the surgical ones up to this one are non-OR procedure ADRGs; later ones are medical (Q).</param>
    /// <param name="ambiguousGroupSuffix">歧义组后缀 — appended to the MDC letter for the ambiguous group (QY).</param>
    /// <param name="splits">细分规则 — the split digits in the order they are tried.</param>
    public EditionConventions(
        IEnumerable<string> preMdcOrder,
        IEnumerable<string> procedureOnlyMdcs,
        IReadOnlyDictionary<string, Sex> requiredSex,
        IReadOnlyDictionary<string, Sex> impliedSex,
        IEnumerable<string> infantMdcs,
        string? multipleTraumaMdc,
        int multipleTraumaMinimumRegions,
        char lastSurgicalLetter,
        char lastProcedureLetter,
        string ambiguousGroupSuffix,
        IEnumerable<DrgSplitRule> splits)
    {
        PreMdcOrder = Codes(preMdcOrder, nameof(preMdcOrder));
        ProcedureOnlyMdcs = Codes(procedureOnlyMdcs, nameof(procedureOnlyMdcs));
        RequiredSex = Sexes(requiredSex, nameof(requiredSex));
        ImpliedSex = Sexes(impliedSex, nameof(impliedSex));
        InfantMdcs = Codes(infantMdcs, nameof(infantMdcs));
        MultipleTraumaMdc = multipleTraumaMdc;
        if (multipleTraumaMinimumRegions is < 1 or > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(multipleTraumaMinimumRegions), "The minimum number of trauma regions is 1–31.");
        }

        MultipleTraumaMinimumRegions = multipleTraumaMinimumRegions;
        if (lastSurgicalLetter is < 'A' or > 'Z' || lastProcedureLetter < lastSurgicalLetter || lastProcedureLetter > 'Z')
        {
            throw new ArgumentException("ADRG letters: 'A' ≤ last surgical ≤ last procedure ≤ 'Z'.", nameof(lastProcedureLetter));
        }

        LastSurgicalLetter = lastSurgicalLetter;
        LastProcedureLetter = lastProcedureLetter;
        if (string.IsNullOrEmpty(ambiguousGroupSuffix) || ambiguousGroupSuffix.Length > 3)
        {
            throw new ArgumentException("The ambiguous-group suffix has 1–3 characters (QY).", nameof(ambiguousGroupSuffix));
        }

        AmbiguousGroupSuffix = ambiguousGroupSuffix;
        var list = (splits ?? throw new ArgumentNullException(nameof(splits))).ToArray();
        if (list.Length == 0 || list.Any(s => s is null))
        {
            throw new ArgumentException("At least one split rule, and no null one.", nameof(splits));
        }

        var repeated = list.GroupBy(s => s.Digit).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException("Split digit " + repeated.Key + " is defined twice.", nameof(splits));
        }

        Splits = new ReadOnlyCollection<DrgSplitRule>(list);
    }

    /// <summary>CHS-DRG 1.1 — the prose rules of《CHS-DRG 细分组方案（1.1版）》, the default of every pack that states none.</summary>
    /// <remarks>Built from <see cref="ChsDrgProseRules"/>, which stays the one place of each 1.1 rule and its citation.</remarks>
    public static EditionConventions ChsDrg11 { get; } = new(
        ChsDrgProseRules.PreMdcOrder.Select(l => "MDC" + l),
        new[] { "MDCA" },
        SexesOf(ChsDrgProseRules.RequiredSex),
        SexesOf(ChsDrgProseRules.ImpliedSex),
        new[] { "MDCP" },
        "MDCZ",
        ChsDrgProseRules.MultipleTraumaMinimumRegions,
        'J',
        'Q',
        "QY",
        new[]
        {
            new DrgSplitRule('9', ComplicationLevel.None, "未作区分"),
            new DrgSplitRule('1', ComplicationLevel.Mcc, "伴严重并发症或合并症"),
            new DrgSplitRule('3', ComplicationLevel.Cc, "伴并发症或合并症"),
            new DrgSplitRule('5', ComplicationLevel.None, "不伴并发症或合并症"),
        });

    /// <summary>先期分组顺序 — MDC codes tried first, in order; the others follow by code.</summary>
    public IReadOnlyList<string> PreMdcOrder { get; }

    /// <summary>按手术入组的MDC — MDCs without a main-diagnosis table whose ADRGs are decided by procedures alone.</summary>
    public IReadOnlyList<string> ProcedureOnlyMdcs { get; }

    /// <summary>性别限定 — the sex an MDC requires for admission.</summary>
    public IReadOnlyDictionary<string, Sex> RequiredSex { get; }

    /// <summary>性别提示 — the sex an MDC's diagnoses imply (the <c>DRG_SEX_DX_CONFLICT</c> warning).</summary>
    public IReadOnlyDictionary<string, Sex> ImpliedSex { get; }

    /// <summary>婴儿MDC — MDCs that admit only cases of age 0 years.</summary>
    public IReadOnlyList<string> InfantMdcs { get; }

    /// <summary>多发严重创伤MDC — the MDC that needs several trauma regions, or null.</summary>
    public string? MultipleTraumaMdc { get; }

    /// <summary>最少创伤部位数 — the trauma regions the multiple-trauma MDC needs.</summary>
    public int MultipleTraumaMinimumRegions { get; }

    /// <summary>外科ADRG末字母 — second letters A up to this one are surgical ADRGs (外科手术部分).</summary>
    public char LastSurgicalLetter { get; }

    /// <summary>操作ADRG末字母 — second letters after <see cref="LastSurgicalLetter"/> up to this one are non-OR procedure ADRGs (非手术室操作部分).</summary>
    public char LastProcedureLetter { get; }

    /// <summary>歧义组后缀 — the ambiguous-group suffix (QY).</summary>
    public string AmbiguousGroupSuffix { get; }

    /// <summary>细分规则 — the split digits in the order they are tried.</summary>
    public IReadOnlyList<DrgSplitRule> Splits { get; }

    /// <summary>The kind of an ADRG under these conventions (from its second letter).</summary>
    /// <param name="adrgCode">The ADRG code.</param>
    /// <returns>The kind.</returns>
    public AdrgKind KindOf(string adrgCode)
    {
        if (adrgCode is null || adrgCode.Length < 2)
        {
            throw new ArgumentException("An ADRG code has at least two characters.", nameof(adrgCode));
        }

        return adrgCode[1] <= LastSurgicalLetter ? AdrgKind.Surgical : adrgCode[1] <= LastProcedureLetter ? AdrgKind.NonOperatingRoom : AdrgKind.Medical;
    }

    /// <summary>The split rule of a digit, or null when the edition does not define it.</summary>
    /// <param name="digit">The fourth character of a DRG code.</param>
    /// <returns>The rule, or null.</returns>
    public DrgSplitRule? SplitOf(char digit) => Splits.FirstOrDefault(s => s.Digit == digit);

    /// <summary>The ambiguous-group code of an MDC, e.g. <c>BQY</c>.</summary>
    /// <param name="mdcCode">The MDC code, e.g. <c>MDCB</c>.</param>
    /// <returns>The code.</returns>
    public string AmbiguousGroupCode(string mdcCode) =>
        (mdcCode ?? throw new ArgumentNullException(nameof(mdcCode)))[mdcCode.Length - 1] + AmbiguousGroupSuffix;

    /// <summary>Whether two sets of conventions are equal.</summary>
    /// <param name="other">The other conventions.</param>
    /// <returns>Whether every field is equal.</returns>
    public bool ContentEquals(EditionConventions other) =>
        other is not null
        && PreMdcOrder.SequenceEqual(other.PreMdcOrder, StringComparer.Ordinal)
        && ProcedureOnlyMdcs.SequenceEqual(other.ProcedureOnlyMdcs, StringComparer.Ordinal)
        && SameSexes(RequiredSex, other.RequiredSex) && SameSexes(ImpliedSex, other.ImpliedSex)
        && InfantMdcs.SequenceEqual(other.InfantMdcs, StringComparer.Ordinal)
        && string.Equals(MultipleTraumaMdc, other.MultipleTraumaMdc, StringComparison.Ordinal)
        && MultipleTraumaMinimumRegions == other.MultipleTraumaMinimumRegions
        && LastSurgicalLetter == other.LastSurgicalLetter && LastProcedureLetter == other.LastProcedureLetter
        && string.Equals(AmbiguousGroupSuffix, other.AmbiguousGroupSuffix, StringComparison.Ordinal)
        && Splits.Count == other.Splits.Count && Splits.Zip(other.Splits, (a, b) => a.ContentEquals(b)).All(x => x);

    private static Dictionary<string, Sex> SexesOf(Func<char, Sex> rule)
    {
        var result = new Dictionary<string, Sex>(StringComparer.Ordinal);
        for (var letter = 'A'; letter <= 'Z'; letter++)
        {
            if (rule(letter) is var sex && sex != Sex.Unknown)
            {
                result["MDC" + letter] = sex;
            }
        }

        return result;
    }

    private static bool SameSexes(IReadOnlyDictionary<string, Sex> a, IReadOnlyDictionary<string, Sex> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var s) && s == p.Value);

    private static ReadOnlyCollection<string> Codes(IEnumerable<string> codes, string name)
    {
        var list = (codes ?? throw new ArgumentNullException(name)).ToArray();
        if (list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("An MDC code is null or empty.", name);
        }

        return new ReadOnlyCollection<string>(list);
    }

    private static ReadOnlyDictionary<string, Sex> Sexes(IReadOnlyDictionary<string, Sex> sexes, string name)
    {
        if (sexes is null)
        {
            throw new ArgumentNullException(name);
        }

        if (sexes.Any(p => string.IsNullOrWhiteSpace(p.Key) || p.Value is not (Sex.Male or Sex.Female)))
        {
            throw new ArgumentException("Every MDC names male or female.", name);
        }

        return new ReadOnlyDictionary<string, Sex>(sexes.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }
}
