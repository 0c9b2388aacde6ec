using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.RegularExpressions;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>
/// 文字规则 — the CHS-DRG rules that the official text states only in prose, not in code tables. Each rule lives here,
/// once, and cites the section of《国家医疗保障疾病诊断相关分组（CHS-DRG）分组与付费技术规范》/《CHS-DRG 细分组方案（1.1版）》
/// it implements. These are CHS-DRG 1.1's readings: <see cref="EditionConventions.ChsDrg11"/> is built from them, and the
/// grouper reads the pack's <see cref="RulePack.Conventions"/>, so another edition states its own in its rule-pack JSON.
/// Everything else the grouper does comes from the rule text.
/// </summary>
public static class ChsDrgProseRules
{
    /// <summary>
    /// 先期分组顺序 — pre-MDC order (技术规范 §3.3 “先期分组”; 1.1 方案 §二): MDCA (transplants, long ventilation) first,
    /// then MDCP (newborns), MDCY (HIV), MDCZ (multiple trauma), then MDCM/MDCN (sex-specific); the remaining MDCs follow in
    /// letter order.
    /// </summary>
    public static readonly IReadOnlyList<char> PreMdcOrder = new ReadOnlyCollection<char>(new[] { 'A', 'P', 'Y', 'Z', 'M', 'N' });

    /// <summary>
    /// 多发严重创伤 — MDCZ admits a case only when its diagnoses (main and secondary) in the MDCZ main-diagnosis table cover at
    /// least this many body regions (MDCZ 主诊表 section headers such as 头颈部创伤, 胸部创伤; 1.1 方案 MDCZ 入组说明
    /// “两个及以上不同部位的严重创伤”).
    /// </summary>
    public const int MultipleTraumaMinimumRegions = 2;

    /// <summary>新生儿 — newborn: age below one year and at most 28 days old (出生年龄＜29 天; MDCP 入组说明).</summary>
    public const int NewbornMaximumAgeDays = 28;

    /// <summary>婴儿 — MDCP applies to infants: age in whole years 0 (MDCP ADRG names: 出生年龄＜1 周岁).</summary>
    public const int InfantAgeYears = 0;

    private static readonly Regex AgeBelowDays = new(@"出生年龄\s*[＜<]\s*(\d+)\s*天", RegexOptions.CultureInvariant);
    private static readonly Regex AgeFromDaysToYear = new(@"(\d+)\s*天\s*[≤<=＜]+\s*出生年龄\s*[＜<]\s*1\s*周岁", RegexOptions.CultureInvariant);
    private static readonly Regex WeightBelow = new(@"出生体重\s*[＜<]\s*(\d+)\s*g", RegexOptions.CultureInvariant);
    private static readonly Regex WeightRange = new(@"出生体重\s*(\d+)\s*[-–－~]\s*(\d+)\s*g", RegexOptions.CultureInvariant);
    private static readonly Regex WeightAbove = new(@"出生体重\s*[>＞]\s*(\d+)\s*g", RegexOptions.CultureInvariant);

    /// <summary>
    /// 性别 — the sex an MDC's diagnoses imply: MDCM (男性生殖系统) male; MDCN (女性生殖系统) and MDCO (妊娠、分娩及产褥期)
    /// female; every other MDC none. This is the one place for the sex of an MDC: <see cref="RequiredSex"/> derives the
    /// admission condition from it, and the grouper's sex/diagnosis conflict warning (<c>DRG_SEX_DX_CONFLICT</c>) uses it.
    /// </summary>
    /// <param name="mdcLetter">The MDC letter.</param>
    /// <returns>The implied sex, or <see cref="Sex.Unknown"/> when the MDC implies none.</returns>
    public static Sex ImpliedSex(char mdcLetter) => mdcLetter switch
    {
        'M' => Sex.Male,
        'N' or 'O' => Sex.Female,
        _ => Sex.Unknown,
    };

    /// <summary>
    /// 性别限定 — the sex an MDC requires for admission: only MDCM and MDCN state one (技术规范 §3.3, MDCM/MDCN 入组条件), so
    /// this is <see cref="ImpliedSex"/> for those two and none elsewhere. MDCO implies a female patient but has no sex
    /// condition in the text: a male with an MDCO main diagnosis is grouped and warned about, not gated.
    /// </summary>
    /// <param name="mdcLetter">The MDC letter.</param>
    /// <returns>The required sex, or <see cref="Sex.Unknown"/> when the MDC has none.</returns>
    public static Sex RequiredSex(char mdcLetter) => mdcLetter is 'M' or 'N' ? ImpliedSex(mdcLetter) : Sex.Unknown;

    /// <summary>
    /// 新生儿年龄段 — the age band of an MDCP ADRG. Taken from the ADRG name where it states one (PB1 “出生年龄＜29 天”, PV1
    /// “29 天≤出生年龄＜1 周岁”); every other MDCP ADRG is a newborn group (MDCP 入组说明: 新生儿 0–28 天).
    /// ADRGs outside MDCP have no age band.
    /// </summary>
    /// <param name="mdcLetter">The ADRG's MDC letter.</param>
    /// <param name="adrgName">The ADRG name.</param>
    /// <returns>The band.</returns>
    public static AgeBand AgeBandOf(char mdcLetter, string adrgName)
    {
        if (adrgName is null)
        {
            throw new ArgumentNullException(nameof(adrgName));
        }

        var range = AgeFromDaysToYear.Match(adrgName);
        if (range.Success)
        {
            return new AgeBand(int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture), 365);
        }

        var below = AgeBelowDays.Match(adrgName);
        if (below.Success)
        {
            return new AgeBand(0, int.Parse(below.Groups[1].Value, CultureInfo.InvariantCulture) - 1);
        }

        return mdcLetter == 'P' ? new AgeBand(0, NewbornMaximumAgeDays) : AgeBand.Unbounded;
    }

    /// <summary>
    /// 出生体重段 — the birth-weight band stated in an ADRG name (PS1 “出生体重＜1500g”, PS2 “1500-1999g”, PS3 “2000-2499g”,
    /// PS4 “出生体重&gt;2499g”); unbounded when the name states none.
    /// </summary>
    /// <param name="adrgName">The ADRG name.</param>
    /// <returns>The band.</returns>
    public static WeightBand BirthWeightBandOf(string adrgName)
    {
        if (adrgName is null)
        {
            throw new ArgumentNullException(nameof(adrgName));
        }

        var range = WeightRange.Match(adrgName);
        if (range.Success)
        {
            return new WeightBand(int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        var below = WeightBelow.Match(adrgName);
        if (below.Success)
        {
            return new WeightBand(0, int.Parse(below.Groups[1].Value, CultureInfo.InvariantCulture) - 1);
        }

        var above = WeightAbove.Match(adrgName);
        return above.Success
            ? new WeightBand(int.Parse(above.Groups[1].Value, CultureInfo.InvariantCulture) + 1, int.MaxValue)
            : WeightBand.Unbounded;
    }

    /// <summary>
    /// 歧义组（QY） — a case whose main diagnosis admits it to an MDC, that has an operating-room procedure, but matches none
    /// of the MDC's surgical or procedure ADRGs, is ambiguous: <c>xQY</c> (技术规范 §3.3 “歧义病例”). The check runs after the
    /// surgical/procedure ADRGs (second letter A–Q) and before the medical ones (R–Z). Whether it runs is a policy switch
    /// (DrgPolicy.AmbiguousGroupCheck, national default on).
    /// </summary>
    /// <param name="mdcLetter">The MDC letter.</param>
    /// <returns>The ambiguous group code, e.g. <c>BQY</c>.</returns>
    public static string AmbiguousGroupCode(char mdcLetter) => mdcLetter.ToString() + "QY";

    /// <summary>
    /// 手术室手术 — the text has no separate list of operating-room procedures; this library takes every procedure that
    /// appears in a surgical ADRG's procedure list (second letter A–J, 外科手术部分; 技术规范 §3.2 命名规则) as an
    /// operating-room procedure. “全部手术” (SB1, TB1, XJ1) and surgical ADRGs without a procedure list (YC1) admit any of them.
    /// </summary>
    /// <param name="adrgCode">An ADRG code.</param>
    /// <returns>Whether its procedures count as operating-room procedures.</returns>
    public static bool DefinesOperatingRoomProcedures(string adrgCode) =>
        adrgCode is { Length: 3 } && adrgCode[1] <= 'J';
}
