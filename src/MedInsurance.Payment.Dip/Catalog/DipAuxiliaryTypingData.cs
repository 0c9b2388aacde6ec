using System;
using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Dip.Internal;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// 辅助分型数据 — the region's trigger lists for auxiliary typing (payment-rules.md §3): CC and MCC diagnosis
/// lists (DIP 1.0 disease severity), metastasis diagnoses and radiotherapy / chemotherapy codes (DIP 1.0 tumour
/// severity); malignant-tumour diagnoses and the 功能衰竭、休克、脓毒症 and 重要器官病损、重要脏器感染 lists (DIP 3.0 draft
/// disease severity). Codes match by prefix: an entry <c>C78</c> matches <c>C78.000</c>. Age and ICU bands are profile
/// data (<see cref="DipAuxiliaryBands"/>).
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class DipAuxiliaryTypingData
{
    private readonly PrefixSet _cc;
    private readonly PrefixSet _mcc;
    private readonly PrefixSet _metastasis;
    private readonly PrefixSet _radiotherapy;
    private readonly PrefixSet _chemotherapy;
    private readonly PrefixSet _tumour;

    /// <summary>ICD-10 恶性肿瘤 C00–C97: the malignant list when a region gives none.</summary>
    private static readonly string[] IcdMalignantNeoplasms = { "C" };

    private readonly PrefixSet _malignant;
    private readonly PrefixSet _failureShockSepsis;
    private readonly PrefixSet _organLesionInfection;

    /// <summary>Creates the data.</summary>
    /// <param name="ccDiagnoses">CC diagnosis prefixes.</param>
    /// <param name="mccDiagnoses">MCC diagnosis prefixes.</param>
    /// <param name="tumourDiagnoses">Main-diagnosis prefixes that make a case a tumour case (e.g. C00–D48 categories).</param>
    /// <param name="metastasisDiagnoses">Secondary-diagnosis prefixes that mean metastasis (e.g. C77, C78, C79).</param>
    /// <param name="radiotherapyCodes">Diagnosis or procedure prefixes that mean radiotherapy (e.g. Z51.0, 92.2).</param>
    /// <param name="chemotherapyCodes">Diagnosis or procedure prefixes that mean chemotherapy (e.g. Z51.1, 99.25).</param>
    public DipAuxiliaryTypingData(
        IEnumerable<string> ccDiagnoses,
        IEnumerable<string> mccDiagnoses,
        IEnumerable<string> tumourDiagnoses,
        IEnumerable<string> metastasisDiagnoses,
        IEnumerable<string> radiotherapyCodes,
        IEnumerable<string> chemotherapyCodes)
        : this(ccDiagnoses, mccDiagnoses, tumourDiagnoses, metastasisDiagnoses, radiotherapyCodes, chemotherapyCodes, Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>())
    {
    }

    /// <summary>Creates the data with the DIP 3.0 draft's severity lists as well.</summary>
    /// <param name="ccDiagnoses">CC diagnosis prefixes.</param>
    /// <param name="mccDiagnoses">MCC diagnosis prefixes.</param>
    /// <param name="tumourDiagnoses">Main-diagnosis prefixes that make a case a tumour case (DIP 1.0 tumour severity).</param>
    /// <param name="metastasisDiagnoses">Secondary-diagnosis prefixes that mean metastasis (DIP 1.0).</param>
    /// <param name="radiotherapyCodes">Diagnosis or procedure prefixes that mean radiotherapy (DIP 1.0).</param>
    /// <param name="chemotherapyCodes">Diagnosis or procedure prefixes that mean chemotherapy (DIP 1.0).</param>
    /// <param name="malignantDiagnoses">
    /// 恶性肿瘤 — diagnosis prefixes of malignant tumours (DIP 3.0 draft): a main diagnosis on it is typed by the malignant
    /// rules, a secondary one of another category means metastasis. Empty means ICD-10 C00–C97 (prefix <c>C</c>).
    /// </param>
    /// <param name="failureShockSepsisDiagnoses">功能衰竭、休克、脓毒症 — secondary-diagnosis prefixes (DIP 3.0 draft: 重度 / malignant rule (5)).</param>
    /// <param name="organLesionInfectionDiagnoses">重要器官病损、重要脏器感染 — secondary-diagnosis prefixes (DIP 3.0 draft: 中度 / malignant rule (6)).</param>
    public DipAuxiliaryTypingData(
        IEnumerable<string> ccDiagnoses,
        IEnumerable<string> mccDiagnoses,
        IEnumerable<string> tumourDiagnoses,
        IEnumerable<string> metastasisDiagnoses,
        IEnumerable<string> radiotherapyCodes,
        IEnumerable<string> chemotherapyCodes,
        IEnumerable<string> malignantDiagnoses,
        IEnumerable<string> failureShockSepsisDiagnoses,
        IEnumerable<string> organLesionInfectionDiagnoses)
    {
        _cc = new PrefixSet(ccDiagnoses);
        _mcc = new PrefixSet(mccDiagnoses);
        _tumour = new PrefixSet(tumourDiagnoses);
        _metastasis = new PrefixSet(metastasisDiagnoses);
        _radiotherapy = new PrefixSet(radiotherapyCodes);
        _chemotherapy = new PrefixSet(chemotherapyCodes);
        var malignant = new PrefixSet(malignantDiagnoses);
        _malignant = malignant.IsEmpty ? new PrefixSet(IcdMalignantNeoplasms) : malignant;
        _failureShockSepsis = new PrefixSet(failureShockSepsisDiagnoses);
        _organLesionInfection = new PrefixSet(organLesionInfectionDiagnoses);
    }

    /// <summary>无数据 — no lists: only death, short stay, age and ICU subtypes can apply.</summary>
    public static DipAuxiliaryTypingData None { get; } = new(
        Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>());

    /// <summary>
    /// 读取JSON — reads the lists from JSON: <c>{"cc": [...], "mcc": [...], "tumour": [...], "metastasis": [...],
    /// "radiotherapy": [...], "chemotherapy": [...], "malignant": [...], "failureShockSepsis": [...],
    /// "organLesionInfection": [...], "shortStayDays": 3}</c> (every field optional).
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The file name, for error messages.</param>
    /// <returns>The data.</returns>
    /// <exception cref="FormatException">The JSON is malformed or has unknown fields (the message names the file).</exception>
    public static DipAuxiliaryTypingData FromJson(string json, string source)
    {
        Serialization.TypingJson? dto;
        try
        {
            dto = System.Text.Json.JsonSerializer.Deserialize(json ?? throw new ArgumentNullException(nameof(json)), Serialization.DipJsonContext.Default.TypingJson);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException(source + ": " + e.Message, e);
        }

        if (dto is null)
        {
            throw new FormatException(source + ": empty auxiliary-typing lists.");
        }

        if (dto.ShortStayDays is < 0)
        {
            throw new FormatException(source + ": field 'shortStayDays' must not be negative.");
        }

        return new DipAuxiliaryTypingData(
            dto.Cc ?? new List<string>(),
            dto.Mcc ?? new List<string>(),
            dto.Tumour ?? new List<string>(),
            dto.Metastasis ?? new List<string>(),
            dto.Radiotherapy ?? new List<string>(),
            dto.Chemotherapy ?? new List<string>(),
            dto.Malignant ?? new List<string>(),
            dto.FailureShockSepsis ?? new List<string>(),
            dto.OrganLesionInfection ?? new List<string>())
        {
            ShortStayDays = dto.ShortStayDays ?? 3,
        };
    }

    /// <summary>Creates the data with the DIP 3.0 draft's severity lists and a short-stay limit (for C# 7.3 callers, which
    /// cannot set <c>init</c> members).</summary>
    /// <param name="ccDiagnoses">CC diagnosis prefixes.</param>
    /// <param name="mccDiagnoses">MCC diagnosis prefixes.</param>
    /// <param name="tumourDiagnoses">Main-diagnosis prefixes that make a case a tumour case.</param>
    /// <param name="metastasisDiagnoses">Secondary-diagnosis prefixes that mean metastasis.</param>
    /// <param name="radiotherapyCodes">Diagnosis or procedure prefixes that mean radiotherapy.</param>
    /// <param name="chemotherapyCodes">Diagnosis or procedure prefixes that mean chemotherapy.</param>
    /// <param name="malignantDiagnoses">恶性肿瘤 — diagnosis prefixes of malignant tumours; empty means C00–C97.</param>
    /// <param name="failureShockSepsisDiagnoses">功能衰竭、休克、脓毒症 — secondary-diagnosis prefixes.</param>
    /// <param name="organLesionInfectionDiagnoses">重要器官病损、重要脏器感染 — secondary-diagnosis prefixes.</param>
    /// <param name="shortStayDays">短住院天数 — the short-stay limit in days (3 in DIP 1.0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shortStayDays"/> is negative.</exception>
    public DipAuxiliaryTypingData(
        IEnumerable<string> ccDiagnoses,
        IEnumerable<string> mccDiagnoses,
        IEnumerable<string> tumourDiagnoses,
        IEnumerable<string> metastasisDiagnoses,
        IEnumerable<string> radiotherapyCodes,
        IEnumerable<string> chemotherapyCodes,
        IEnumerable<string> malignantDiagnoses,
        IEnumerable<string> failureShockSepsisDiagnoses,
        IEnumerable<string> organLesionInfectionDiagnoses,
        int shortStayDays)
        : this(ccDiagnoses, mccDiagnoses, tumourDiagnoses, metastasisDiagnoses, radiotherapyCodes, chemotherapyCodes, malignantDiagnoses, failureShockSepsisDiagnoses, organLesionInfectionDiagnoses)
    {
        ShortStayDays = shortStayDays >= 0 ? shortStayDays : throw new ArgumentOutOfRangeException(nameof(shortStayDays), "The short-stay limit must be zero or more days.");
    }

    /// <summary>短住院天数 — the length of stay at or below which the I-A (short-stay) subtype applies; 3 days in DIP 1.0.</summary>
    public int ShortStayDays { get; init; } = 3;

    /// <summary>
    /// 判定辅助分型 — the set of subtypes a case falls in, as a bit mask (bit n = <see cref="DipAuxiliaryType"/> value n),
    /// with the default bands and the DIP 1.0 severity subtypes. Pure and allocation-free.
    /// </summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The mask.</returns>
    public long Classify(InpatientCase inpatientCase) => ClassifyAxes(inpatientCase, -1L, TypingRules.Default, 0m);

    /// <summary>
    /// 按配置判定辅助分型 — the set of subtypes a case falls in under a profile: its age and ICU bands and its severity
    /// scheme (<see cref="DipPolicyProfile.SeverityTyping"/>). Pure and allocation-free.
    /// </summary>
    /// <param name="inpatientCase">The case.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="scoreStandard">
    /// 分值费用标准 — the case's group score × the point value, for the DIP 3.0 draft's malignant high-cost rules; zero when
    /// unknown (those two rules then do not apply).
    /// </param>
    /// <returns>The mask.</returns>
    public long Classify(InpatientCase inpatientCase, DipPolicyProfile profile, Money scoreStandard) =>
        ClassifyAxes(inpatientCase, -1L, TypingRules.Of(profile ?? throw new ArgumentNullException(nameof(profile))), scoreStandard.Yuan);

    /// <summary>Like <see cref="Classify(InpatientCase, DipPolicyProfile, Money)"/>, evaluating only the list axes that can set a bit of <paramref name="wanted"/>.</summary>
    internal long ClassifyAxes(InpatientCase inpatientCase, long wanted, in TypingRules rules, decimal scoreStandard)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        long mask = Bit(rules.Bands.AgeType(inpatientCase)) | Bit(rules.Bands.IcuType(inpatientCase.IcuDays));
        if (rules.Scheme == DipSeverityTyping.Dip3)
        {
            if ((wanted & Dip3SeverityRules.Bits) != 0)
            {
                mask |= Dip3SeverityRules.Classify(inpatientCase, _malignant, _failureShockSepsis, _organLesionInfection, rules, scoreStandard);
            }

            return mask & ~Bit(DipAuxiliaryType.None);
        }

        var death = inpatientCase.DischargeType == DischargeType.Death;
        var los = inpatientCase.LengthOfStayDays;
        if (los > 0 && los <= ShortStayDays)
        {
            mask |= Bit(DipAuxiliaryType.SeverityShortStay);
        }

        if (death)
        {
            mask |= Bit(DipAuxiliaryType.SeverityDeath);
        }

        if ((wanted & (SeverityListBits | TumourBits)) == 0)
        {
            return mask & ~Bit(DipAuxiliaryType.None);
        }

        var secondary = inpatientCase.SecondaryDiagnoses;
        if ((wanted & SeverityListBits) != 0)
        {
            bool cc = false, mcc = false;
            for (var i = 0; i < secondary.Count && !(cc && mcc); i++)
            {
                var code = secondary[i].Value;
                cc = cc || _cc.Matches(code);
                mcc = mcc || _mcc.Matches(code);
            }

            if (cc)
            {
                mask |= Bit(DipAuxiliaryType.SeverityCc);
            }

            if (mcc)
            {
                mask |= Bit(DipAuxiliaryType.SeverityMcc);
            }
        }

        var main = inpatientCase.MainDiagnosis.Value;
        var tumourByList = !_tumour.IsEmpty;
        if ((wanted & TumourBits) != 0 && (!tumourByList || _tumour.Matches(main)))
        {
            // A tumour case: by the main diagnosis, or (without a tumour list) by a metastasis diagnosis.
            var metastasis = false;
            for (var i = 0; i < secondary.Count && !metastasis; i++)
            {
                metastasis = _metastasis.Matches(secondary[i].Value);
            }

            if (tumourByList || metastasis)
            {
                var radio = _radiotherapy.Matches(main) || _radiotherapy.Matches(inpatientCase.MainProcedure.Value);
                var chemo = _chemotherapy.Matches(main) || _chemotherapy.Matches(inpatientCase.MainProcedure.Value);
                var others = inpatientCase.OtherProcedures;
                for (var i = 0; i < others.Count && !(radio && chemo); i++)
                {
                    radio = radio || _radiotherapy.Matches(others[i].Value);
                    chemo = chemo || _chemotherapy.Matches(others[i].Value);
                }

                for (var i = 0; i < secondary.Count && !(radio && chemo); i++)
                {
                    radio = radio || _radiotherapy.Matches(secondary[i].Value);
                    chemo = chemo || _chemotherapy.Matches(secondary[i].Value);
                }

                mask |= Bit(TumourType(metastasis, radio, chemo, death));
            }
        }

        return mask & ~Bit(DipAuxiliaryType.None);
    }

    /// <summary>The bit of a subtype in a mask from <see cref="Classify(InpatientCase)"/>.</summary>
    /// <param name="type">The subtype.</param>
    /// <returns>The bit.</returns>
    public static long Bit(DipAuxiliaryType type) => 1L << (int)type;

    private static readonly long SeverityListBits = Bit(DipAuxiliaryType.SeverityCc) | Bit(DipAuxiliaryType.SeverityMcc);

    private static readonly long TumourBits = Bit(DipAuxiliaryType.TumourMetastasis) | Bit(DipAuxiliaryType.TumourRadiotherapy)
        | Bit(DipAuxiliaryType.TumourChemotherapy) | Bit(DipAuxiliaryType.TumourRadioChemotherapy) | Bit(DipAuxiliaryType.TumourMetastasisWithTherapy)
        | Bit(DipAuxiliaryType.TumourMetastasisWithRadioChemotherapy) | Bit(DipAuxiliaryType.TumourDeath);

    private static DipAuxiliaryType TumourType(bool metastasis, bool radio, bool chemo, bool death)
    {
        if (death)
        {
            return DipAuxiliaryType.TumourDeath;
        }

        if (metastasis)
        {
            return radio && chemo ? DipAuxiliaryType.TumourMetastasisWithRadioChemotherapy
                : radio || chemo ? DipAuxiliaryType.TumourMetastasisWithTherapy
                : DipAuxiliaryType.TumourMetastasis;
        }

        return radio && chemo ? DipAuxiliaryType.TumourRadioChemotherapy
            : radio ? DipAuxiliaryType.TumourRadiotherapy
            : chemo ? DipAuxiliaryType.TumourChemotherapy
            : DipAuxiliaryType.None;
    }
}
