using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Dip.Internal;
using MedInsurance.Payment.Statistics;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// 病种目录测算 — builds a local DIP catalog from three years of settled cases (payment-rules.md §3; DIP 3.0 draft
/// ch. 3 and 5): combinations of main-diagnosis subcategory + main procedure + related procedures; core threshold
/// (count or coverage); the related-procedure 10% rule; comprehensive groups by category + procedure class;
/// three-year weighted, percentile-trimmed means; scores; primary-care eligibility; hospital-level and auxiliary
/// coefficients. The result depends only on the multiset of cases, not their order.
/// </summary>
public static class DipCatalogBuilder
{
    /// <summary>测算 — builds the catalog.</summary>
    /// <param name="history">The history cases.</param>
    /// <param name="options">The parameters.</param>
    /// <returns>The catalog, its report and each case's group.</returns>
    /// <exception cref="ArgumentException">The options are inconsistent (e.g. an unknown benchmark group, or a trimming band that is not 0 ≤ lower &lt; upper ≤ 1).</exception>
    public static DipBuildResult Build(IReadOnlyList<DipHistoryCase> history, DipBuildOptions options)
    {
        if (history is null)
        {
            throw new ArgumentNullException(nameof(history));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return new Run(history, options).Execute();
    }

    private sealed class Run
    {
        private readonly DipHistoryCase[] _cases;
        private readonly DipBuildOptions _o;
        private readonly int _years;
        private readonly decimal[] _weights;
        private readonly PercentileTrimming _trimming;
        private int _firstYear;

        public Run(IReadOnlyList<DipHistoryCase> cases, DipBuildOptions options)
        {
            _cases = cases as DipHistoryCase[] ?? cases.ToArray();
            _o = options;
            _weights = options.YearWeights.ToArray();
            _years = _weights.Length;
            _trimming = options.Trim ? new PercentileTrimming(options.TrimLower * 100m, options.TrimUpper * 100m) : PercentileTrimming.None;
        }

        public DipBuildResult Execute()
        {
            var n = _cases.Length;
            var yearOf = new int[n];
            int noDx = 0, noCost = 0, outside = 0;
            var maxYear = int.MinValue;
            for (var i = 0; i < n; i++)
            {
                ref readonly var c = ref _cases[i];
                if (!c.MainDiagnosis.IsEmpty && c.TotalCost.Fen > 0 && c.Year > maxYear)
                {
                    maxYear = c.Year;
                }
            }

            _firstYear = maxYear == int.MinValue ? 0 : maxYear - _years + 1;

            // 1. Combinations: diagnosis subcategory + main procedure + related procedures.
            var comboIds = new Dictionary<string, int>(StringComparer.Ordinal);
            var simpleIds = new Dictionary<CodePairKey, int>(CodePairKeyComparer.Instance);
            var combos = new List<Combo>();
            var comboOf = new int[n];
            var relatedScratch = new List<string>();
            for (var i = 0; i < n; i++)
            {
                ref readonly var c = ref _cases[i];
                comboOf[i] = -1;
                yearOf[i] = -1;
                if (c.MainDiagnosis.IsEmpty)
                {
                    noDx++;
                    continue;
                }

                if (c.TotalCost.Fen <= 0)
                {
                    noCost++;
                    continue;
                }

                var y = c.Year - _firstYear;
                if (y < 0 || y >= _years)
                {
                    outside++;
                    continue;
                }

                yearOf[i] = y;
                var dxValue = c.MainDiagnosis.Value;
                var subLength = CodeKey.SubcategoryLength(dxValue);
                var main = c.MainProcedure.Value;
                var others = c.OtherProcedures;
                int id;
                if (others.Count == 0)
                {
                    // Most cases: no related procedures, keyed without building a string.
                    var pair = new CodePairKey(new CodeKey(dxValue, subLength), new CodeKey(main));
                    if (!simpleIds.TryGetValue(pair, out id))
                    {
                        id = combos.Count;
                        var dx0 = dxValue.Substring(0, subLength);
                        simpleIds.Add(new CodePairKey(new CodeKey(dx0), new CodeKey(main)), id);
                        combos.Add(new Combo(dx0, main, Array.Empty<string>()));
                    }

                    comboOf[i] = id;
                    combos[id].Count++;
                    continue;
                }

                var dx = dxValue.Substring(0, subLength);
                relatedScratch.Clear();
                for (var k = 0; k < others.Count; k++)
                {
                    var v = others[k].Value;
                    if (v.Length > 0 && !relatedScratch.Contains(v))
                    {
                        relatedScratch.Add(v);
                    }
                }

                relatedScratch.Sort(StringComparer.Ordinal);
                if (relatedScratch.Count == 0)
                {
                    if (!simpleIds.TryGetValue(new CodePairKey(new CodeKey(dx), new CodeKey(main)), out id))
                    {
                        id = combos.Count;
                        simpleIds.Add(new CodePairKey(new CodeKey(dx), new CodeKey(main)), id);
                        combos.Add(new Combo(dx, main, Array.Empty<string>()));
                    }
                }
                else
                {
                    var key = dx + "|" + main + "|" + string.Join("+", relatedScratch);
                    if (!comboIds.TryGetValue(key, out id))
                    {
                        id = combos.Count;
                        comboIds.Add(key, id);
                        combos.Add(new Combo(dx, main, relatedScratch.ToArray()));
                    }
                }

                comboOf[i] = id;
                combos[id].Count++;
            }

            var included = n - noDx - noCost - outside;

            // 2. Core threshold: a fixed count, or the count at which core combinations cover the requested share.
            var threshold = _o.CoreThreshold;
            if (_o.CoreCoverage is decimal coverage)
            {
                threshold = CoverageThreshold(combos.Select(c => c.Count), included, coverage);
            }

            // Means of combinations for the related-procedure rule: needed only in families where a combination
            // with related procedures reaches the threshold.
            var needed = new HashSet<string>(
                combos.Where(c => c.Related.Length > 0 && c.Count >= threshold).Select(c => c.Diagnosis + "|" + c.Main),
                StringComparer.Ordinal);
            var neededCombo = combos.Select(c => needed.Contains(c.Diagnosis + "|" + c.Main)).ToArray();
            var comboOfNeeded = new int[n];
            for (var i = 0; i < n; i++)
            {
                comboOfNeeded[i] = comboOf[i] >= 0 && neededCombo[comboOf[i]] ? comboOf[i] : -1;
            }

            var comboStats = Stats(comboOfNeeded, combos.Count, null);
            for (var k = 0; k < combos.Count; k++)
            {
                combos[k].Mean = comboStats[k].Mean;
            }

            // 3. Core keys: the 10% rule inside each diagnosis + main-procedure family, then the threshold.
            int splits = 0, merged = 0;
            var coreKeys = new List<Combo>();
            foreach (var family in combos.GroupBy(c => c.Diagnosis + "|" + c.Main, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var baseCombo = family.FirstOrDefault(c => c.Related.Length == 0);
                var baseCount = baseCombo?.Count ?? 0;
                foreach (var combo in family.Where(c => c.Related.Length > 0 && c.Count >= threshold))
                {
                    if (baseCombo is null || DipFormulas.RelatedProcedureSplits(baseCombo.Mean, combo.Mean, _o.RelatedProcedureIncrease))
                    {
                        splits++;
                        coreKeys.Add(combo);
                    }
                    else
                    {
                        merged++;
                        baseCount += combo.Count;
                    }
                }

                if (baseCount >= threshold && baseCount > 0)
                {
                    coreKeys.Add(baseCombo ?? new Combo(family.First().Diagnosis, family.First().Main, Array.Empty<string>()));
                }
            }

            var coreGroups = coreKeys.Select(k => new DipGroup
            {
                Code = CoreCode(k),
                Name = k.Diagnosis + (k.Main.Length == 0 ? " 保守治疗" : " + " + k.Main) + (k.Related.Length == 0 ? string.Empty : " + " + string.Join(" + ", k.Related)),
                Kind = DipGroupKind.Core,
                Diagnosis = k.Diagnosis,
                MainProcedure = k.Main,
                RelatedProcedures = k.Related,
            }).ToList();
            var coreIndex = new DipGroupIndex(coreGroups);
            var groupIds = new Dictionary<string, int>(StringComparer.Ordinal);
            var groups = new List<DipGroup>(coreGroups);
            for (var g = 0; g < groups.Count; g++)
            {
                groupIds.Add(groups[g].Code, g);
            }

            // 4. Every included case into exactly one group, the way the grouper matches current cases.
            var groupOf = new int[n];
            for (var i = 0; i < n; i++)
            {
                groupOf[i] = -1;
                if (comboOf[i] < 0)
                {
                    continue;
                }

                ref readonly var c = ref _cases[i];
                var core = coreIndex.MatchCore(c.MainDiagnosis.Value, c.MainProcedure.Value, c.OtherProcedures, out _);
                if (core >= 0)
                {
                    groupOf[i] = core; // the preliminary index holds exactly the core groups, in the same order
                    continue;
                }

                var cls = DipGroupIndex.ClassOf(c.MainProcedure, c.OtherProcedures, _o.ProcedureAttributes, out _);
                var category = c.MainDiagnosis.Category;
                var code = ComprehensiveCode(category, cls);
                if (!groupIds.TryGetValue(code, out var gid))
                {
                    gid = groups.Count;
                    groupIds.Add(code, gid);
                    groups.Add(new DipGroup
                    {
                        Code = code,
                        Name = category + " " + ClassName(cls),
                        Kind = DipGroupKind.Comprehensive,
                        Diagnosis = category,
                        ProcedureClass = cls,
                    });
                }

                groupOf[i] = gid;
            }

            // 5. Group statistics on trimmed costs; regional mean M; scores.
            var kept = new bool[n];
            var stats = Stats(groupOf, groups.Count, kept);
            var all = new YearSums(_years);
            for (var i = 0; i < n; i++)
            {
                if (kept[i])
                {
                    all.Add(yearOf[i], _cases[i].TotalCost.Fen);
                }
            }

            var regionalMean = all.WeightedMean(_weights);
            var reference = regionalMean;
            var scale = 1000m;
            switch (_o.ScoreMethod)
            {
                case DipScoreMethod.StandardQuota:
                    scale = 1m;
                    break;
                case DipScoreMethod.BenchmarkGroup:
                    var bench = groups.FindIndex(g => string.Equals(g.Code, _o.BenchmarkGroupCode, StringComparison.Ordinal));
                    if (bench < 0)
                    {
                        throw new ArgumentException("The benchmark group '" + _o.BenchmarkGroupCode + "' was not built from this history.", nameof(_o.BenchmarkGroupCode));
                    }

                    reference = stats[bench].Mean;
                    scale = _o.BenchmarkScore;
                    break;
            }

            var scoreRounding = new RoundingRule(RoundingMode.HalfAwayFromZero, _o.ScoreDecimals);
            var coefficientRounding = new RoundingRule(RoundingMode.HalfAwayFromZero, _o.CoefficientDecimals);
            var candidates = new HashSet<string>(_o.PrimaryCareCandidates, StringComparer.Ordinal);

            // 6. Hospital-level coefficients.
            var levelCoefficients = LevelCoefficients(groupOf, kept, yearOf, stats, coefficientRounding);
            var byLevel = GroupLevelSums(groupOf, kept, yearOf);
            var groupLevel = _o.LevelCoefficients == DipLevelCoefficientMode.ByGroup
                ? GroupLevelCoefficients(byLevel, stats, groups.Count, coefficientRounding)
                : new Dictionary<string, Coefficient>[groups.Count];
            var levelMeans = GroupLevelMeans(byLevel, groups.Count);

            // 7. Auxiliary-type coefficients.
            var auxiliary = AuxiliaryCoefficients(groupOf, kept, yearOf, stats, groups.Count, coefficientRounding);

            var final = new DipGroup[groups.Count];
            for (var g = 0; g < groups.Count; g++)
            {
                var draft = groups[g];
                var s = stats[g];
                var kind = draft.Kind;
                if (kind == DipGroupKind.Core && s.Cv <= _o.PrimaryCareMaxCv && (candidates.Contains(draft.Diagnosis) || candidates.Contains(draft.Code)))
                {
                    kind = DipGroupKind.PrimaryCare;
                }

                final[g] = new DipGroup
                {
                    Code = draft.Code,
                    Name = draft.Name,
                    Kind = kind,
                    Diagnosis = draft.Diagnosis,
                    MainProcedure = draft.MainProcedure,
                    RelatedProcedures = draft.RelatedProcedures,
                    ProcedureClass = draft.ProcedureClass,
                    Score = reference > 0m ? DipFormulas.GroupScore(s.Mean, reference, scale).Round(scoreRounding) : Score.Zero,
                    MeanCost = Money.FromYuan(s.Mean, RoundingRule.Default),
                    CaseCount = s.Count,
                    CoefficientOfVariation = coefficientRounding.Round(s.Cv),
                    LevelCoefficients = kind == DipGroupKind.PrimaryCare ? new Dictionary<string, Coefficient>() : (groupLevel[g] ?? new Dictionary<string, Coefficient>()),
                    LevelMeanCosts = levelMeans[g] ?? new Dictionary<string, Money>(),
                    AuxiliaryCoefficients = auxiliary[g] ?? new List<DipAuxiliaryCoefficient>(),
                };
            }

            // 8. Catalog order: by code (ordinal), so the result does not depend on the input order.
            var order = Enumerable.Range(0, final.Length).OrderBy(g => final[g].Code, StringComparer.Ordinal).ToArray();
            var position = new int[final.Length];
            for (var p = 0; p < order.Length; p++)
            {
                position[order[p]] = p;
            }

            var assignments = new int[n];
            for (var i = 0; i < n; i++)
            {
                assignments[i] = groupOf[i] < 0 ? -1 : position[groupOf[i]];
            }

            var sorted = order.Select(g => final[g]).ToArray();
            var catalog = new DipCatalog(_o.Edition, _o.Region, sorted, levelCoefficients)
            {
                EffectiveFrom = _o.EffectiveFrom,
                EffectiveTo = _o.EffectiveTo,
                RegionalMeanCost = Money.FromYuan(regionalMean, RoundingRule.Default),
                ScoreScale = scale,
            };

            var report = Report(sorted, included, noDx, noCost, outside, kept, groupOf, threshold, combos.Count, splits, merged, catalog, auxiliary, groupLevel);
            return new DipBuildResult(catalog, report, assignments);
        }

        private DipBuildReport Report(DipGroup[] groups, int included, int noDx, int noCost, int outside, bool[] kept, int[] groupOf, int threshold, int combos, int splits, int merged, DipCatalog catalog, List<DipAuxiliaryCoefficient>?[] auxiliary, Dictionary<string, Coefficient>?[] groupLevel)
        {
            var byKind = groups.GroupBy(g => g.Kind).ToDictionary(g => g.Key, g => g.Count());
            var casesByKind = groups.GroupBy(g => g.Kind).ToDictionary(g => g.Key, g => g.Sum(x => x.CaseCount));
            var cvByKind = groups.GroupBy(g => g.Kind).ToDictionary(
                g => g.Key,
                g => g.Sum(x => x.CaseCount) == 0 ? 0m : Math.Round(g.Sum(x => x.CoefficientOfVariation * x.CaseCount) / g.Sum(x => x.CaseCount), 4, MidpointRounding.AwayFromZero));
            casesByKind.TryGetValue(DipGroupKind.Core, out var coreCases);
            casesByKind.TryGetValue(DipGroupKind.PrimaryCare, out var primaryCases);
            var trimmed = 0;
            for (var i = 0; i < groupOf.Length; i++)
            {
                if (groupOf[i] >= 0 && !kept[i])
                {
                    trimmed++;
                }
            }

            return new DipBuildReport
            {
                FirstYear = _firstYear,
                LastYear = _firstYear + _years - 1,
                YearWeights = _weights,
                HistoryCases = _cases.Length,
                IncludedCases = included,
                ExcludedNoDiagnosis = noDx,
                ExcludedNoCost = noCost,
                ExcludedYear = outside,
                TrimmedCases = trimmed,
                CoreThreshold = threshold,
                Combinations = combos,
                RelatedSplits = splits,
                RelatedMerged = merged,
                GroupsByKind = byKind,
                CasesByKind = casesByKind,
                MeanCvByKind = cvByKind,
                CoreCoverage = included == 0 ? 0m : Math.Round((decimal)(coreCases + primaryCases) / included, 6, MidpointRounding.AwayFromZero),
                RegionalMeanCost = catalog.RegionalMeanCost,
                AuxiliaryCoefficients = auxiliary.Sum(a => a?.Count ?? 0),
                GroupLevelCoefficients = groupLevel.Sum(a => a?.Count ?? 0),
                LevelCoefficients = catalog.LevelCoefficients,
            };
        }

        /// <summary>Per-group statistics: percentile trimming, year-weighted mean, CV (trimmed cases).</summary>
        private GroupStats[] Stats(int[] groupOf, int groupCount, bool[]? kept)
        {
            var n = groupOf.Length;
            var counts = new int[groupCount + 1];
            for (var i = 0; i < n; i++)
            {
                if (groupOf[i] >= 0)
                {
                    counts[groupOf[i] + 1]++;
                }
            }

            for (var g = 0; g < groupCount; g++)
            {
                counts[g + 1] += counts[g];
            }

            var members = new int[counts[groupCount]];
            var next = (int[])counts.Clone();
            for (var i = 0; i < n; i++)
            {
                if (groupOf[i] >= 0)
                {
                    members[next[groupOf[i]]++] = i;
                }
            }

            var result = new GroupStats[groupCount];
            var costs = new long[64];
            for (var g = 0; g < groupCount; g++)
            {
                var start = counts[g];
                var length = counts[g + 1] - start;
                if (costs.Length < length)
                {
                    costs = new long[Math.Max(length, costs.Length * 2)];
                }

                for (var k = 0; k < length; k++)
                {
                    costs[k] = _cases[members[start + k]].TotalCost.Fen;
                }

                Array.Sort(costs, 0, length);
                long lower = long.MinValue, upper = long.MaxValue;
                if (!_trimming.IsNone && length > 0)
                {
                    // PercentileTrimming's band, by index into the sorted fen (no decimal copy of the costs).
                    lower = costs[_trimming.LowestKeptIndex(length)];
                    upper = costs[_trimming.HighestKeptIndex(length)];
                }

                var sums = new YearSums(_years);
                decimal sum = 0m, sumSq = 0m;
                long keptCount = 0;
                for (var k = 0; k < length; k++)
                {
                    var i = members[start + k];
                    var fen = _cases[i].TotalCost.Fen;
                    if (fen < lower || fen > upper)
                    {
                        continue;
                    }

                    if (kept is not null)
                    {
                        kept[i] = true;
                    }

                    sums.Add(_cases[i].Year - _firstYear, fen);
                    sum += fen;
                    sumSq += (decimal)fen * fen;
                    keptCount++;
                }

                result[g] = new GroupStats(length, sums.WeightedMean(_weights), DipFormulas.CoefficientOfVariation(keptCount, sum, sumSq));
            }

            return result;
        }

        private Dictionary<string, Coefficient> LevelCoefficients(int[] groupOf, bool[] kept, int[] yearOf, GroupStats[] stats, RoundingRule rounding)
        {
            var result = new Dictionary<string, Coefficient>(StringComparer.Ordinal);
            if (_o.LevelCoefficients == DipLevelCoefficientMode.None)
            {
                return result;
            }

            var actual = new YearSums?[LevelTable.Slots];
            var expected = new decimal[]?[LevelTable.Slots];
            var levels = new Hospitals.HospitalLevel[LevelTable.Slots];
            for (var i = 0; i < groupOf.Length; i++)
            {
                if (!kept[i])
                {
                    continue;
                }

                var level = LevelTable.IndexOf(_cases[i].Level);
                var sums = actual[level] ??= new YearSums(_years);
                var exp = expected[level] ??= new decimal[_years];
                sums.Add(yearOf[i], _cases[i].TotalCost.Fen);
                exp[yearOf[i]] += stats[groupOf[i]].Mean;
                levels[level] = _cases[i].Level;
            }

            // Same-level weighted mean ÷ the regional mean of the same case mix (each case's group mean).
            for (var l = 0; l < LevelTable.Slots; l++)
            {
                if (actual[l] is not { } sums)
                {
                    continue;
                }

                var actualMeans = new decimal?[_years];
                var expectedMeans = new decimal?[_years];
                for (var y = 0; y < _years; y++)
                {
                    if (sums.Counts[y] > 0)
                    {
                        actualMeans[y] = sums.Fen[y] / 100m / sums.Counts[y];
                        expectedMeans[y] = expected[l]![y] / sums.Counts[y];
                    }
                }

                var a = TimeWeightedMean.Of(actualMeans, _weights);
                var e = TimeWeightedMean.Of(expectedMeans, _weights);
                if (a is decimal av && e is decimal ev && ev > 0m)
                {
                    result.Add(levels[l].Code, new Coefficient(rounding.Round(av / ev)));
                }
            }

            return result;
        }

        /// <summary>Per group and level slot (key group × 16 + slot) the kept cases' costs by year, with the levels seen.</summary>
        private (SortedDictionary<int, YearSums> Sums, Hospitals.HospitalLevel[] Levels) GroupLevelSums(int[] groupOf, bool[] kept, int[] yearOf)
        {
            var sums = new SortedDictionary<int, YearSums>();
            var levels = new Hospitals.HospitalLevel[LevelTable.Slots];
            for (var i = 0; i < groupOf.Length; i++)
            {
                if (!kept[i])
                {
                    continue;
                }

                var level = LevelTable.IndexOf(_cases[i].Level);
                levels[level] = _cases[i].Level;
                var key = (groupOf[i] * LevelTable.Slots) + level;
                if (!sums.TryGetValue(key, out var s))
                {
                    s = new YearSums(_years);
                    sums.Add(key, s);
                }

                s.Add(yearOf[i], _cases[i].TotalCost.Fen);
            }

            return (sums, levels);
        }

        /// <summary>分病种级别系数 — per group and level with enough cases: same-level group mean ÷ group mean.</summary>
        private Dictionary<string, Coefficient>?[] GroupLevelCoefficients((SortedDictionary<int, YearSums> Sums, Hospitals.HospitalLevel[] Levels) byLevel, GroupStats[] stats, int groupCount, RoundingRule rounding)
        {
            var result = new Dictionary<string, Coefficient>?[groupCount];
            foreach (var pair in byLevel.Sums)
            {
                var group = pair.Key / LevelTable.Slots;
                if (pair.Value.Total < _o.MinimumLevelGroupCases || stats[group].Mean <= 0m)
                {
                    continue;
                }

                var mean = pair.Value.WeightedMean(_weights);
                (result[group] ??= new Dictionary<string, Coefficient>(StringComparer.Ordinal))
                    .Add(byLevel.Levels[pair.Key % LevelTable.Slots].Code, new Coefficient(rounding.Round(mean / stats[group].Mean)));
            }

            return result;
        }

        /// <summary>
        /// 同级别次均费用 — per group, the three-year weighted mean of its kept cases at each level that has any (the DIP 1.0
        /// ratio basis 同级别定点医疗机构例均费用, payment-rules.md §3); a level without cases of the group gets none, and the
        /// scorer then falls back to the group's regional mean.
        /// </summary>
        private Dictionary<string, Money>?[] GroupLevelMeans((SortedDictionary<int, YearSums> Sums, Hospitals.HospitalLevel[] Levels) byLevel, int groupCount)
        {
            var result = new Dictionary<string, Money>?[groupCount];
            foreach (var pair in byLevel.Sums)
            {
                var mean = Money.FromYuan(pair.Value.WeightedMean(_weights), RoundingRule.Default);
                if (mean.Fen > 0)
                {
                    (result[pair.Key / LevelTable.Slots] ??= new Dictionary<string, Money>(StringComparer.Ordinal))
                        .Add(byLevel.Levels[pair.Key % LevelTable.Slots].Code, mean);
                }
            }

            return result;
        }

        private List<DipAuxiliaryCoefficient>?[] AuxiliaryCoefficients(int[] groupOf, bool[] kept, int[] yearOf, GroupStats[] stats, int groupCount, RoundingRule rounding)
        {
            const int Types = (int)DipAuxiliaryType.NonMalignantMild + 1;
            var sums = new Dictionary<int, Subtype>();
            for (var i = 0; i < groupOf.Length; i++)
            {
                var mask = _cases[i].AuxiliaryTypes;
                if (!kept[i] || mask == 0 || stats[groupOf[i]].Count < _o.AuxiliaryMinimumGroupCases)
                {
                    continue;
                }

                for (var t = 1; t < Types; t++)
                {
                    if ((mask & (1L << t)) == 0)
                    {
                        continue;
                    }

                    var key = (groupOf[i] * Types) + t;
                    if (!sums.TryGetValue(key, out var s))
                    {
                        s = new Subtype(_years);
                        sums.Add(key, s);
                    }

                    var fen = _cases[i].TotalCost.Fen;
                    s.Sums.Add(yearOf[i], fen);
                    s.Sum += fen;
                    s.SumSq += (decimal)fen * fen;
                }
            }

            var result = new List<DipAuxiliaryCoefficient>?[groupCount];
            foreach (var pair in sums.OrderBy(p => p.Key))
            {
                var g = pair.Key / Types;
                var s = pair.Value;
                if (s.Sums.Total < _o.AuxiliaryMinimumSubtypeCases)
                {
                    continue;
                }

                var cv = DipFormulas.CoefficientOfVariation(s.Sums.Total, s.Sum, s.SumSq);
                var coefficient = DipFormulas.AuxiliaryCoefficient(s.Sums.WeightedMean(_weights), stats[g].Mean, cv, stats[g].Cv, _o.AuxiliaryMinimumCvReduction);
                if (coefficient is { } c)
                {
                    (result[g] ??= new List<DipAuxiliaryCoefficient>()).Add(new DipAuxiliaryCoefficient((DipAuxiliaryType)(pair.Key % Types), new Coefficient(rounding.Round(c.Value))));
                }
            }

            return result;
        }

        private static int CoverageThreshold(IEnumerable<int> counts, int total, decimal coverage)
        {
            var covered = 0L;
            foreach (var count in counts.OrderByDescending(c => c))
            {
                covered += count;
                if (covered >= coverage * total)
                {
                    return Math.Max(1, count);
                }
            }

            return 1;
        }

        private static string CoreCode(Combo k) =>
            k.Diagnosis + ":" + (k.Main.Length == 0 ? "-" : k.Main) + (k.Related.Length == 0 ? string.Empty : ":" + string.Join("+", k.Related));

        private static string ComprehensiveCode(string category, DipProcedureClass cls) => category + ":" + cls switch
        {
            DipProcedureClass.RelatedSurgery => "S",
            DipProcedureClass.Therapeutic => "T",
            DipProcedureClass.Diagnostic => "D",
            _ => "C",
        };

        private static string ClassName(DipProcedureClass cls) => cls switch
        {
            DipProcedureClass.RelatedSurgery => "相关手术组",
            DipProcedureClass.Therapeutic => "治疗性操作组",
            DipProcedureClass.Diagnostic => "诊断性操作组",
            _ => "保守治疗（内科）组",
        };
    }

    private sealed class Combo
    {
        public Combo(string diagnosis, string main, string[] related)
        {
            Diagnosis = diagnosis;
            Main = main;
            Related = related;
        }

        public string Diagnosis { get; }

        public string Main { get; }

        public string[] Related { get; }

        public int Count { get; set; }

        public decimal Mean { get; set; }
    }

    private readonly struct GroupStats
    {
        public GroupStats(int count, decimal mean, decimal cv)
        {
            Count = count;
            Mean = mean;
            Cv = cv;
        }

        public int Count { get; }

        public decimal Mean { get; }

        public decimal Cv { get; }
    }

    private sealed class Subtype
    {
        public Subtype(int years) => Sums = new YearSums(years);

        public YearSums Sums { get; }

        public decimal Sum { get; set; }

        public decimal SumSq { get; set; }
    }

    /// <summary>Per-year cost sums (fen) and counts.</summary>
    private sealed class YearSums
    {
        public YearSums(int years)
        {
            Fen = new long[years];
            Counts = new int[years];
        }

        public long[] Fen { get; }

        public int[] Counts { get; }

        public int Total { get; private set; }

        public void Add(int year, long fen)
        {
            Fen[year] = checked(Fen[year] + fen);
            Counts[year]++;
            Total++;
        }

        /// <summary>The three-year weighted mean in yuan (<see cref="TimeWeightedMean.Of"/> over the yearly means; 0 without data).</summary>
        public decimal WeightedMean(decimal[] weights)
        {
            var means = new decimal?[Fen.Length];
            for (var y = 0; y < Fen.Length; y++)
            {
                if (Counts[y] > 0)
                {
                    means[y] = Fen[y] / 100m / Counts[y];
                }
            }

            return TimeWeightedMean.Of(means, weights) ?? 0m;
        }
    }
}
