using System;
using System.Linq;
using System.Runtime.CompilerServices;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Dip.Internal;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// DIP计分器 — groups and scores current-year cases against a catalog under a policy profile
/// (payment-rules.md §3: matching, auxiliary types, case score = group score × hospital coefficient × auxiliary
/// coefficient, then the profile's cost-deviation rule). <see cref="Score(InpatientCase, in DipHospitalContext)"/> is pure and allocates nothing.
/// </summary>
/// <threadsafety>Immutable; one instance may score on many threads at once.</threadsafety>
public sealed class DipScorer
{
    private readonly DipPolicyProfile _profile;
    private readonly ProcedureAttributeTable _attributes;
    private readonly DipAuxiliaryTypingData _typing;
    private readonly decimal _pointValue;
    private readonly int _scoreDecimals;
    private readonly decimal _zeroAtScale;
    private readonly decimal _highPlusOneConstant;
    private readonly bool _fenBounds;
    private readonly FenRule _fenRule;
    private readonly DipGroup[] _groups;
    private readonly GroupRow[] _rows;
    private readonly LevelEntry[] _levels;
    private readonly ulong[] _levelMissing;
    private readonly byte[] _columnOfSlot;
    private readonly int _columns;
    private readonly long[] _auxBits;
    private readonly DipAuxiliaryCoefficient[] _auxItems;
    private readonly decimal[] _auxNormal;
    private readonly bool _sameLevelMean;
    private readonly TypingRules _typingRules;
    private readonly decimal[] _levelMeans;
    private readonly CalendarDate _inForceFrom;
    private readonly CalendarDate _inForceTo;
    private readonly bool _dated;

    /// <summary>Creates a scorer.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="profile">The policy profile.</param>
    /// <param name="procedureAttributes">The region's procedure-attribute table (for comprehensive groups).</param>
    /// <param name="auxiliaryTyping">The region's auxiliary-typing lists.</param>
    /// <param name="pointValue">年初点值 — the start-of-year point value; required when the profile's ratio basis is the payment standard.</param>
    /// <exception cref="ArgumentException">The profile is invalid or needs a point value that was not given.</exception>
    public DipScorer(DipCatalog catalog, DipPolicyProfile profile, ProcedureAttributeTable procedureAttributes, DipAuxiliaryTypingData auxiliaryTyping, PointValue? pointValue)
    {
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _profile = profile ?? throw new ArgumentNullException(nameof(profile));
        _profile.Validate();
        _attributes = procedureAttributes ?? throw new ArgumentNullException(nameof(procedureAttributes));
        _typing = auxiliaryTyping ?? throw new ArgumentNullException(nameof(auxiliaryTyping));
        if (profile.RatioBasis == DipRatioBasis.SameLevelPaymentStandard && (pointValue is null || pointValue.Value.Yuan == 0m))
        {
            throw new ArgumentException("Profile '" + profile.Name + "' divides by the same-level payment standard (score × point value × coefficient): give a positive start-of-year point value.", nameof(pointValue));
        }

        _pointValue = pointValue?.Yuan ?? 0m;
        ScoringRange.Check(catalog, profile, _pointValue);
        try
        {
            _inForceFrom = DipCatalog.IsoDate(catalog.EffectiveFrom) ?? CalendarDate.MinValue;
            _inForceTo = DipCatalog.IsoDate(catalog.EffectiveTo) ?? CalendarDate.MaxValue;
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, nameof(catalog), e);
        }

        _dated = catalog.HasEffectivePeriod;
        _scoreDecimals = profile.ScoreDecimals;
        _zeroAtScale = new decimal(0, 0, 0, false, (byte)_scoreDecimals);
        _highPlusOneConstant = 1m - profile.HighThreshold;
        // With the group mean as basis the deviation bounds are fixed per group: precompute them in whole fen.
        _fenBounds = profile.RatioBasis == DipRatioBasis.GroupMean;
        _fenRule = new FenRule(profile);
        _groups = catalog.Groups.ToArray();
        _sameLevelMean = profile.RatioBasis == DipRatioBasis.SameLevelMean;
        _typingRules = TypingRules.Of(profile);

        // Level slots that no table names resolve alike for every group (coefficient 1, flagged): they share one
        // column, so the per-group tables stay dense.
        _columnOfSlot = LevelColumns(catalog, out _columns);

        // Per group and level column: the resolved hospital coefficient and the rounded normal-case score s·h, computed
        // with the very operations the general path uses, so the common case needs no decimal arithmetic at all.
        var groups = catalog.Groups.Count;
        _levels = new LevelEntry[groups * _columns];
        _levelMissing = new ulong[((groups * _columns) + 63) / 64];
        _levelMeans = _sameLevelMean ? new decimal[groups * _columns] : Array.Empty<decimal>();
        _rows = new GroupRow[groups];
        var auxStart = 0;
        for (var i = 0; i < groups; i++)
        {
            var group = _groups[i];
            var bounds = _fenBounds ? FenRule.Bounds(profile, group.MeanCost.Fen) : default;
            _rows[i] = new GroupRow(
                group.Score.Value,
                group.MeanYuan,
                bounds.Low,
                bounds.High,
                bounds.Extreme,
                auxStart,
                group.AuxiliaryCoefficients.Count,
                group.Kind,
                !(group.IsPrimaryCare && profile.PrimaryCareSkipsHospitalCoefficient));
            auxStart += group.AuxiliaryCoefficients.Count;
        }

        // Per group its subtype coefficients, highest first (ties keep catalog order, as AuxiliaryCoefficientFor does),
        // and per (subtype, level column) the rounded normal-case score s·h·a.
        _auxBits = new long[auxStart];
        _auxItems = new DipAuxiliaryCoefficient[auxStart];
        _auxNormal = new decimal[auxStart * _columns];
        for (var i = 0; i < groups; i++)
        {
            var group = _groups[i];
            var applyHospital = _rows[i].ApplyHospital;
            var start = _rows[i].AuxStart;
            var ordered = group.AuxiliaryCoefficients
                .Select((item, index) => (item, index))
                .OrderByDescending(x => x.item.Coefficient.Value)
                .ThenBy(x => x.index)
                .Select(x => x.item)
                .ToArray();
            for (var k = 0; k < ordered.Length; k++)
            {
                _auxItems[start + k] = ordered[k];
                _auxBits[start + k] = DipAuxiliaryTypingData.Bit(ordered[k].Type);
            }

            for (var slot = 0; slot < LevelTable.Slots; slot++)
            {
                var column = _columnOfSlot[slot];
                var missing = DipCaseFlags.None;
                var h = ResolveLevelCoefficient(group, slot, ref missing);
                var hEffective = applyHospital ? h : 1m;
                var normal = Round(NormalScore(group.Score.Value, hEffective, 1m));
                var index = (i * _columns) + column;
                _levels[index] = new LevelEntry(h, normal);
                if (_sameLevelMean && group.TryGetLevelMean(slot, out var levelMean))
                {
                    _levelMeans[index] = levelMean;
                }

                if (missing != DipCaseFlags.None)
                {
                    _levelMissing[index >> 6] |= 1UL << (index & 63);
                }
                for (var k = 0; k < ordered.Length; k++)
                {
                    var a = ordered[k].Coefficient.Value;
                    _auxNormal[((start + k) * _columns) + column] =
                        Round(NormalScore(group.Score.Value, hEffective, a));
                }
            }
        }
    }

    /// <summary>病种目录 — the catalog.</summary>
    public DipCatalog Catalog { get; }

    /// <summary>政策配置 — the profile.</summary>
    public DipPolicyProfile Profile => _profile;

    /// <summary>
    /// 病例计分 — groups and scores one case. Pure; allocation-free.
    /// </summary>
    /// <param name="inpatientCase">The case (its main diagnosis is keyed at the 4-character subcategory).</param>
    /// <param name="hospital">The case's hospital.</param>
    /// <returns>The result.</returns>
    public DipCaseResult Score(InpatientCase inpatientCase, in DipHospitalContext hospital)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        var ordinal = MatchPhase(inpatientCase, checkedValid: false, out var match, out var flags);
        return ScorePhase(inpatientCase, hospital, ordinal, match, flags);
    }

    /// <summary>
    /// 病例计分 — groups and scores a case the case reader accepted (<see cref="CaseCsvReader"/>). The reader has run the
    /// basic checks (<see cref="InpatientCaseValidator"/>) and found no error, so they are not run again; the result is
    /// the one <see cref="Score(InpatientCase, in DipHospitalContext)"/> gives. Pure; allocation-free.
    /// </summary>
    /// <param name="record">A record the reader accepted (<see cref="ReadRecord{T}.IsRejected"/> false).</param>
    /// <param name="hospital">The case's hospital.</param>
    /// <returns>The result.</returns>
    public DipCaseResult Score(ReadRecord<InpatientCase> record, in DipHospitalContext hospital)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        if (record.IsRejected || record.Value is null)
        {
            throw new ArgumentException("The reader rejected this row: score only accepted records.", nameof(record));
        }

        var ordinal = MatchPhase(record.Value, checkedValid: true, out var match, out var flags);
        return ScorePhase(record.Value, hospital, ordinal, match, flags);
    }

    /// <summary>The first phase: validation (skipped when <paramref name="checkedValid"/>: the basic checks found no error) and matching (−2 when rejected, −1 when unmatched, else the group ordinal).</summary>
    private int MatchPhase(InpatientCase inpatientCase, bool checkedValid, out DipMatchKind match, out DipCaseFlags flags)
    {
        flags = DipCaseFlags.None;
        match = DipMatchKind.None;
        if (inpatientCase.MainDiagnosis.IsEmpty)
        {
            flags |= DipCaseFlags.MainDiagnosisMissing;
        }

        else if (!checkedValid && InpatientCaseValidator.HasError(inpatientCase))
        {
            // The one basic rule set (the same checks as the case reader, QC and the DRG preparation).
            flags |= DipCaseFlags.CaseInvalid;
        }

        if (inpatientCase.Costs.Total.Fen <= 0)
        {
            flags |= DipCaseFlags.CostMissing;
        }

        if (_dated && inpatientCase.DischargeDate is { } discharged && (discharged < _inForceFrom || discharged > _inForceTo))
        {
            flags |= DipCaseFlags.CatalogNotInForce;
        }

        if (flags != DipCaseFlags.None)
        {
            return -2;
        }

        var ordinal = Catalog.Index.Match(inpatientCase, _attributes, _profile.PerDiemMinimumDays, out match, out var unknownAttribute);
        if (unknownAttribute)
        {
            flags |= DipCaseFlags.ProcedureAttributeUnknown;
        }

        return ordinal;
    }

    /// <summary>The second phase: coefficients, auxiliary type, deviation class and case score of a matched case.</summary>
    private DipCaseResult ScorePhase(InpatientCase inpatientCase, in DipHospitalContext hospital, int ordinal, DipMatchKind match, DipCaseFlags flags)
    {
        var cost = inpatientCase.Costs.Total;
        if (hospital.IsInvalid)
        {
            return Rejected(cost, flags | DipCaseFlags.HospitalInvalid);
        }

        if (ordinal == -2)
        {
            return Rejected(cost, flags);
        }

        if (!hospital.IsKnown)
        {
            flags |= DipCaseFlags.HospitalUnknown;
        }

        if (ordinal < 0)
        {
            return Unmatched(cost, flags | DipCaseFlags.Unmatched);
        }

        // One row per group holds what scoring reads (score, mean, fen bounds, subtype range, kind): the group object
        // itself is only referenced by the result.
        ref readonly var row = ref _rows[ordinal];
        var group = _groups[ordinal];
        decimal h;
        var entry = -1;
        if (hospital.UsesLevelTableOnly && (uint)hospital.LevelIndex < LevelTable.Slots)
        {
            entry = (ordinal * _columns) + _columnOfSlot[hospital.LevelIndex];
            h = _levels[entry].Coefficient;
            if ((_levelMissing[entry >> 6] & (1UL << (entry & 63))) != 0)
            {
                flags |= DipCaseFlags.HospitalCoefficientMissing;
            }
        }
        else
        {
            h = ResolveHospitalCoefficient(group, hospital, ref flags);
        }

        var hEffective = row.ApplyHospital ? h : 1m;
        var mean = _sameLevelMean ? SameLevelMean(group, row.MeanYuan, entry, hospital, ref flags) : row.MeanYuan;
        var auxType = DipAuxiliaryType.None;
        var a = 1m;
        var auxWinner = -1;
        if (row.AuxCount > 0)
        {
            // Typing reads the case's code lists, so it runs only for groups that have subtype coefficients and only
            // on the axes they have; the subtypes are kept highest coefficient first, so the first one the case falls
            // in wins.
            var auxEnd = row.AuxStart + row.AuxCount;
            long wanted = 0;
            for (var k = row.AuxStart; k < auxEnd; k++)
            {
                wanted |= _auxBits[k];
            }

            // The DIP 3.0 draft's malignant high-cost rules compare with the group's score cost standard s × point value.
            var standard = (wanted & Dip3SeverityRules.HighCostBits) != 0 ? row.Score * _pointValue : 0m;
            var mask = _typing.ClassifyAxes(inpatientCase, wanted, _typingRules, standard);
            for (var k = row.AuxStart; k < auxEnd; k++)
            {
                if ((mask & _auxBits[k]) != 0)
                {
                    auxWinner = k;
                    a = _auxItems[k].Coefficient.Value;
                    auxType = _auxItems[k].Type;
                    break;
                }
            }
        }

        // Within the scorer's range (ScoringRange) nothing below can overflow on the common path: a normal case takes its
        // precomputed score. Deviation cases, the general path and per-diem groups multiply by what the case brings
        // (cost, length of stay), so they run guarded and reject a case whose score leaves the range of decimal.
        decimal s, basis, score;
        bool hospitalApplied;
        var deviation = DipDeviation.Normal;
        if (row.Kind != DipGroupKind.PerDiem)
        {
            s = row.Score;
            basis = Basis(mean, s, hEffective, a);

            if (basis <= 0m)
            {
                flags |= DipCaseFlags.GroupMeanMissing;
                basis = 0m;
            }
            else
            {
                deviation = _fenBounds ? _fenRule.Classify(row, cost.Fen) : _profile.Classify(Yuan(cost.Fen), basis);
            }

            if (deviation == DipDeviation.Normal && entry >= 0)
            {
                // Normal case at a level column: the precomputed round(s·h·a) of the group, subtype and level.
                score = auxWinner < 0 ? _levels[entry].NormalScore : _auxNormal[(auxWinner * _columns) + (entry - (ordinal * _columns))];
                hospitalApplied = true;
            }
            else if (!TryCaseScore(s, hEffective, a, cost.Fen, basis, deviation, out score, out hospitalApplied))
            {
                return Rejected(cost, flags | DipCaseFlags.ScoreOutOfRange);
            }
        }
        else if (!TryPerDiem(row.Score, mean, Math.Max(1, inpatientCase.LengthOfStayDays), hEffective, a, out s, out basis, out score))
        {
            return Rejected(cost, flags | DipCaseFlags.ScoreOutOfRange);
        }
        else
        {
            hospitalApplied = true;
            if (basis <= 0m)
            {
                flags |= DipCaseFlags.GroupMeanMissing;
                basis = 0m;
            }
        }

        var review = (deviation == DipDeviation.High && _profile.HighReview) || (deviation == DipDeviation.Extreme && _profile.ExtremeReview);
        return new DipCaseResult(
            DipCaseStatus.Scored,
            group,
            match,
            cost,
            basis,
            deviation,
            new Score(s),
            new Coefficient(h),
            hospitalApplied && row.ApplyHospital,
            new Coefficient(a),
            auxType,
            new Score(score),
            review,
            flags);
    }

    /// <summary><see cref="CaseScore"/>, false when the score leaves the range of decimal (a grossly wrong cost).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryCaseScore(decimal s, decimal h, decimal a, long costFen, decimal basis, DipDeviation deviation, out decimal score, out bool hospitalApplied)
    {
        try
        {
            score = CaseScore(s, h, a, costFen, basis, deviation, out hospitalApplied);
            return true;
        }
        catch (OverflowException)
        {
            score = 0m;
            hospitalApplied = false;
            return false;
        }
    }

    /// <summary>
    /// 床日病种 — a per-diem group: score and mean × bed days, the profile's basis, score round(s·h·a) (no deviation
    /// rule); false when a length of stay takes them beyond decimal.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryPerDiem(decimal dayScore, decimal dayMean, int days, decimal h, decimal a, out decimal s, out decimal basis, out decimal score)
    {
        try
        {
            s = dayScore * days;
            basis = Basis(dayMean * days, s, h, a);
            score = Round(NormalScore(s, h, a));
            return true;
        }
        catch (OverflowException)
        {
            s = basis = score = 0m;
            return false;
        }
    }

    /// <summary>拒绝 — a rejected case: no group, no score, the flags saying why.</summary>
    private static DipCaseResult Rejected(Money cost, DipCaseFlags flags) =>
        new(DipCaseStatus.Rejected, null, DipMatchKind.None, cost, 0m, DipDeviation.Normal, default, Coefficient.One, false, Coefficient.One, DipAuxiliaryType.None, default, false, flags);

    /// <summary>
    /// 比值基准 — the profile's ratio basis: the mean (the group mean, or under <see cref="DipRatioBasis.SameLevelMean"/>
    /// the same-level mean <see cref="SameLevelMean"/> resolved) or the same-level payment standard s·pv·h·a.
    /// </summary>
    private decimal Basis(decimal mean, decimal s, decimal h, decimal a) =>
        _profile.RatioBasis == DipRatioBasis.SameLevelPaymentStandard ? s * _pointValue * h * a : mean;

    /// <summary>
    /// 同级别次均费用 — the group's mean cost at the hospital's level (DIP 1.0 technical specification: 同级别定点医疗机构
    /// 例均费用; payment-rules.md §3: ratio = cost ÷ group mean at the same level), read from the catalog's per-level means
    /// (<see cref="DipGroup.LevelMeanCosts"/>), precomputed per level column. The hospital's own or bonus coefficient does
    /// not enter it: the level does. A group without cases at that level (or a hospital of unknown level) falls back to
    /// the group's regional mean, flagged <see cref="DipCaseFlags.LevelMeanMissing"/>.
    /// </summary>
    private decimal SameLevelMean(DipGroup group, decimal regionalMean, int entry, in DipHospitalContext hospital, ref DipCaseFlags flags)
    {
        var levelMean = entry >= 0 ? _levelMeans[entry]
            : hospital.IsKnown && group.TryGetLevelMean(hospital.LevelIndex, out var byLevel) ? byLevel
            : 0m;
        if (levelMean > 0m)
        {
            return levelMean;
        }

        flags |= DipCaseFlags.LevelMeanMissing;
        return regionalMean;
    }

    /// <summary>Fen to yuan without a division (cost is positive here): the same digits with scale 2.</summary>
    private static decimal Yuan(long fen) => new(unchecked((int)(uint)fen), (int)(fen >> 32), 0, false, 2);

    /// <summary>
    /// 费用偏差病例分值 — the case score under the profile's deviation rule (payment-rules.md §3, cost-deviation cases),
    /// rounded once to the profile's decimals: normal s·h·a; low s·a·h′·r; high s·a·h′·(r − H + 1) or s·a·(r − H + h);
    /// extreme per the profile; h′ = 1 when deviation cases skip the hospital coefficient. Every form with the ratio
    /// r = cost ÷ basis is F·(r + G), computed exactly (<see cref="ExactDeviationScore"/>); the others are decimal
    /// products, exact as well.
    /// </summary>
    private decimal CaseScore(decimal s, decimal h, decimal a, long costFen, decimal basis, DipDeviation deviation, out bool hospitalApplied)
    {
        hospitalApplied = true;
        var hd = h;
        if (deviation != DipDeviation.Normal && _profile.DeviationSkipsHospitalCoefficient)
        {
            hd = 1m;
            hospitalApplied = false;
        }

        switch (deviation)
        {
            case DipDeviation.Low:
                if (_profile.LowFormula == DipLowCaseFormula.ScoreTimesRatio)
                {
                    return Exact(s, a, hd, 0m, h, basis, costFen);
                }

                hospitalApplied = true;
                return Round(s * h * a);
            case DipDeviation.High:
                return High(s, h, hd, a, costFen, basis, null, ref hospitalApplied);
            case DipDeviation.Extreme:
                switch (_profile.ExtremeFormula)
                {
                    case DipExtremeCaseFormula.NotAdjusted:
                        hospitalApplied = true;
                        return Round(s * h * a);
                    case DipExtremeCaseFormula.CappedAtThreshold:
                        return High(s, h, hd, a, costFen, basis, _profile.ExtremeThreshold, ref hospitalApplied);
                    default:
                        return High(s, h, hd, a, costFen, basis, null, ref hospitalApplied);
                }

            default:
                return Round(NormalScore(s, h, a));
        }
    }

    /// <summary>
    /// 分值舍入 — the named rounding step of case scores: half away from zero to the profile's decimals, and always written
    /// with exactly that many decimals (1160 → 1160.0000 at 4), whichever formula produced the score.
    /// </summary>
    private decimal Round(decimal value) => decimal.Round(value, _scoreDecimals, MidpointRounding.AwayFromZero) + _zeroAtScale;

    /// <summary>s·h·a, skipping factors of exactly 1 (the common case) to spare decimal multiplications.</summary>
    private static decimal NormalScore(decimal s, decimal h, decimal a)
    {
        var v = h == 1m ? s : s * h;
        return a == 1m ? v : v * a;
    }

    /// <summary>The high-case formula with the ratio cost ÷ basis, or with a fixed ratio (the capped extreme rule).</summary>
    private decimal High(decimal s, decimal h, decimal hd, decimal a, long costFen, decimal basis, decimal? fixedRatio, ref bool hospitalApplied)
    {
        decimal f3, g;
        switch (_profile.HighFormula)
        {
            case DipHighCaseFormula.RatioMinusThresholdPlusOne:
                f3 = hd;
                g = _highPlusOneConstant;
                break;
            case DipHighCaseFormula.RatioMinusThresholdPlusHospitalCoefficient:
                hospitalApplied = true;
                f3 = 1m;
                g = h - _profile.HighThreshold;
                break;
            default:
                hospitalApplied = true;
                return Round(s * h * a);
        }

        return fixedRatio is decimal r ? Round(s * a * f3 * (r + g)) : Exact(s, a, f3, g, h, basis, costFen);
    }

    /// <summary>
    /// F × (cost ÷ basis + G) with F = s·a·f3, exactly. Against the payment standard (basis = s·pv·h·a) the group score
    /// and the subtype coefficient cancel — F × (cost ÷ basis + G) = f3 × (cost ÷ (pv·h) + s·a·G) — which keeps the
    /// operands within the allocation-free 128-bit path.
    /// </summary>
    private decimal Exact(decimal s, decimal a, decimal f3, decimal g, decimal h, decimal basis, long costFen) =>
        _profile.RatioBasis == DipRatioBasis.SameLevelPaymentStandard
            ? ExactDeviationScore.Score(f3, 1m, 1m, g == 0m ? 0m : s * a * g, _pointValue * h, costFen, _scoreDecimals)
            : ExactDeviationScore.Score(s, a, f3, g, basis, costFen, _scoreDecimals);

    /// <summary>
    /// The dense level column of each of the 16 level slots: one column per slot that the catalog's or any group's
    /// level table (coefficients or same-level means) names, and one shared column for the rest (they all resolve to
    /// coefficient 1 and no same-level mean, flagged as missing).
    /// </summary>
    private static byte[] LevelColumns(DipCatalog catalog, out int columns)
    {
        var named = new bool[LevelTable.Slots];
        for (var slot = 0; slot < LevelTable.Slots; slot++)
        {
            named[slot] = catalog.TryGetLevelCoefficient(slot, out _);
        }

        foreach (var group in catalog.Groups)
        {
            for (var slot = 0; slot < LevelTable.Slots; slot++)
            {
                named[slot] |= group.TryGetLevelCoefficient(slot, out _) || group.TryGetLevelMean(slot, out _);
            }
        }

        var map = new byte[LevelTable.Slots];
        var next = 1;
        for (var slot = 0; slot < LevelTable.Slots; slot++)
        {
            map[slot] = named[slot] ? (byte)next++ : (byte)0;
        }

        columns = next;
        return map;
    }

    private decimal ResolveHospitalCoefficient(DipGroup group, in DipHospitalContext hospital, ref DipCaseFlags flags)
    {
        if (!hospital.IsKnown)
        {
            return 1m;
        }

        // 医疗机构调节系数 = 基本系数 + 加成系数: the base is the hospital's own coefficient, else the level coefficient.
        var baseCoefficient = hospital.HasOwnCoefficient ? hospital.OwnCoefficient : ResolveLevelCoefficient(group, hospital.LevelIndex, ref flags);
        return hospital.CoefficientBonus == 0m ? baseCoefficient : baseCoefficient + hospital.CoefficientBonus;
    }

    private decimal ResolveLevelCoefficient(DipGroup group, int levelIndex, ref DipCaseFlags flags)
    {
        if (group.TryGetLevelCoefficient(levelIndex, out var byLevel) || Catalog.TryGetLevelCoefficient(levelIndex, out byLevel))
        {
            return byLevel;
        }

        if (!group.IsPrimaryCare)
        {
            flags |= DipCaseFlags.HospitalCoefficientMissing;
        }

        return 1m;
    }

    /// <summary>未入组病例 — the profile's unmatched rule (payment-rules.md §3: e.g. Jining coefficient = cost ÷ mean × 0.7).</summary>
    private DipCaseResult Unmatched(Money cost, DipCaseFlags flags)
    {
        var score = Round(0m);
        var mean = Catalog.RegionalMeanCost.Yuan;
        if (_profile.UnmatchedRule == DipUnmatchedRule.CostRatio)
        {
            if (mean > 0m)
            {
                try
                {
                    score = Round(cost.Yuan / mean * Catalog.ScoreScale * _profile.UnmatchedFactor);
                }
                catch (OverflowException)
                {
                    return Rejected(cost, flags | DipCaseFlags.ScoreOutOfRange);
                }
            }
            else
            {
                flags |= DipCaseFlags.GroupMeanMissing;
            }
        }

        return new DipCaseResult(DipCaseStatus.Unmatched, null, DipMatchKind.Unmatched, cost, 0m, DipDeviation.Normal, default, Coefficient.One, false, Coefficient.One, DipAuxiliaryType.None, new Score(score), false, flags);
    }

    /// <summary>
    /// A group's resolved level coefficient and its rounded normal-case score at one level column (32 bytes; whether the
    /// coefficient was missing is one bit of a separate, always-cached bit set).
    /// </summary>
    private readonly struct LevelEntry
    {
        public LevelEntry(decimal coefficient, decimal normalScore)
        {
            Coefficient = coefficient;
            NormalScore = normalScore;
        }

        public decimal Coefficient { get; }

        public decimal NormalScore { get; }
    }

    /// <summary>
    /// 病种行 — what scoring reads of one group, in one 64-byte row: score, mean cost, the deviation bounds in whole
    /// fen (group-mean basis), the range of its subtype coefficients, its kind and whether the hospital coefficient applies.
    /// </summary>
    private readonly struct GroupRow
    {
        public GroupRow(decimal score, decimal meanYuan, long low, long high, long extreme, int auxStart, int auxCount, DipGroupKind kind, bool applyHospital)
        {
            Score = score;
            MeanYuan = meanYuan;
            Low = low;
            High = high;
            Extreme = extreme;
            AuxStart = auxStart;
            AuxCount = checked((byte)auxCount);
            Kind = kind;
            ApplyHospital = applyHospital;
        }

        public decimal Score { get; }

        public decimal MeanYuan { get; }

        public long Low { get; }

        public long High { get; }

        public long Extreme { get; }

        public int AuxStart { get; }

        public byte AuxCount { get; }

        public DipGroupKind Kind { get; }

        public bool ApplyHospital { get; }
    }

    /// <summary>
    /// The deviation classes in whole fen for the group-mean basis: for an integer cost c and a bound x,
    /// c &lt; x ⇔ c &lt; ⌈x⌉, c ≤ x ⇔ c ≤ ⌊x⌋, c &gt; x ⇔ c &gt; ⌊x⌋, c ≥ x ⇔ c ≥ ⌈x⌉ — the same classes as
    /// <see cref="DipPolicyProfile.Classify(decimal, decimal)"/>, with integer comparisons only.
    /// </summary>
    private readonly struct FenRule
    {
        private readonly bool _lowInclusive;
        private readonly bool _highInclusive;
        private readonly bool _extremeInclusive;
        private readonly bool _hasExtreme;

        public FenRule(DipPolicyProfile p)
        {
            _lowInclusive = p.LowInclusive;
            _highInclusive = p.HighInclusive;
            _extremeInclusive = p.ExtremeInclusive;
            _hasExtreme = p.ExtremeThreshold.HasValue;
        }

        public static (long Low, long High, long Extreme) Bounds(DipPolicyProfile p, long meanFen)
        {
            long Bound(decimal threshold, bool roundUp)
            {
                var x = threshold * meanFen;
                var r = roundUp ? decimal.Ceiling(x) : decimal.Floor(x);
                return r >= long.MaxValue ? long.MaxValue : r <= long.MinValue ? long.MinValue : decimal.ToInt64(r);
            }

            return (
                Bound(p.LowThreshold, roundUp: !p.LowInclusive),
                Bound(p.HighThreshold, roundUp: p.HighInclusive),
                Bound(p.ExtremeThreshold ?? 0m, roundUp: p.ExtremeInclusive));
        }

        public DipDeviation Classify(in GroupRow row, long costFen)
        {
            if (_lowInclusive ? costFen <= row.Low : costFen < row.Low)
            {
                return DipDeviation.Low;
            }

            if (_hasExtreme && (_extremeInclusive ? costFen >= row.Extreme : costFen > row.Extreme))
            {
                return DipDeviation.Extreme;
            }

            return (_highInclusive ? costFen >= row.High : costFen > row.High) ? DipDeviation.High : DipDeviation.Normal;
        }
    }
}
