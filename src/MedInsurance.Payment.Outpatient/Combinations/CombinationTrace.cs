using System.Globalization;

namespace MedInsurance.Payment.Outpatient;

/// <summary>分组路径文字 — the trace of a day, built only when read (a 10-million-line run reads none).</summary>
internal static class CombinationTrace
{
    public static string Describe(CombinationDay day, int candidates, string levelCode)
    {
        var matched = day.Combination is null
            ? string.Empty
            : TreatmentCombination.ClassName(day.Combination.Class) + " " + day.Combination.Code + " matched by " + day.MatchedCode
              + (candidates > 1 ? " (precedence: class 手术操作 > 内科诊疗 > 辅助服务, then table order; " + (candidates - 1).ToString(CultureInfo.InvariantCulture) + " other candidate(s))" : string.Empty);
        var share = day.FundShare.ToString(CultureInfo.InvariantCulture);
        switch (day.FallbackCode)
        {
            case "":
                return matched + "; level " + levelCode + ", fund share " + share;
            case OutpatientIssueCodes.NoCombination:
                return "按项目 fee-for-service: no combination in force matches the day's items (" + OutpatientIssueCodes.NoCombination + "); item share " + share;
            case OutpatientIssueCodes.LevelUnknown:
                return matched + "; 按项目 fee-for-service: the institution's level is unknown (" + OutpatientIssueCodes.LevelUnknown + "); item share " + share;
            default:
                return matched + "; 按项目 fee-for-service: no price at level " + levelCode + " (" + day.FallbackCode + "); item share " + share;
        }
    }
}
