using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.Settlement;

/// <summary>模拟测算行 — one hospital or level: what the policy would pay against fee-for-service.</summary>
/// <param name="Key">The hospital id, or the level code for a level row.</param>
/// <param name="Level">The hospital level.</param>
/// <param name="Hospitals">Hospitals in the row (1 for a hospital row).</param>
/// <param name="Cases">Settlement lines.</param>
/// <param name="FeeForService">按项目基金支付 — what fee-for-service paid.</param>
/// <param name="Simulated">模拟支付 — the annual settled amount under the policy.</param>
/// <param name="Difference">Simulated − fee-for-service (positive: the hospital gains).</param>
/// <param name="Ratio">Simulated ÷ fee-for-service, or null when fee-for-service is zero.</param>
public sealed record SimulationRow(string Key, HospitalLevel Level, int Hospitals, int Cases, Money FeeForService, Money Simulated, Money Difference, decimal? Ratio);

/// <summary>模拟测算结果 — per hospital and per level.</summary>
/// <param name="Hospitals">One row per hospital, by id.</param>
/// <param name="Levels">One row per level, highest first.</param>
/// <param name="Clearing">The clearing run that produced the rows.</param>
public sealed record SimulationReport(IReadOnlyList<SimulationRow> Hospitals, IReadOnlyList<SimulationRow> Levels, ClearingResult Clearing);

/// <summary>
/// 模拟测算 — runs last year's settlement lines under a proposed policy and compares, per hospital and per level, with what
/// fee-for-service (the item-based fund amount of each case) paid.
/// </summary>
/// <remarks>Pure; thread-safe.</remarks>
public static class SettlementSimulation
{
    /// <summary>Runs the simulation.</summary>
    /// <param name="policy">The proposed policy.</param>
    /// <param name="hospitals">The hospitals.</param>
    /// <param name="lastYearLines">Last year's settlement lines.</param>
    /// <returns>The comparison.</returns>
    public static SimulationReport Run(SettlementPolicy policy, IReadOnlyList<SettlementHospital> hospitals, IReadOnlyList<SettlementLine> lastYearLines)
    {
        var clearing = ClearingEngine.Run(policy, hospitals, lastYearLines, [], -1);
        return Compare(clearing);
    }

    /// <summary>Builds the comparison from a clearing result.</summary>
    /// <param name="clearing">The clearing result.</param>
    /// <returns>The comparison.</returns>
    public static SimulationReport Compare(ClearingResult clearing)
    {
        if (clearing is null)
        {
            throw new ArgumentNullException(nameof(clearing));
        }

        var rows = clearing.Statements
            .Select(s => Row(s.Hospital.Id, s.Hospital.Level, 1, s.LineCount, s.FeeForService, s.AnnualSettled))
            .ToArray();
        var levels = clearing.Statements
            .GroupBy(s => s.Hospital.Level)
            .OrderByDescending(g => g.Key)
            .Select(g => Row(g.Key.Code, g.Key, g.Count(), g.Sum(s => s.LineCount), Money.Sum(g.Select(s => s.FeeForService)), Money.Sum(g.Select(s => s.AnnualSettled))))
            .ToArray();
        return new SimulationReport(rows, levels, clearing);
    }

    private static SimulationRow Row(string key, HospitalLevel level, int hospitals, int cases, Money ffs, Money simulated) =>
        new(key, level, hospitals, cases, ffs, simulated, simulated - ffs, ffs.IsZero ? null : simulated.RatioTo(ffs));
}
