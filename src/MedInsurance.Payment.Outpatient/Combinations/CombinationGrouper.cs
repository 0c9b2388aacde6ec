using System;
using System.Collections.Generic;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// 诊疗组合分组器 — gives one unit (a person's outpatient items of one day at one institution) exactly one
/// combination, or the fee-for-service fallback with its reason, and prices it.
/// </summary>
/// <remarks>
/// <para>Match precedence (docs/outpatient.md “Matching”): among the combinations in force on the day whose defining
/// codes match the day's items (a surgical combination's codes only on procedure items; <c>any</c>: one code present,
/// <c>all</c>: every code present), the class decides — 手术操作 before 内科诊疗 before 辅助服务 — then the table order.
/// The winner alone is the day's combination; when the table has no price for it at the institution's level, the day
/// falls back to fee-for-service with <see cref="OutpatientIssueCodes.NoPriceAtLevel"/> (the next candidate is not tried,
/// so a day's combination does not depend on the hospital's level).</para>
/// <para>Payment (payment-rules.md §4 “Treatment combinations”, issue 18): money table: fund = round(price × fund share);
/// points table: fund points = points × fund share; fee-for-service: fund = round(total × item share).</para>
/// <para>Thread-safe after construction (<see cref="Group"/> keeps no state between calls).</para>
/// </remarks>
public sealed class CombinationGrouper
{
    private readonly CombinationTable _table;
    private readonly Dictionary<string, LevelCodes> _levels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<int> _withPrefix = [];

    /// <summary>Creates a grouper.</summary>
    /// <param name="table">The combination table.</param>
    /// <param name="levels">医院等级 — each institution's level by id (an institution not listed falls back to fee-for-service).</param>
    public CombinationGrouper(CombinationTable table, IReadOnlyDictionary<string, HospitalLevel> levels)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        foreach (var pair in levels ?? throw new ArgumentNullException(nameof(levels)))
        {
            _levels[pair.Key] = new LevelCodes(pair.Value.Code, ((int)pair.Value.Tier).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < table.Combinations.Count; i++)
        {
            var hasPrefix = false;
            foreach (var code in table.Combinations[i].Codes)
            {
                if (CodePattern.IsPrefix(code))
                {
                    hasPrefix = true;
                }
                else
                {
                    if (!_exact.TryGetValue(code, out var list))
                    {
                        _exact[code] = list = [];
                    }

                    if (!list.Contains(i))
                    {
                        list.Add(i);
                    }
                }
            }

            if (hasPrefix)
            {
                _withPrefix.Add(i);
            }
        }
    }

    /// <summary>The table.</summary>
    public CombinationTable Table => _table;

    /// <summary>Groups and prices one unit.</summary>
    /// <param name="items">The unit's items: one person, one institution, one service date, one fund (at least one item).</param>
    /// <returns>The day.</returns>
    /// <exception cref="ArgumentException">When the items are empty or do not form one unit.</exception>
    public CombinationDay Group(IReadOnlyList<OutpatientItem> items)
    {
        if (items is null || items.Count == 0)
        {
            throw new ArgumentException("A day has at least one item.", nameof(items));
        }

        var first = items[0];
        var total = Money.Zero;
        var unitId = first.ClaimId;
        var claims = 1;
        string lastClaim = first.ClaimId;
        foreach (var item in items)
        {
            if (item.ServiceDate != first.ServiceDate || !string.Equals(item.PersonId, first.PersonId, StringComparison.Ordinal)
                || !string.Equals(item.InstitutionId, first.InstitutionId, StringComparison.Ordinal) || item.Fund != first.Fund)
            {
                throw new ArgumentException("The items do not form one unit (person, institution, day, fund).", nameof(items));
            }

            total += item.Amount;
            if (!string.Equals(item.ClaimId, lastClaim, StringComparison.Ordinal))
            {
                claims++;
                lastClaim = item.ClaimId;
            }

            if (string.CompareOrdinal(item.ClaimId, unitId) < 0)
            {
                unitId = item.ClaimId;
            }
        }

        var itemShare = _table.ItemFundShares.TryGetValue(first.Fund, out var s) ? s : 0m;
        var itemFund = total.Multiply(itemShare).Round(_table.Rounding);
        var best = Best(items, first.ServiceDate, out var matchedCode, out var candidates);
        string fallback;
        var levelCode = string.Empty;
        if (best is null)
        {
            fallback = OutpatientIssueCodes.NoCombination;
        }
        else if (!_levels.TryGetValue(first.InstitutionId, out var level))
        {
            fallback = OutpatientIssueCodes.LevelUnknown;
        }
        else if (!best.TryPrice(level.Code, level.Tier, out var price))
        {
            fallback = OutpatientIssueCodes.NoPriceAtLevel;
            levelCode = level.Code;
        }
        else
        {
            levelCode = level.Code;
            var share = _table.FundShares.TryGetValue(first.Fund, out var cs) ? cs : 0m;
            SettlementLine line;
            Money fundPays = Money.Zero;
            var fundPoints = 0m;
            if (_table.PaysInPoints)
            {
                // 组合点数 × 基金支付比例 (issue 18: "Payment = price (or points) × fund share").
                fundPoints = price.Points * share;
                line = new SettlementLine(unitId, first.InstitutionId, first.Fund, first.Month, SettlementMethods.OutpatientCombination, SettlementBasis.OfPoints(_table.PointSystem, fundPoints), total, total - itemFund, itemFund);
            }
            else
            {
                // 组合支付标准 × 基金支付比例, rounded to the fen.
                fundPays = price.Amount.Multiply(share).Round(_table.Rounding);
                line = new SettlementLine(unitId, first.InstitutionId, first.Fund, first.Month, SettlementMethods.OutpatientCombination, SettlementBasis.OfMoney(fundPays, _table.PointSystem), total, total - itemFund, itemFund);
            }

            return new CombinationDay(unitId, first.PersonId, first.InstitutionId, first.Fund, first.ServiceDate, claims, items.Count, total, best, matchedCode, string.Empty, candidates, levelCode, price.Amount, price.Points, share, fundPays, fundPoints, itemFund, line);
        }

        // 按项目: total × item share, rounded to the fen.
        var ffsLine = new SettlementLine(unitId, first.InstitutionId, first.Fund, first.Month, SettlementMethods.FeeForService, SettlementBasis.OfMoney(itemFund, _table.FeeForServicePointSystem), total, total - itemFund, itemFund);
        return new CombinationDay(unitId, first.PersonId, first.InstitutionId, first.Fund, first.ServiceDate, claims, items.Count, total, best, best is null ? string.Empty : matchedCode, fallback, candidates, levelCode, Money.Zero, 0m, itemShare, itemFund, 0m, itemFund, ffsLine);
    }

    /// <summary>The highest-precedence combination in force whose codes match (null when none).</summary>
    private TreatmentCombination? Best(IReadOnlyList<OutpatientItem> items, int date, out string matchedCode, out int candidates)
    {
        TreatmentCombination? best = null;
        matchedCode = string.Empty;
        candidates = 0;
        var seenLow = 0UL;
        HashSet<int>? seenHigh = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (_exact.TryGetValue(items[i].ItemCode, out var list))
            {
                foreach (var index in list)
                {
                    Consider(index, items, date, ref seenLow, ref seenHigh, ref best, ref matchedCode, ref candidates);
                }
            }
        }

        foreach (var index in _withPrefix)
        {
            Consider(index, items, date, ref seenLow, ref seenHigh, ref best, ref matchedCode, ref candidates);
        }

        return best;
    }

    private void Consider(int index, IReadOnlyList<OutpatientItem> items, int date, ref ulong seenLow, ref HashSet<int>? seenHigh, ref TreatmentCombination? best, ref string matchedCode, ref int candidates)
    {
        if (index < 64)
        {
            var bit = 1UL << index;
            if ((seenLow & bit) != 0)
            {
                return;
            }

            seenLow |= bit;
        }
        else if (!(seenHigh ??= []).Add(index))
        {
            return;
        }

        var combination = _table.Combinations[index];
        if (!combination.InForce(date) || !Matches(combination, items, out var code))
        {
            return;
        }

        candidates++;
        if (best is null || combination.Class < best.Class || (combination.Class == best.Class && combination.Order < best.Order))
        {
            best = combination;
            matchedCode = code;
        }
    }

    /// <summary>An institution's level code (<c>3A</c>) and tier code (<c>3</c>), computed once.</summary>
    private readonly struct LevelCodes
    {
        public LevelCodes(string code, string tier)
        {
            Code = code;
            Tier = tier;
        }

        public string Code { get; }

        public string Tier { get; }
    }

    /// <summary>Whether the items satisfy the combination; <paramref name="code"/> is the first item code that matched.</summary>
    private static bool Matches(TreatmentCombination combination, IReadOnlyList<OutpatientItem> items, out string code)
    {
        code = string.Empty;
        var surgical = combination.Class == CombinationClass.SurgicalProcedure;
        foreach (var pattern in combination.Codes)
        {
            var found = false;
            foreach (var item in items)
            {
                if ((!surgical || item.Kind == OutpatientItemKind.Procedure) && CodePattern.Matches(pattern, item.ItemCode))
                {
                    found = true;
                    if (code.Length == 0)
                    {
                        code = item.ItemCode;
                    }

                    break;
                }
            }

            if (found && combination.Match == CombinationMatch.Any)
            {
                return true;
            }

            if (!found && combination.Match == CombinationMatch.All)
            {
                return false;
            }
        }

        return combination.Match == CombinationMatch.All;
    }
}
