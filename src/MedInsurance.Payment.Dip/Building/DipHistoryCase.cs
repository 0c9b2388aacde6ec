using System;
using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// 历史病例 — one settled case of the three history years, reduced to what the catalog builder needs: discharge
/// year, hospital level, main diagnosis, procedures, total cost (all payers) and its auxiliary subtypes.
/// A compact value type so millions fit in memory.
/// </summary>
public readonly struct DipHistoryCase : IEquatable<DipHistoryCase>
{
    private readonly IReadOnlyList<ProcedureCode>? _otherProcedures;

    /// <summary>Creates a history case.</summary>
    /// <param name="year">The discharge year.</param>
    /// <param name="mainDiagnosis">The main diagnosis.</param>
    /// <param name="mainProcedure">The main procedure (empty for conservative treatment).</param>
    /// <param name="otherProcedures">The other procedures.</param>
    /// <param name="totalCost">医疗总费用 — the total cost, every payer included.</param>
    public DipHistoryCase(int year, DiagnosisCode mainDiagnosis, ProcedureCode mainProcedure, IReadOnlyList<ProcedureCode> otherProcedures, Money totalCost)
    {
        Year = year;
        MainDiagnosis = mainDiagnosis;
        MainProcedure = mainProcedure;
        _otherProcedures = otherProcedures ?? throw new ArgumentNullException(nameof(otherProcedures));
        TotalCost = totalCost;
        Level = default;
        AuxiliaryTypes = 0;
    }

    /// <summary>Creates a history case with its hospital level and subtype mask (for C# 7.3 callers, which cannot set
    /// <c>init</c> members).</summary>
    /// <param name="year">The discharge year.</param>
    /// <param name="mainDiagnosis">The main diagnosis.</param>
    /// <param name="mainProcedure">The main procedure (empty for conservative treatment).</param>
    /// <param name="otherProcedures">The other procedures.</param>
    /// <param name="totalCost">医疗总费用 — the total cost, every payer included.</param>
    /// <param name="level">医院等级 — the level of the hospital that treated the case.</param>
    /// <param name="auxiliaryTypes">辅助分型 — the subtype mask.</param>
    public DipHistoryCase(int year, DiagnosisCode mainDiagnosis, ProcedureCode mainProcedure, IReadOnlyList<ProcedureCode> otherProcedures, Money totalCost, HospitalLevel level, long auxiliaryTypes)
        : this(year, mainDiagnosis, mainProcedure, otherProcedures, totalCost)
    {
        Level = level;
        AuxiliaryTypes = auxiliaryTypes;
    }

    /// <summary>出院年份 — the discharge year.</summary>
    public int Year { get; }

    /// <summary>主要诊断 — the main diagnosis.</summary>
    public DiagnosisCode MainDiagnosis { get; }

    /// <summary>主要手术操作 — the main procedure.</summary>
    public ProcedureCode MainProcedure { get; }

    /// <summary>其他手术操作 — the other procedures.</summary>
    public IReadOnlyList<ProcedureCode> OtherProcedures => _otherProcedures ?? Array.Empty<ProcedureCode>();

    /// <summary>医疗总费用 — the total cost.</summary>
    public Money TotalCost { get; }

    /// <summary>医院等级 — the level of the hospital that treated the case.</summary>
    public HospitalLevel Level { get; init; }

    /// <summary>辅助分型 — the subtype mask (<see cref="DipAuxiliaryTypingData.Classify(Cases.InpatientCase)"/>).</summary>
    public long AuxiliaryTypes { get; init; }

    /// <summary>
    /// 由结算清单转换 — a history case from a settlement-list case; null when it has no discharge date.
    /// </summary>
    /// <param name="inpatientCase">The case.</param>
    /// <param name="level">The hospital level.</param>
    /// <param name="typing">The auxiliary-typing lists.</param>
    /// <returns>The history case, or null without a discharge date.</returns>
    public static DipHistoryCase? FromCase(InpatientCase inpatientCase, HospitalLevel level, DipAuxiliaryTypingData typing)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        if (inpatientCase.DischargeDate is not { } discharged)
        {
            return null;
        }

        return new DipHistoryCase(discharged.Year, inpatientCase.MainDiagnosis, inpatientCase.MainProcedure, inpatientCase.OtherProcedures, inpatientCase.Costs.Total)
        {
            Level = level,
            AuxiliaryTypes = (typing ?? throw new ArgumentNullException(nameof(typing))).Classify(inpatientCase),
        };
    }

    /// <summary>Equality.</summary>
    /// <param name="other">The other value.</param>
    /// <returns>Whether equal.</returns>
    public bool Equals(DipHistoryCase other) => Year == other.Year && MainDiagnosis == other.MainDiagnosis && MainProcedure == other.MainProcedure
        && ReferenceEquals(_otherProcedures, other._otherProcedures) && TotalCost == other.TotalCost && Level == other.Level && AuxiliaryTypes == other.AuxiliaryTypes;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DipHistoryCase other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Year ^ MainDiagnosis.GetHashCode() ^ TotalCost.GetHashCode();

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(DipHistoryCase left, DipHistoryCase right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(DipHistoryCase left, DipHistoryCase right) => !left.Equals(right);
}
