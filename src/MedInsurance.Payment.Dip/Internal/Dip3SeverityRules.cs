using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Dip.Internal;

/// <summary>
/// 疾病严重程度辅助分型 (DIP 3.0 draft ch. 5 §2 二(四) 1) — the rules, in one place. A case whose main diagnosis is a
/// malignant tumour is typed by 恶性肿瘤 rules (1)–(7), every other case by 非恶性肿瘤 rules (1)–(4); a case falls in
/// every rule it meets ("其他情况"/"轻度" only when it meets none), and the scorer takes the highest coefficient among
/// them (当病例符合多个辅助分型规则时，纳入该病种辅助分型触发系数最高的分型).
/// </summary>
internal static class Dip3SeverityRules
{
    /// <summary>The subtypes this scheme sets.</summary>
    public static readonly long Bits = Range(DipAuxiliaryType.MalignantDeath, DipAuxiliaryType.NonMalignantMild);

    /// <summary>The two high-cost subtypes, the only ones that need the group's score cost standard.</summary>
    public static readonly long HighCostBits = DipAuxiliaryTypingData.Bit(DipAuxiliaryType.MalignantHighCostTreatment) | DipAuxiliaryTypingData.Bit(DipAuxiliaryType.MalignantHighCostDrug);

    /// <summary>
    /// The subtype mask of a case. <paramref name="scoreStandard"/> is 该病种分值费用标准 (group score × point value) in
    /// yuan, or 0 when unknown: the high-cost rules then do not apply.
    /// </summary>
    public static long Classify(InpatientCase c, PrefixSet malignant, PrefixSet failureShockSepsis, PrefixSet organLesionInfection, in TypingRules rules, decimal scoreStandard)
    {
        var main = c.MainDiagnosis.Value;
        var death = c.DischargeType == DischargeType.Death;

        // "住院天数 3 天以上": 以上 includes the number (民法典 第一千二百五十九条), so a stay of at least the profile's days.
        var stayed = c.LengthOfStayDays >= rules.MinimumStayDays;
        bool failure = false, lesion = false, otherMalignant = false;
        var secondary = c.SecondaryDiagnoses;
        for (var i = 0; i < secondary.Count; i++)
        {
            var code = secondary[i].Value;
            failure = failure || failureShockSepsis.Matches(code);
            lesion = lesion || organLesionInfection.Matches(code);
            otherMalignant = otherMalignant || (malignant.Matches(code) && !SameCategory(code, main));
        }

        long mask = 0;
        if (malignant.Matches(main))
        {
            mask |= death ? Bit(DipAuxiliaryType.MalignantDeath) : 0;
            if (scoreStandard > 0m)
            {
                // 医疗费用不小于该病种分值费用标准 3 倍, 治疗费（不含手术费）/ 药品费用占比不小于 50%: exact comparisons, no division.
                var costs = c.Costs;
                var total = costs.Total.Yuan;
                if (total >= rules.HighCostMultiple * scoreStandard)
                {
                    var share = rules.HighCostShare * total;
                    mask |= costs.Treatment.Yuan >= share ? Bit(DipAuxiliaryType.MalignantHighCostTreatment) : 0;
                    mask |= costs.Drugs.Yuan >= share ? Bit(DipAuxiliaryType.MalignantHighCostDrug) : 0;
                }
            }

            mask |= otherMalignant && stayed ? Bit(DipAuxiliaryType.MalignantMetastasis) : 0;
            mask |= failure && stayed ? Bit(DipAuxiliaryType.MalignantFailureShockSepsis) : 0;
            mask |= lesion && stayed ? Bit(DipAuxiliaryType.MalignantOrganLesionInfection) : 0;
            return mask != 0 ? mask : Bit(DipAuxiliaryType.MalignantOther);
        }

        mask |= death ? Bit(DipAuxiliaryType.NonMalignantDeath) : 0;
        mask |= failure && stayed ? Bit(DipAuxiliaryType.NonMalignantSevere) : 0;
        mask |= lesion && stayed ? Bit(DipAuxiliaryType.NonMalignantModerate) : 0;
        return mask != 0 ? mask : Bit(DipAuxiliaryType.NonMalignantMild);
    }

    /// <summary>Whether two ICD-10 codes share their category (类目: the first three characters).</summary>
    private static bool SameCategory(string a, string b) =>
        a.Length >= 3 && b.Length >= 3 && string.CompareOrdinal(a, 0, b, 0, 3) == 0;

    private static long Bit(DipAuxiliaryType type) => DipAuxiliaryTypingData.Bit(type);

    private static long Range(DipAuxiliaryType first, DipAuxiliaryType last)
    {
        long bits = 0;
        for (var t = first; t <= last; t++)
        {
            bits |= Bit(t);
        }

        return bits;
    }
}
