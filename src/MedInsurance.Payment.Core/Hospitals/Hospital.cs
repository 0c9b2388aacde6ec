using System;
using System.Diagnostics.CodeAnalysis;

namespace MedInsurance.Payment.Hospitals;

/// <summary>
/// 定点医疗机构 — a designated hospital: id, name, level and kind.
/// </summary>
/// <remarks>Payment layers attach their own parameters (coefficients, budgets) keyed by <see cref="Id"/>.
/// Immutable and thread-safe.</remarks>
public sealed record Hospital
{
    /// <summary>Creates a hospital to fill with an object initializer (C# 11+: <see cref="Id"/> is required).</summary>
    public Hospital()
    {
    }

    /// <summary>Creates a hospital (for C# 7.3 callers, which cannot set <c>init</c> or <c>required</c> members).</summary>
    /// <param name="id">定点医疗机构代码 — the hospital's id.</param>
    /// <param name="name">名称 — the hospital's name.</param>
    /// <param name="level">等级 — tier and grade.</param>
    /// <param name="type">类别 — the kind of hospital.</param>
    [SetsRequiredMembers]
    public Hospital(string id, string name = "", HospitalLevel level = default, HospitalType type = default)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Name = name ?? string.Empty;
        Level = level;
        Type = type;
    }

    /// <summary>定点医疗机构代码 — the hospital's id.</summary>
    public required string Id { get; init; }

    /// <summary>名称 — the hospital's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>等级 — tier and grade.</summary>
    public HospitalLevel Level { get; init; }

    /// <summary>类别 — the kind of hospital.</summary>
    public HospitalType Type { get; init; }
}
