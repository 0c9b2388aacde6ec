using System;
using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.PerDiem;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Methods;

/// <summary>
/// 待分流病例 — what routing and the small methods need of a case: the settlement-list case, the hospital (level, type,
/// coefficient), the ward (病区) and patient for per diem, and the case's DRG/DIP group when the mix groups.
/// </summary>
/// <remarks>An immutable value; thread-safe. Callable from C# 7.3.</remarks>
public readonly struct MethodCase
{
    /// <summary>Creates a case.</summary>
    /// <param name="inpatientCase">医保结算清单 — the case.</param>
    /// <param name="hospital">医疗机构 — the hospital, or <see cref="PerDiemHospital.Unknown"/>.</param>
    /// <param name="ward">病区类型 — the ward type, or null.</param>
    /// <param name="patientId">参保人编号 — the patient's id, or null.</param>
    /// <param name="group">病组 — the DRG or DIP group code, or null when not grouped.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inpatientCase"/> is null.</exception>
    public MethodCase(InpatientCase inpatientCase, PerDiemHospital hospital, string? ward = null, string? patientId = null, string? group = null)
    {
        Case = inpatientCase ?? throw new ArgumentNullException(nameof(inpatientCase));
        Hospital = hospital;
        Ward = ward;
        PatientId = patientId;
        Group = string.IsNullOrWhiteSpace(group) ? null : group;
    }

    /// <summary>医保结算清单 — the case.</summary>
    public InpatientCase Case { get; }

    /// <summary>医疗机构 — the hospital.</summary>
    public PerDiemHospital Hospital { get; }

    /// <summary>病区类型 — the ward type, or null.</summary>
    public string? Ward { get; }

    /// <summary>参保人编号 — the patient's id, or null.</summary>
    public string? PatientId { get; }

    /// <summary>病组 — the DRG/DIP group, or null.</summary>
    public string? Group { get; }

    /// <summary>The per-diem view of the case.</summary>
    /// <returns>The stay.</returns>
    public PerDiemStay ToStay() => new(Case, PatientId, Ward);
}

/// <summary>分流跳过原因 — why the methods before the chosen one did not take the case (flags).</summary>
[Flags]
public enum RouteFallbacks
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>不符合按床日 — <see cref="MethodIssueCodes.PerDiemNotEligible"/>.</summary>
    PerDiemNotEligible = 1,

    /// <summary>不在单病种目录 — <see cref="MethodIssueCodes.SingleDiseaseNotListed"/>.</summary>
    SingleDiseaseNotListed = 2,

    /// <summary>单病种无该级别价格 — <see cref="MethodIssueCodes.SingleDiseaseNoPrice"/>.</summary>
    SingleDiseaseNoPrice = 4,

    /// <summary>不符合日间手术 — <see cref="MethodIssueCodes.DaySurgeryNotEligible"/>.</summary>
    DaySurgeryNotEligible = 8,

    /// <summary>不属于按项目病种 — <see cref="MethodIssueCodes.FeeForServiceNotListed"/>.</summary>
    FeeForServiceNotListed = 16,
}

/// <summary>
/// 分流结果 — the one method a case goes to, the reason code, and why each earlier method of the order passed it on.
/// </summary>
/// <remarks>An immutable value; thread-safe; no allocation.</remarks>
public readonly struct MethodRoute : IEquatable<MethodRoute>
{
    /// <summary>Creates a route.</summary>
    /// <param name="method">支付方式 — the method code, or empty when no method takes the case.</param>
    /// <param name="reason">原因 — the reason code (<see cref="MethodIssueCodes"/> METHOD_ROUTE_…).</param>
    /// <param name="fallbacks">跳过原因 — why earlier methods passed the case on.</param>
    /// <param name="singleDiseaseIndex">单病种条目 — the matched single-disease entry, or −1.</param>
    public MethodRoute(string method, string reason, RouteFallbacks fallbacks, int singleDiseaseIndex = -1)
    {
        Method = method ?? string.Empty;
        Reason = reason ?? string.Empty;
        Fallbacks = fallbacks;
        SingleDiseaseIndex = singleDiseaseIndex;
    }

    /// <summary>支付方式 — the method code; empty when none.</summary>
    public string Method { get; }

    /// <summary>Whether a method takes the case.</summary>
    public bool IsRouted => Method.Length > 0;

    /// <summary>原因 — the reason code.</summary>
    public string Reason { get; }

    /// <summary>跳过原因 — why earlier methods passed the case on.</summary>
    public RouteFallbacks Fallbacks { get; }

    /// <summary>单病种条目 — the matched single-disease entry (also when it had no price), or −1.</summary>
    public int SingleDiseaseIndex { get; }

    /// <summary>The fallback codes in order, then the reason: e.g. <c>METHOD_PER_DIEM_NOT_ELIGIBLE&gt;SINGLE_DISEASE_NOT_LISTED&gt;METHOD_ROUTE_DRG</c>.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        var parts = new List<string>();
        foreach (var (flag, code) in FallbackCodes)
        {
            if ((Fallbacks & flag) != 0)
            {
                parts.Add(code);
            }
        }

        parts.Add(Reason);
        return string.Join(">", parts);
    }

    /// <inheritdoc />
    public bool Equals(MethodRoute other) => Method == other.Method && Reason == other.Reason && Fallbacks == other.Fallbacks && SingleDiseaseIndex == other.SingleDiseaseIndex;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MethodRoute other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Method.GetHashCode() * 31) ^ (int)Fallbacks ^ SingleDiseaseIndex;

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(MethodRoute left, MethodRoute right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(MethodRoute left, MethodRoute right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Method + " (" + Describe() + ")";

    private static readonly (RouteFallbacks Flag, string Code)[] FallbackCodes =
    {
        (RouteFallbacks.PerDiemNotEligible, MethodIssueCodes.PerDiemNotEligible),
        (RouteFallbacks.SingleDiseaseNotListed, MethodIssueCodes.SingleDiseaseNotListed),
        (RouteFallbacks.SingleDiseaseNoPrice, MethodIssueCodes.SingleDiseaseNoPrice),
        (RouteFallbacks.DaySurgeryNotEligible, MethodIssueCodes.DaySurgeryNotEligible),
        (RouteFallbacks.FeeForServiceNotListed, MethodIssueCodes.FeeForServiceNotListed),
    };
}

/// <summary>
/// 支付方式分流 — sends every case to exactly one method of a region's mix, trying the methods in the policy's order:
/// per diem (in a class and eligible), the single-disease list (listed, with a price for the level), day surgery
/// (listed procedure or group, short stay), DRG or DIP (every case), fee for service (a listed diagnosis, or every case).
/// </summary>
/// <remarks>Pure and thread-safe: a case's route depends on the case, its hospital, ward and group only — never on the
/// other cases (per-diem readmission continuation changes the price of a stay, not its route).</remarks>
public sealed class MethodRouter
{
    private readonly PerDiemCalculator? _perDiem;

    /// <summary>Creates a router.</summary>
    /// <param name="policy">The mix; it must validate.</param>
    /// <exception cref="ArgumentException">When the mix has problems (see <see cref="MethodMixPolicy.Validate"/>).</exception>
    public MethodRouter(MethodMixPolicy policy)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        var issues = policy.Validate();
        if (issues.Count > 0)
        {
            throw new ArgumentException("The method mix is invalid: " + issues[0].Field + ": " + issues[0].MessageEn + " (" + issues[0].Code + ")", nameof(policy));
        }

        _perDiem = policy.PerDiem is null ? null : new PerDiemCalculator(policy.PerDiem);
    }

    /// <summary>The mix.</summary>
    public MethodMixPolicy Policy { get; }

    /// <summary>The per-diem calculator of the mix, or null when it has no per-diem policy.</summary>
    public PerDiemCalculator? PerDiemCalculator => _perDiem;

    /// <summary>Routes one case.</summary>
    /// <param name="methodCase">The case.</param>
    /// <returns>The route: exactly one method, or none (<see cref="MethodIssueCodes.RouteNone"/>) when no method of the order takes it,
    /// or <see cref="MethodIssueCodes.MixNotInForce"/> when the case was discharged outside the mix's effective period.</returns>
    public MethodRoute Route(in MethodCase methodCase)
    {
        var c = methodCase.Case ?? throw new ArgumentException("The case is empty.", nameof(methodCase));
        if (c.DischargeDate is { } discharged && !Policy.InForceOn(discharged))
        {
            return new MethodRoute(string.Empty, MethodIssueCodes.MixNotInForce, RouteFallbacks.None);
        }

        var fallbacks = RouteFallbacks.None;
        var sdIndex = -1;
        foreach (var method in Policy.Order)
        {
            switch (method)
            {
                case SettlementMethods.PerDiem:
                    if (_perDiem!.Policy.FindClass(c.MainDiagnosis) >= 0 && _perDiem.Price(methodCase.ToStay(), methodCase.Hospital, PerDiemEpisode.First).Status != PerDiemStatus.NotEligible)
                    {
                        return new MethodRoute(method, MethodIssueCodes.RoutePerDiem, fallbacks, sdIndex);
                    }

                    fallbacks |= RouteFallbacks.PerDiemNotEligible;
                    break;
                case SettlementMethods.SingleDisease:
                    var list = Policy.SingleDisease!;
                    sdIndex = list.Find(c);
                    if (sdIndex < 0)
                    {
                        fallbacks |= RouteFallbacks.SingleDiseaseNotListed;
                    }
                    else if (!methodCase.Hospital.IsKnown || !list.Entries[sdIndex].Prices.ContainsKey(methodCase.Hospital.Level.Tier))
                    {
                        fallbacks |= RouteFallbacks.SingleDiseaseNoPrice;
                    }
                    else
                    {
                        return new MethodRoute(method, MethodIssueCodes.RouteSingleDisease, fallbacks, sdIndex);
                    }

                    break;
                case SettlementMethods.DaySurgery:
                    if (Policy.DaySurgery!.IsEligible(c, methodCase.Group))
                    {
                        return new MethodRoute(method, MethodIssueCodes.RouteDaySurgery, fallbacks, sdIndex);
                    }

                    fallbacks |= RouteFallbacks.DaySurgeryNotEligible;
                    break;
                case SettlementMethods.Drg:
                    return new MethodRoute(method, MethodIssueCodes.RouteDrg, fallbacks, sdIndex);
                case SettlementMethods.Dip:
                    return new MethodRoute(method, MethodIssueCodes.RouteDip, fallbacks, sdIndex);
                case SettlementMethods.FeeForService:
                    if (Policy.FeeForService is null || Policy.FeeForService.Takes(c))
                    {
                        return new MethodRoute(method, MethodIssueCodes.RouteFeeForService, fallbacks, sdIndex);
                    }

                    fallbacks |= RouteFallbacks.FeeForServiceNotListed;
                    break;
            }
        }

        return new MethodRoute(string.Empty, MethodIssueCodes.RouteNone, fallbacks, sdIndex);
    }
}
