namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 支付方式代码 — the codes of the payment methods that write settlement lines. Methods are open: a method added in
/// its own assembly picks a new code (upper snake case) and the settlement core settles its lines unchanged.
/// </summary>
public static class SettlementMethods
{
    /// <summary>按疾病诊断相关分组付费 — CHS-DRG.</summary>
    public const string Drg = "DRG";

    /// <summary>按病种分值付费 — DIP.</summary>
    public const string Dip = "DIP";

    /// <summary>按床日付费 — per diem (psychiatric, rehabilitation, hospice stays).</summary>
    public const string PerDiem = "PER_DIEM";

    /// <summary>按单病种付费 — single-disease price.</summary>
    public const string SingleDisease = "SINGLE_DISEASE";

    /// <summary>日间手术 — day surgery.</summary>
    public const string DaySurgery = "DAY_SURGERY";

    /// <summary>按项目付费 — fee for service.</summary>
    public const string FeeForService = "FEE_FOR_SERVICE";

    /// <summary>按人头付费 — capitation.</summary>
    public const string Capitation = "CAPITATION";

    /// <summary>医共体打包付费 — medical-consortium package.</summary>
    public const string Consortium = "CONSORTIUM";

    /// <summary>按诊疗组合付费 — outpatient treatment combination (a day's outpatient items as one unit).</summary>
    public const string OutpatientCombination = "OUTPATIENT_COMBINATION";

    /// <summary>门诊慢特病 — chronic and special outpatient diseases (items paid at set ratios).</summary>
    public const string ChronicOutpatient = "CHRONIC_OUTPATIENT";

    /// <summary>
    /// Normalises a method name as written in a file: trims, upper-cases, turns <c>-</c> and spaces into <c>_</c>,
    /// and maps the Chinese names (按床日, 按单病种, 按项目 …) to their codes.
    /// </summary>
    /// <param name="text">The text; null or blank gives an empty string.</param>
    /// <returns>The method code, or an empty string.</returns>
    public static string Normalize(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        if (IsCode(text))
        {
            // Already a code (the constants above, or a method's own upper-snake code): no allocation on the batch path.
            return text == "PERDIEM" ? PerDiem : text;
        }

        var t = text.Trim();
        switch (t)
        {
            case "按病组": case "按病组付费": case "DRG付费": return Drg;
            case "按病种分值": case "按病种分值付费": case "DIP付费": return Dip;
            case "按床日": case "按床日付费": return PerDiem;
            case "按单病种": case "按单病种付费": case "单病种": return SingleDisease;
            case "日间手术": return DaySurgery;
            case "按项目": case "按项目付费": return FeeForService;
            case "按人头": case "按人头付费": return Capitation;
            case "医共体": case "医共体打包": case "医共体打包付费": return Consortium;
            case "按诊疗组合": case "按诊疗组合付费": case "诊疗组合": return OutpatientCombination;
            case "门诊慢特病": case "慢特病": case "门诊慢性病": return ChronicOutpatient;
        }

        var chars = t.ToUpperInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '-' or ' ')
            {
                chars[i] = '_';
            }
        }

        var code = new string(chars);
        return code == "PERDIEM" ? PerDiem : code;
    }

    private static bool IsCode(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
