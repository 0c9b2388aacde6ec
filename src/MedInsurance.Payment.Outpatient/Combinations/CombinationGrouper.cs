using System;
using System.Collections.Generic;
using MedInsurance.Payment.Cases;
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
/// <para>Thread-safe after construction (<see cref="Group(IReadOnlyList{OutpatientItem})"/> keeps no state between calls).</para>
/// </remarks>
public sealed class CombinationGrouper
{
    private readonly CombinationTable _table;
    private readonly Dictionary<string, Institution> _institutions = new(StringComparer.Ordinal);
    private readonly FundShares[] _shares = new FundShares[3];
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
            _institutions[pair.Key] = new Institution(table, pair.Value);
        }

        foreach (var fund in new[] { InsuranceFund.Other, InsuranceFund.Employee, InsuranceFund.Resident })
        {
            _shares[(int)fund] = new FundShares(table.FundShares.TryGetValue(fund, out var c) ? c : 0m, table.ItemFundShares.TryGetValue(fund, out var s) ? s : 0m);
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

        if (items is not OutpatientItem[] array)
        {
            array = new OutpatientItem[items.Count];
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = items[i];
            }
        }

        return new CombinationDay(Group(array, 0, array.Length));
    }

    /// <summary>Groups and prices the unit <c>items[start .. start + count)</c> (the batch path: no copy, no interface calls).</summary>
    internal PricedDay Group(OutpatientItem[] items, int start, int count)
    {
        var end = start + count;
        var first = items[start];
        long totalFen = 0;
        var unitId = first.ClaimId;
        var claims = 1;
        string lastClaim = first.ClaimId;
        for (var i = start; i < end; i++)
        {
            ref readonly var item = ref items[i];
            if (item.ServiceDate != first.ServiceDate || !string.Equals(item.PersonId, first.PersonId, StringComparison.Ordinal)
                || !string.Equals(item.InstitutionId, first.InstitutionId, StringComparison.Ordinal) || item.Fund != first.Fund)
            {
                throw new ArgumentException("The items do not form one unit (person, institution, day, fund).", nameof(items));
            }

            totalFen = checked(totalFen + item.Amount.Fen);
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

        var total = Money.FromFen(totalFen);
        var shares = SharesOf(first.Fund);
        var itemFund = total.Multiply(shares.Item).Round(_table.Rounding);
        var best = Best(items, start, end, first.ServiceDate, out var bestIndex, out var matchedCode, out var candidates);
        string fallback;
        var levelCode = string.Empty;
        if (best is null)
        {
            fallback = OutpatientIssueCodes.NoCombination;
        }
        else if (!_institutions.TryGetValue(first.InstitutionId, out var institution))
        {
            fallback = OutpatientIssueCodes.LevelUnknown;
        }
        else if (institution.Prices[bestIndex] is not { } priced)
        {
            fallback = OutpatientIssueCodes.NoPriceAtLevel;
            levelCode = institution.LevelCode;
        }
        else
        {
            levelCode = institution.LevelCode;
            var price = priced.Price;
            var share = shares.Combination;
            SettlementBasis basis;
            Money fundPays = Money.Zero;
            var fundPoints = 0m;
            if (_table.PaysInPoints)
            {
                // 组合点数 × 基金支付比例 (issue 18: "Payment = price (or points) × fund share"), computed once per level and fund.
                fundPoints = priced.FundPoints(first.Fund, share);
                basis = SettlementBasis.OfPoints(_table.PointSystem, fundPoints);
            }
            else
            {
                // 组合支付标准 × 基金支付比例, rounded to the fen, computed once per level and fund.
                fundPays = priced.FundPays(first.Fund, share);
                basis = SettlementBasis.OfMoney(fundPays, _table.PointSystem);
            }

            // The line (CombinationDay.Line): OUTPATIENT_COMBINATION, this basis, total, total − item fund, item fund.
            return new PricedDay(unitId, first.PersonId, first.InstitutionId, first.Fund, first.ServiceDate, claims, count, total, best, matchedCode, string.Empty, candidates, levelCode, price.Amount, price.Points, share, fundPays, fundPoints, itemFund, basis);
        }

        // 按项目: total × item share, rounded to the fen.
        // The line (CombinationDay.Line): FEE_FOR_SERVICE, the item-based fund amount paid from the fee-for-service pool.
        return new PricedDay(unitId, first.PersonId, first.InstitutionId, first.Fund, first.ServiceDate, claims, count, total, best, best is null ? string.Empty : matchedCode, fallback, candidates, levelCode, Money.Zero, 0m, shares.Item, itemFund, 0m, itemFund, SettlementBasis.OfMoney(itemFund, _table.FeeForServicePointSystem));
    }

    /// <summary>The combination and item shares of a fund (0 when the table has none for it).</summary>
    private FundShares SharesOf(InsuranceFund fund)
    {
        if ((uint)fund < (uint)_shares.Length)
        {
            return _shares[(int)fund];
        }

        return new FundShares(_table.FundShares.TryGetValue(fund, out var c) ? c : 0m, _table.ItemFundShares.TryGetValue(fund, out var s) ? s : 0m);
    }

    /// <summary>The highest-precedence combination in force whose codes match (null when none).</summary>
    private TreatmentCombination? Best(OutpatientItem[] items, int start, int end, int date, out int bestIndex, out string matchedCode, out int candidates)
    {
        TreatmentCombination? best = null;
        bestIndex = -1;
        matchedCode = string.Empty;
        candidates = 0;
        var seenLow = 0UL;
        HashSet<int>? seenHigh = null;
        for (var i = start; i < end; i++)
        {
            if (_exact.TryGetValue(items[i].ItemCode, out var list))
            {
                foreach (var index in list)
                {
                    Consider(index, items, start, end, date, ref seenLow, ref seenHigh, ref best, ref bestIndex, ref matchedCode, ref candidates);
                }
            }
        }

        foreach (var index in _withPrefix)
        {
            Consider(index, items, start, end, date, ref seenLow, ref seenHigh, ref best, ref bestIndex, ref matchedCode, ref candidates);
        }

        return best;
    }

    private void Consider(int index, OutpatientItem[] items, int start, int end, int date, ref ulong seenLow, ref HashSet<int>? seenHigh, ref TreatmentCombination? best, ref int bestIndex, ref string matchedCode, ref int candidates)
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
        if (!combination.InForce(date) || !Matches(combination, items, start, end, out var code))
        {
            return;
        }

        candidates++;
        if (best is null || combination.Class < best.Class || (combination.Class == best.Class && combination.Order < best.Order))
        {
            best = combination;
            bestIndex = index;
            matchedCode = code;
        }
    }

    /// <summary>An institution's level code (<c>3A</c>) and each combination's price at that level (null when none), looked up once.</summary>
    private sealed class Institution
    {
        public Institution(CombinationTable table, HospitalLevel level)
        {
            LevelCode = level.Code;
            var tier = ((int)level.Tier).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Prices = new PriceAtLevel?[table.Combinations.Count];
            for (var i = 0; i < Prices.Length; i++)
            {
                if (table.Combinations[i].TryPrice(LevelCode, tier, out var price))
                {
                    Prices[i] = new PriceAtLevel(table, price);
                }
            }
        }

        public string LevelCode { get; }

        /// <summary>By position in <see cref="CombinationTable.Combinations"/>.</summary>
        public PriceAtLevel?[] Prices { get; }
    }

    /// <summary>A combination's price at one level, with the fund's payment for each fund computed once (the same formula).</summary>
    private sealed class PriceAtLevel
    {
        private readonly Money[] _fundPays = new Money[3];
        private readonly decimal[] _fundPoints = new decimal[3];
        private readonly CombinationTable _table;

        public PriceAtLevel(CombinationTable table, CombinationPrice price)
        {
            _table = table;
            Price = price;
            for (var fund = 0; fund < 3; fund++)
            {
                var share = table.FundShares.TryGetValue((InsuranceFund)fund, out var s) ? s : 0m;
                _fundPays[fund] = table.PaysInPoints ? Money.Zero : FundPaysOf(share);
                _fundPoints[fund] = PointsOf(share);
            }
        }

        public CombinationPrice Price { get; }

        public Money FundPays(InsuranceFund fund, decimal share) => (uint)fund < (uint)_fundPays.Length ? _fundPays[(int)fund] : FundPaysOf(share);

        public decimal FundPoints(InsuranceFund fund, decimal share) => (uint)fund < (uint)_fundPoints.Length ? _fundPoints[(int)fund] : PointsOf(share);

        /// <summary>组合支付标准 × 基金支付比例, rounded to the fen.</summary>
        private Money FundPaysOf(decimal share) => Price.Amount.Multiply(share).Round(_table.Rounding);

        /// <summary>组合点数 × 基金支付比例 (exact decimal).</summary>
        private decimal PointsOf(decimal share) => Price.Points * share;
    }

    /// <summary>A fund's combination share and item (fee-for-service) share.</summary>
    private readonly struct FundShares
    {
        public FundShares(decimal combination, decimal item)
        {
            Combination = combination;
            Item = item;
        }

        public decimal Combination { get; }

        public decimal Item { get; }
    }

    /// <summary>Whether the items satisfy the combination; <paramref name="code"/> is the first item code that matched.</summary>
    private static bool Matches(TreatmentCombination combination, OutpatientItem[] items, int start, int end, out string code)
    {
        code = string.Empty;
        var surgical = combination.Class == CombinationClass.SurgicalProcedure;
        var patterns = combination.Codes;
        // An index loop: foreach over the IReadOnlyList would box an enumerator per combination considered per day.
        for (var p = 0; p < patterns.Count; p++)
        {
            var pattern = patterns[p];
            var found = false;
            for (var i = start; i < end; i++)
            {
                ref readonly var item = ref items[i];
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
