using System;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Dip.Internal;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// DIP计分器 — groups and scores current-year cases against a catalog under a policy profile
/// (payment-rules.md §3: matching, auxiliary types, case score = group score × hospital coefficient × auxiliary
/// coefficient, then the profile's cost-deviation rule). <see cref="Score"/> is pure and allocates nothing.
/// </summary>
/// <threadsafety>Immutable; one instance may score on many threads at once.</threadsafety>
public sealed class DipScorer
{
    private readonly DipPolicyProfile _profile;
    private readonly ProcedureAttributeTable _attributes;
    private readonly DipAuxiliaryTypingData _typing;
    private readonly decimal _pointValue;
    private readonly int _scoreDecimals;
    private readonly FenBounds[]? _bounds;
    private readonly LevelEntry[] _levels;

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
        _scoreDecimals = profile.ScoreDecimals;
        if (profile.RatioBasis == DipRatioBasis.GroupMean)
        {
            // With the group mean as basis the bounds are fixed per group: precompute them in whole fen.
            _bounds = new FenBounds[catalog.Groups.Count];
            for (var i = 0; i < _bounds.Length; i++)
            {
                _bounds[i] = FenBounds.For(profile, catalog.Groups[i].MeanCost.Fen);
            }
        }

        // Per group and level slot: the resolved hospital coefficient and the rounded normal-case score s·h, computed
        // with the very operations the general path uses, so the common case needs no decimal arithmetic at all.
        _levels = new LevelEntry[catalog.Groups.Count * LevelTable.Slots];
        for (var i = 0; i < catalog.Groups.Count; i++)
        {
            var group = catalog.Groups[i];
            var applyHospital = !(group.IsPrimaryCare && profile.PrimaryCareSkipsHospitalCoefficient);
            for (var slot = 0; slot < LevelTable.Slots; slot++)
            {
                var missing = DipCaseFlags.None;
                var h = ResolveLevelCoefficient(group, slot, ref missing);
                var normal = decimal.Round(NormalScore(group.Score.Value, applyHospital ? h : 1m, 1m), _scoreDecimals, MidpointRounding.AwayFromZero);
                _levels[(i * LevelTable.Slots) + slot] = new LevelEntry(h, normal, missing);
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

        var flags = DipCaseFlags.None;
        var cost = inpatientCase.Costs.Total;
        if (inpatientCase.MainDiagnosis.IsEmpty)
        {
            flags |= DipCaseFlags.MainDiagnosisMissing;
        }

        if (cost.Fen <= 0)
        {
            flags |= DipCaseFlags.CostMissing;
        }

        if (flags != DipCaseFlags.None)
        {
            return new DipCaseResult(DipCaseStatus.Rejected, null, DipMatchKind.None, cost, 0m, DipDeviation.Normal, default, Coefficient.One, false, Coefficient.One, DipAuxiliaryType.None, default, false, flags);
        }

        var ordinal = Catalog.Index.Match(inpatientCase, _attributes, _profile.PerDiemMinimumDays, out var match, out var unknownAttribute);
        if (unknownAttribute)
        {
            flags |= DipCaseFlags.ProcedureAttributeUnknown;
        }

        if (!hospital.IsKnown)
        {
            flags |= DipCaseFlags.HospitalUnknown;
        }

        if (ordinal < 0)
        {
            return Unmatched(cost, flags | DipCaseFlags.Unmatched);
        }

        var group = Catalog.Index[ordinal];
        decimal h;
        var precomputed = -1;
        if (hospital.IsKnown && hospital.OwnCoefficient == 0m && (uint)hospital.LevelIndex < LevelTable.Slots)
        {
            precomputed = (ordinal * LevelTable.Slots) + hospital.LevelIndex;
            ref readonly var entry = ref _levels[precomputed];
            h = entry.Coefficient;
            flags |= entry.Flags;
        }
        else
        {
            h = ResolveHospitalCoefficient(group, hospital, ref flags);
        }

        var applyHospital = !(group.IsPrimaryCare && _profile.PrimaryCareSkipsHospitalCoefficient);
        var hEffective = applyHospital ? h : 1m;
        var auxType = DipAuxiliaryType.None;
        var a = 1m;
        if (group.HasAuxiliaryCoefficients)
        {
            precomputed = -1;
            // Typing reads the case's code lists, so it runs only for groups that have subtype coefficients.
            a = group.AuxiliaryCoefficientFor(_typing.ClassifyAxes(inpatientCase, group.AuxiliaryMask), out auxType).Value;
        }

        var perDiem = group.Kind == DipGroupKind.PerDiem;
        var days = perDiem ? Math.Max(1, inpatientCase.LengthOfStayDays) : 1;
        var s = perDiem ? group.Score.Value * days : group.Score.Value;
        var mean = perDiem ? group.MeanYuan * days : group.MeanYuan;
        var basis = _profile.RatioBasis switch
        {
            DipRatioBasis.SameLevelMean => mean * hEffective,
            DipRatioBasis.SameLevelPaymentStandard => s * _pointValue * hEffective * a,
            _ => mean,
        };

        var costYuan = Yuan(cost.Fen);
        var deviation = DipDeviation.Normal;
        if (basis <= 0m)
        {
            flags |= DipCaseFlags.GroupMeanMissing;
            basis = 0m;
        }
        else if (!perDiem)
        {
            deviation = _bounds is { } bounds ? bounds[ordinal].Classify(cost.Fen) : _profile.Classify(costYuan, basis);
        }

        // The ratio (a division) is needed only to rescore deviation cases; the result computes it on request.
        decimal score;
        bool hospitalApplied;
        if (deviation == DipDeviation.Normal && !perDiem && precomputed >= 0)
        {
            // Normal case without an auxiliary coefficient: the precomputed round(s·h) of the group and level.
            score = _levels[precomputed].NormalScore;
            hospitalApplied = true;
        }
        else
        {
            var ratio = deviation == DipDeviation.Normal ? 0m : costYuan / basis;
            score = decimal.Round(CaseScore(s, hEffective, a, ratio, deviation, out hospitalApplied), _scoreDecimals, MidpointRounding.AwayFromZero);
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
            hospitalApplied && applyHospital,
            new Coefficient(a),
            auxType,
            new Score(score),
            review,
            flags);
    }

    /// <summary>Fen to yuan without a division (cost is positive here): the same digits with scale 2.</summary>
    private static decimal Yuan(long fen) => new((int)(fen & 0xFFFFFFFF), (int)(fen >> 32), 0, false, 2);

    /// <summary>
    /// 费用偏差病例分值 — the case score under the profile's deviation rule (payment-rules.md §3, cost-deviation cases):
    /// normal s·h·a; low s·a·h′·r; high s·a·h′·(r − H + 1) or s·a·(r − H + h); extreme per the profile;
    /// h′ = 1 when deviation cases skip the hospital coefficient.
    /// </summary>
    private decimal CaseScore(decimal s, decimal h, decimal a, decimal r, DipDeviation deviation, out bool hospitalApplied)
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
                    return s * a * hd * r;
                }

                hospitalApplied = true;
                return s * h * a;
            case DipDeviation.High:
                return High(s, h, hd, a, r, ref hospitalApplied);
            case DipDeviation.Extreme:
                switch (_profile.ExtremeFormula)
                {
                    case DipExtremeCaseFormula.NotAdjusted:
                        hospitalApplied = true;
                        return s * h * a;
                    case DipExtremeCaseFormula.CappedAtThreshold:
                        return High(s, h, hd, a, _profile.ExtremeThreshold ?? r, ref hospitalApplied);
                    default:
                        return High(s, h, hd, a, r, ref hospitalApplied);
                }

            default:
                return NormalScore(s, h, a);
        }
    }

    /// <summary>s·h·a, skipping factors of exactly 1 (the common case) to spare decimal multiplications.</summary>
    private static decimal NormalScore(decimal s, decimal h, decimal a)
    {
        var v = h == 1m ? s : s * h;
        return a == 1m ? v : v * a;
    }

    private decimal High(decimal s, decimal h, decimal hd, decimal a, decimal r, ref bool hospitalApplied)
    {
        switch (_profile.HighFormula)
        {
            case DipHighCaseFormula.RatioMinusThresholdPlusOne:
                return s * a * hd * (r - _profile.HighThreshold + 1m);
            case DipHighCaseFormula.RatioMinusThresholdPlusHospitalCoefficient:
                hospitalApplied = true;
                return s * a * (r - _profile.HighThreshold + h);
            default:
                hospitalApplied = true;
                return s * h * a;
        }
    }

    private decimal ResolveHospitalCoefficient(DipGroup group, in DipHospitalContext hospital, ref DipCaseFlags flags)
    {
        if (!hospital.IsKnown)
        {
            return 1m;
        }

        if (hospital.OwnCoefficient != 0m)
        {
            return hospital.OwnCoefficient;
        }

        return ResolveLevelCoefficient(group, hospital.LevelIndex, ref flags);
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
        var score = 0m;
        var mean = Catalog.RegionalMeanCost.Yuan;
        if (_profile.UnmatchedRule == DipUnmatchedRule.CostRatio)
        {
            if (mean > 0m)
            {
                score = cost.Yuan / mean * Catalog.ScoreScale * _profile.UnmatchedFactor;
            }
            else
            {
                flags |= DipCaseFlags.GroupMeanMissing;
            }
        }

        return new DipCaseResult(DipCaseStatus.Unmatched, null, DipMatchKind.Unmatched, cost, 0m, DipDeviation.Normal, default, Coefficient.One, false, Coefficient.One, DipAuxiliaryType.None, new Score(decimal.Round(score, _scoreDecimals, MidpointRounding.AwayFromZero)), false, flags);
    }

    /// <summary>A group's resolved level coefficient, its missing-coefficient flag and its rounded normal-case score at one level slot.</summary>
    private readonly struct LevelEntry
    {
        public LevelEntry(decimal coefficient, decimal normalScore, DipCaseFlags flags)
        {
            Coefficient = coefficient;
            NormalScore = normalScore;
            Flags = flags;
        }

        public decimal Coefficient { get; }

        public decimal NormalScore { get; }

        public DipCaseFlags Flags { get; }
    }

    /// <summary>
    /// A group's deviation bounds in whole fen for the group-mean basis: for an integer cost c and a bound x,
    /// c &lt; x ⇔ c &lt; ⌈x⌉, c ≤ x ⇔ c ≤ ⌊x⌋, c &gt; x ⇔ c &gt; ⌊x⌋, c ≥ x ⇔ c ≥ ⌈x⌉ — the same classes as
    /// <see cref="DipPolicyProfile.Classify(decimal, decimal)"/>, with integer comparisons only.
    /// </summary>
    private readonly struct FenBounds
    {
        private readonly long _low;
        private readonly long _high;
        private readonly long _extreme;
        private readonly bool _lowInclusive;
        private readonly bool _highInclusive;
        private readonly bool _extremeInclusive;
        private readonly bool _hasExtreme;

        private FenBounds(long low, bool lowInclusive, long high, bool highInclusive, long extreme, bool extremeInclusive, bool hasExtreme)
        {
            _low = low;
            _lowInclusive = lowInclusive;
            _high = high;
            _highInclusive = highInclusive;
            _extreme = extreme;
            _extremeInclusive = extremeInclusive;
            _hasExtreme = hasExtreme;
        }

        public static FenBounds For(DipPolicyProfile p, long meanFen)
        {
            long Bound(decimal threshold, bool roundUp)
            {
                var x = threshold * meanFen;
                var r = roundUp ? decimal.Ceiling(x) : decimal.Floor(x);
                return r >= long.MaxValue ? long.MaxValue : r <= long.MinValue ? long.MinValue : decimal.ToInt64(r);
            }

            var e = p.ExtremeThreshold ?? 0m;
            return new FenBounds(
                Bound(p.LowThreshold, roundUp: !p.LowInclusive),
                p.LowInclusive,
                Bound(p.HighThreshold, roundUp: p.HighInclusive),
                p.HighInclusive,
                Bound(e, roundUp: p.ExtremeInclusive),
                p.ExtremeInclusive,
                p.ExtremeThreshold.HasValue);
        }

        public DipDeviation Classify(long costFen)
        {
            if (_lowInclusive ? costFen <= _low : costFen < _low)
            {
                return DipDeviation.Low;
            }

            if (_hasExtreme && (_extremeInclusive ? costFen >= _extreme : costFen > _extreme))
            {
                return DipDeviation.Extreme;
            }

            return (_highInclusive ? costFen >= _high : costFen > _high) ? DipDeviation.High : DipDeviation.Normal;
        }
    }
}
