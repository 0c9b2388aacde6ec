using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// 年龄与监护病房分段 — the age bands (年龄特征分型) and intensive-care bands (监护病房住院天数分型) of the auxiliary
/// typing, as policy data (payment-rules.md §3 auxiliary types; DIP 3.0 draft ch. 5 §2 二(四) 2–3: "例如 0-28 天、29 天-1
/// 周岁、1-6 岁、7-17 岁", 65 岁以上, and ICU "例如 2-7 天、8-14 天、15-30 天、31 天及以上" — examples, so a region may
/// set its own). The subtypes keep their names (<see cref="DipAuxiliaryType.AgeNeonate"/> … <see cref="DipAuxiliaryType.Icu31Plus"/>,
/// named after the default bands); the limits come from here. Every built-in profile uses <see cref="Default"/>.
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class DipAuxiliaryBands
{
    private readonly int[] _icuStarts;

    /// <summary>Creates the bands.</summary>
    /// <param name="neonateMaxDays">新生儿 — age in days up to which an under-one is <see cref="DipAuxiliaryType.AgeNeonate"/> (28); older under-ones are <see cref="DipAuxiliaryType.AgeInfant"/>.</param>
    /// <param name="childMaxYears">幼儿/学龄前 — the last age in years of <see cref="DipAuxiliaryType.AgeChild"/> (from 1; default 6).</param>
    /// <param name="adolescentMaxYears">学龄/青春期 — the last age in years of <see cref="DipAuxiliaryType.AgeAdolescent"/> (from <paramref name="childMaxYears"/> + 1; default 17).</param>
    /// <param name="elderlyMinYears">老年 — the first age in years of <see cref="DipAuxiliaryType.AgeElderly"/> (65).</param>
    /// <param name="icuBandStartDays">
    /// 监护病房天数分段 — the first ICU day count of each of the four ICU subtypes <see cref="DipAuxiliaryType.Icu2To7"/>,
    /// <see cref="DipAuxiliaryType.Icu8To14"/>, <see cref="DipAuxiliaryType.Icu15To30"/>, <see cref="DipAuxiliaryType.Icu31Plus"/>
    /// (2, 8, 15, 31); each band runs to the day before the next starts, the last is open.
    /// </param>
    /// <exception cref="ArgumentException">The bands are out of order or out of range; the message names the field.</exception>
    public DipAuxiliaryBands(int neonateMaxDays, int childMaxYears, int adolescentMaxYears, int elderlyMinYears, IReadOnlyList<int> icuBandStartDays)
    {
        if (neonateMaxDays < 0 || neonateMaxDays > 365)
        {
            throw new ArgumentException("Field 'ageBands.neonateMaxDays' must be between 0 and 365 days.", nameof(neonateMaxDays));
        }

        if (childMaxYears < 1 || adolescentMaxYears <= childMaxYears || elderlyMinYears <= adolescentMaxYears || elderlyMinYears > 150)
        {
            throw new ArgumentException("Fields 'ageBands.childMaxYears', 'ageBands.adolescentMaxYears', 'ageBands.elderlyMinYears' must satisfy 1 ≤ childMaxYears < adolescentMaxYears < elderlyMinYears ≤ 150.", nameof(childMaxYears));
        }

        var starts = (icuBandStartDays ?? throw new ArgumentNullException(nameof(icuBandStartDays))).ToArray();
        if (starts.Length != IcuBandCount || starts[0] < 1 || starts.Zip(starts.Skip(1), (a, b) => b > a).Contains(false))
        {
            throw new ArgumentException("Field 'icuBands' must list " + IcuBandCount.ToString(CultureInfo.InvariantCulture) + " increasing first ICU days (from 1), one for each ICU subtype.", nameof(icuBandStartDays));
        }

        NeonateMaxDays = neonateMaxDays;
        ChildMaxYears = childMaxYears;
        AdolescentMaxYears = adolescentMaxYears;
        ElderlyMinYears = elderlyMinYears;
        _icuStarts = starts;
    }

    /// <summary>The number of ICU subtypes (and of entries in <see cref="IcuBandStartDays"/>).</summary>
    public const int IcuBandCount = 4;

    /// <summary>
    /// 默认分段 — the bands of payment-rules.md §3 and the DIP 3.0 draft's examples: 0–28 days, 29 days to under 1 year,
    /// 1–6, 7–17, ≥ 65 years; ICU 2–7, 8–14, 15–30, ≥ 31 days.
    /// </summary>
    public static DipAuxiliaryBands Default { get; } = new(28, 6, 17, 65, new[] { 2, 8, 15, 31 });

    /// <summary>新生儿天数上限 — the last age in days of <see cref="DipAuxiliaryType.AgeNeonate"/>.</summary>
    public int NeonateMaxDays { get; }

    /// <summary>幼儿年龄上限 — the last age in years of <see cref="DipAuxiliaryType.AgeChild"/>.</summary>
    public int ChildMaxYears { get; }

    /// <summary>青少年年龄上限 — the last age in years of <see cref="DipAuxiliaryType.AgeAdolescent"/>.</summary>
    public int AdolescentMaxYears { get; }

    /// <summary>老年年龄下限 — the first age in years of <see cref="DipAuxiliaryType.AgeElderly"/>.</summary>
    public int ElderlyMinYears { get; }

    /// <summary>监护病房天数分段起点 — the first ICU day of each ICU subtype, in order.</summary>
    public IReadOnlyList<int> IcuBandStartDays => _icuStarts;

    /// <summary>年龄分型 — the age subtype of a case, or <see cref="DipAuxiliaryType.None"/>.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The subtype.</returns>
    public DipAuxiliaryType AgeType(InpatientCase inpatientCase)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        var years = inpatientCase.AgeYears;
        if (years == 0)
        {
            // An under-one without age in days cannot be told a neonate: the infant band.
            return inpatientCase.AgeDays is int days && days <= NeonateMaxDays ? DipAuxiliaryType.AgeNeonate : DipAuxiliaryType.AgeInfant;
        }

        return years <= ChildMaxYears ? DipAuxiliaryType.AgeChild
            : years <= AdolescentMaxYears ? DipAuxiliaryType.AgeAdolescent
            : years >= ElderlyMinYears ? DipAuxiliaryType.AgeElderly
            : DipAuxiliaryType.None;
    }

    /// <summary>监护病房分型 — the ICU subtype of a number of ICU days, or <see cref="DipAuxiliaryType.None"/> below the first band.</summary>
    /// <param name="icuDays">The ICU days.</param>
    /// <returns>The subtype.</returns>
    public DipAuxiliaryType IcuType(int icuDays)
    {
        for (var k = IcuBandCount - 1; k >= 0; k--)
        {
            if (icuDays >= _icuStarts[k])
            {
                return DipAuxiliaryType.Icu2To7 + k;
            }
        }

        return DipAuxiliaryType.None;
    }
}
