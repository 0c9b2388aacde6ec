using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Loading;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>
/// A small hand-written rule text in the CHS-DRG layout (not national data), with the PDF artefacts the loader must
/// survive: records run together, a table header mid-line, a page number and column header mid-text, a name wrapped
/// with ~~ and across a line break, and one line of garbage.
/// </summary>
internal static class MiniRuleText
{
    public const string Mdc = "MDCA 先期分组疾病及相关操作\nMDCB 神经系统疾病及功能障碍MDCM 男性生殖系统疾病及功能障碍\nMDCN 女性生殖系统疾病及功能障碍\nMDCP 新生儿及其他围产期新生儿疾病\nMDCX 影响健康因素及其他就医情况\nMDCZ 多发严重创伤";

    public const string Adrg = "AA1 心脏移植\nBB1 脑创伤开颅术\nBC1 颅内血管手术 BD1 脊髓手术\nBR1 脑缺血性疾患\nBX1 癫痫\nMR1 男性生殖系统疾患\nNR1 女性生殖系统疾患\nPS1 极度发育不全（出生体重＜1500g）\nPS2 早产儿（出生体重 1500-1999g）\nPU1 足月儿相关疾患\nPV1 源于新生儿(29 天≤出生年龄＜1 周岁)诊断的婴儿疾患\nXJ1 其他接触健康服务的诊断伴手术室操作\nXR1 康复\nZB1 多发性严重创伤开颅术\nZZ1 多发性重要创伤无手术";

    public const string Drg = "AA19 心脏移植\nBB11 脑创伤开颅术，伴严重并发症或合并症\nBB13 脑创伤开颅术，伴并发症或合并症\nBB15 脑创伤开颅术，不伴并发症或合并症\nBC19 颅内血管手术 BD19 脊髓手术\nBR11 脑缺血性疾患，伴严重并发症或合并症\nBR13 脑缺血性疾患，伴并发症或合并症\nBR15 脑缺血性疾患，不伴并发症或合并症\nBX13 癫痫，伴并发症或合并症\nBX15 癫痫，不伴并发症或合并症\nMR19 男性\nNR19 女性\nPS19 极度发育不全\nPS29 早产儿\nPU19 足月儿\nPV19 婴儿\nXJ19 手术室操作\nXR19 康复\nZB19 开颅术\nZZ19 无手术";

    public static readonly string Detail = string.Join("\n", new[]
    {
        "MDCA 先期分组疾病及相关操作",
        "AA1 心脏移植",
        "包含以下主要手术或操作：",
        "37.5100 心脏移植术",
        "MDCB 神经系统疾病及功能障碍",
        "MDCB 主诊表",
        "包含以下主要诊断：",
        "G40.900 癫痫",
        "I63.900 脑梗死",
        "S06.000 脑震荡",
        "C71.900 脑恶性肿瘤",
        "BB1 脑创伤开颅~~术",
        "包含以下主要诊断：",
        "S06.000 脑震荡",
        "包含以下主要手术或操作：",
        "01.2400 颅骨切开术",
        "BC1 颅内血管手术",
        "同时包含以下手术：",
        "39.5100 动脉瘤夹闭术",
        "和",
        "88.4100 脑动脉造影",
        "BD1 脊髓手术",
        "包含以下主要诊断+手术表 1+手术表 2",
        "或包含以下主要诊断+手术表 3",
        "主要诊断：",
        "C71.900 脑恶性肿瘤",
        "手术表 1：",
        "03.0900 椎管探查术",
        "手术表 2：",
        "81.0500 胸腰椎融合术",
        "手术表 3：",
        "03.4x00 脊髓病损切除术",
        "这是一行无法解析的文字",
        "BR1 脑缺血性疾患",
        "包含以下主要诊断：",
        "I63.900 脑梗死",
        "G45.900 短暂性脑缺血发作",
        "BX1 癫痫",
        "包含以下主要诊断：",
        "G40.900 癫痫",
        "MDCM 男性生殖系统疾病及功能障碍",
        "MDCM 主诊表",
        "包含以下主要诊断：",
        "N40.x00 前列腺增生",
        "MR1 男性生殖系统疾患",
        "包含以下主要诊断：",
        "N40.x00 前列腺增生",
        "MDCN 女性生殖系统疾病及功能障碍",
        "MDCN 主诊表",
        "包含以下主要诊断：",
        "N80.000 子宫内膜异位症",
        "NR1 女性生殖系统疾患",
        "包含以下主要诊断：",
        "N80.000 子宫内膜异位症",
        "MDCP 新生儿及其他围产期新生儿疾~~病",
        "MDCP 主诊表",
        "包含以下主要诊断：",
        "P07.300 早产婴儿",
        "P59.900 新生儿黄疸",
        "PS1 极度发育不全（出生体重＜1500g）",
        "主要诊断或其他诊断中包含以下诊断：",
        "P07.300 早产婴儿",
        "PS2 早产儿（出生体重 1500-1999g）",
        "主要诊断或其他诊断中包含以下诊断：",
        "P07.300 早产婴儿",
        "PU1 足月儿相关疾患",
        "包含以下主要诊断：",
        "P59.900 新生儿黄疸",
        "PV1 源于新生儿(29 天≤出生年龄＜1 周岁)~~诊断的婴儿疾患",
        "包含以下主要诊断：",
        "P59.900 新生儿黄疸",
        "MDCX 影响健康因素及其他就医情况",
        "MDCX 主诊表",
        "包含以下主要诊断：",
        "Z51.100 为肿瘤化学治疗疗程",
        "XJ1 其他接触健康服务的诊断伴手术室操~~作",
        "包含全部手术",
        "XR1 康复",
        "包含以下主要诊断：",
        "Z51.100 为肿瘤化学治疗疗程",
        "MDCZ 多发严重创伤",
        "MDCZ 主诊表",
        "头颈部创伤",
        "包含以下主要诊断：",
        "S06.000 脑震荡",
        "胸部创伤",
        "包含以下主要诊断：",
        "S27.000 创伤性气胸",
        "ZB1 多发性严重创伤开颅术",
        "包含以下主要手术或操作：",
        "01.2400 颅骨切开术",
        "ZZ1 多发性重要创伤无手术",
        "符合 MDCZ 主诊表，且无手术",
    });

    // MCC: two records run together on one line, a page number and the column header mid-text.
    public const string Mcc = "疾病编码 疾病名称 排除内容\nJ96.000 急性呼吸衰竭 表 7-1 N17.900 急性肾衰竭 表 7-2\n1100 疾病编码 疾病名称 排除内容 R57.000 心源性休克 表 7-1";

    // CC: a name that continues over a line break, and a CC without exclusion table (无).
    public const string Cc = "疾病编码 疾病名称 排除内容\nE11.900 2型糖尿病 表 7-2\nI10.x00 特发性（原发性）高血压 无\nJ18.900 肺炎，由未特指的微生物引起的，其他~~\n的 表 7-1";

    // CCE: the second table header is mid-line, followed by its records on the same line.
    public const string Cce = "表 7-1\n包含以下主要诊断：\nJ96.000 急性呼吸衰竭\nI63.900 脑梗死\n表 7-2 包含以下主要诊断： N17.900 急性肾衰竭 G40.900 癫痫";

    private static readonly object Gate = new();
    private static RulePackLoadResult? _loaded;

    public static RulePackLoadResult Loaded
    {
        get
        {
            lock (Gate)
            {
                return _loaded ??= RuleTextLoader.Load(Write(), "mini");
            }
        }
    }

    public static DrgGrouper Grouper(bool ambiguousCheck = true) =>
        new(Loaded.Pack, new DrgPolicy { Name = "test", Version = "1", AmbiguousGroupCheck = ambiguousCheck });

    public static string Write(IDictionary<string, string>? overrides = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-drg-mini-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var files = new Dictionary<string, string>
        {
            ["1_MDC.txt"] = Mdc,
            ["2_ADRG.txt"] = Adrg,
            ["3_DRG.txt"] = Drg,
            ["4_ADRG_DETAIL.txt"] = Detail,
            ["5_MCC.txt"] = Mcc,
            ["6_CC.txt"] = Cc,
            ["7_CCE.txt"] = Cce,
        };
        if (overrides is not null)
        {
            foreach (var pair in overrides)
            {
                files[pair.Key] = pair.Value;
            }
        }

        foreach (var pair in files)
        {
            File.WriteAllText(Path.Combine(folder, pair.Key), pair.Value, new UTF8Encoding(false));
        }

        return folder;
    }

    public static InpatientCase Case(string mainDx, string secondary = "", string procedures = "", Sex sex = Sex.Male, int age = 40, int? ageDays = null, int? weight = null, int los = 5, string id = "T1")
    {
        var dx = secondary.Length == 0 ? Array.Empty<DiagnosisCode>() : Array.ConvertAll(secondary.Split('|'), DiagnosisCode.Parse);
        var px = procedures.Length == 0 ? Array.Empty<ProcedureCode>() : Array.ConvertAll(procedures.Split('|'), ProcedureCode.Parse);
        return new InpatientCase
        {
            CaseId = id,
            Sex = sex,
            AgeYears = age,
            AgeDays = ageDays,
            BirthWeightGrams = weight,
            LengthOfStayDays = los,
            MainDiagnosis = mainDx.Length == 0 ? default : DiagnosisCode.Parse(mainDx),
            SecondaryDiagnoses = dx,
            MainProcedure = px.Length == 0 ? default : px[0],
            OtherProcedures = px.Length <= 1 ? Array.Empty<ProcedureCode>() : px[1..],
        };
    }
}
