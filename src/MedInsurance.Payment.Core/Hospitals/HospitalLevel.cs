using System;
using System.Globalization;

namespace MedInsurance.Payment.Hospitals;

/// <summary>
/// 医院等级 — a hospital's tier and grade, e.g. 三级甲等 (code <c>3A</c>) or 二级 (code <c>2</c>).
/// </summary>
/// <remarks>Parses both Chinese text (<c>三级甲等</c>, <c>三甲</c>, <c>二级</c>, <c>未定级</c>) and codes
/// (<c>3A</c>, <c>2B</c>, <c>1</c>, <c>0</c>). Immutable and thread-safe.</remarks>
public readonly struct HospitalLevel : IEquatable<HospitalLevel>, IComparable<HospitalLevel>
{
    /// <summary>Creates a level.</summary>
    /// <param name="tier">The tier.</param>
    /// <param name="grade">The grade.</param>
    public HospitalLevel(HospitalTier tier, HospitalGrade grade)
    {
        Tier = tier;
        Grade = grade;
    }

    /// <summary>级别 — the tier.</summary>
    public HospitalTier Tier { get; }

    /// <summary>等次 — the grade.</summary>
    public HospitalGrade Grade { get; }

    /// <summary>The compact code: <c>3A</c>, <c>2</c>, <c>0</c>.</summary>
    public string Code => ((int)Tier).ToString(CultureInfo.InvariantCulture) + Grade switch
    {
        HospitalGrade.A => "A",
        HospitalGrade.B => "B",
        HospitalGrade.C => "C",
        _ => string.Empty,
    };

    /// <summary>The Chinese name: 三级甲等, 二级, 未定级.</summary>
    public string ChineseName
    {
        get
        {
            var tier = Tier switch
            {
                HospitalTier.Primary => "一级",
                HospitalTier.Secondary => "二级",
                HospitalTier.Tertiary => "三级",
                _ => "未定级",
            };
            var grade = Grade switch
            {
                HospitalGrade.A => "甲等",
                HospitalGrade.B => "乙等",
                HospitalGrade.C => "丙等",
                _ => string.Empty,
            };
            return Tier == HospitalTier.Unrated ? tier : tier + grade;
        }
    }

    /// <summary>Tries to read a level from Chinese text or a code.</summary>
    /// <param name="text">The text.</param>
    /// <param name="level">The level, when successful.</param>
    /// <returns>Whether the text names a level.</returns>
    public static bool TryParse(string? text, out HospitalLevel level)
    {
        level = default;
        if (text is null)
        {
            return false;
        }

        var t = text.Trim().ToUpperInvariant();
        if (t.Length == 0)
        {
            return false;
        }

        if (t is "0" or "未定级" or "未评级" or "UNRATED")
        {
            return true;
        }

        HospitalTier tier;
        var rest = 1;
        switch (t[0])
        {
            case '1' or '一':
                tier = HospitalTier.Primary;
                break;
            case '2' or '二':
                tier = HospitalTier.Secondary;
                break;
            case '3' or '三':
                tier = HospitalTier.Tertiary;
                break;
            default:
                return false;
        }

        if (t.Length > rest && t[rest] == '级')
        {
            rest++;
        }

        var gradeText = t.Substring(rest);
        HospitalGrade grade;
        switch (gradeText)
        {
            case "":
                grade = HospitalGrade.Ungraded;
                break;
            case "A" or "甲" or "甲等":
                grade = HospitalGrade.A;
                break;
            case "B" or "乙" or "乙等":
                grade = HospitalGrade.B;
                break;
            case "C" or "丙" or "丙等":
                grade = HospitalGrade.C;
                break;
            default:
                return false;
        }

        level = new HospitalLevel(tier, grade);
        return true;
    }

    /// <summary>Reads a level from Chinese text or a code.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The level.</returns>
    /// <exception cref="FormatException">When the text names no level.</exception>
    public static HospitalLevel Parse(string text) => TryParse(text, out var level)
        ? level
        : throw new FormatException("'" + text + "' is not a hospital level such as 三级甲等 or 3A.");

    /// <summary>Equality.</summary>
    public static bool operator ==(HospitalLevel left, HospitalLevel right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(HospitalLevel left, HospitalLevel right) => !left.Equals(right);

    /// <summary>Ordering by tier, then grade (A highest).</summary>
    public static bool operator <(HospitalLevel left, HospitalLevel right) => left.CompareTo(right) < 0;

    /// <summary>Ordering by tier, then grade (A highest).</summary>
    public static bool operator >(HospitalLevel left, HospitalLevel right) => left.CompareTo(right) > 0;

    /// <summary>Ordering by tier, then grade (A highest).</summary>
    public static bool operator <=(HospitalLevel left, HospitalLevel right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering by tier, then grade (A highest).</summary>
    public static bool operator >=(HospitalLevel left, HospitalLevel right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public bool Equals(HospitalLevel other) => Tier == other.Tier && Grade == other.Grade;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HospitalLevel other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Tier * 8) + (int)Grade;

    /// <inheritdoc />
    public int CompareTo(HospitalLevel other)
    {
        var byTier = Tier.CompareTo(other.Tier);
        if (byTier != 0)
        {
            return byTier;
        }

        static int Rank(HospitalGrade g) => g == HospitalGrade.Ungraded ? 0 : 4 - (int)g;
        return Rank(Grade).CompareTo(Rank(other.Grade));
    }

    /// <summary>The compact code, e.g. <c>3A</c>.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;
}
