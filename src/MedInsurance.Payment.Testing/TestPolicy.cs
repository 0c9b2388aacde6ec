using System;
using System.Globalization;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Testing;

/// <summary>
/// 测试清算方案 — small clearing policies for tests, written as the policy JSON a region publishes and read by
/// <see cref="SettlementPolicyLoader.Parse"/>, so a test runs the same validation as production.
/// </summary>
public static class TestPolicy
{
    /// <summary>
    /// A point-method clearing (点数法) with one pool for all funds, a fixed budget and a floating point value: the fund
    /// pays <paramref name="fundPaymentRatio"/> of the settled value, a 10 % surplus is kept in full and half of the rest,
    /// overspending up to 10 % is shared at 70 % (the demo region's risk sharing), assessment and deposit release at 90
    /// points and above are full.
    /// </summary>
    /// <param name="year">清算年度.</param>
    /// <param name="budgetYuan">总额预算 in yuan.</param>
    /// <param name="method">The point system: <c>DIP</c> or <c>DRG</c>.</param>
    /// <param name="presetPointValue">年初预设点值 (yuan per point).</param>
    /// <param name="fundPaymentRatio">统筹基金支付比例 (0–1).</param>
    /// <returns>The policy.</returns>
    public static SettlementPolicy PointMethod(int year, decimal budgetYuan, string method = "DIP", decimal presetPointValue = 10m, decimal fundPaymentRatio = 0.8m)
    {
        if (method != "DIP" && method != "DRG")
        {
            throw new ArgumentException("The point system is DIP or DRG.", nameof(method));
        }

        var inv = CultureInfo.InvariantCulture;
        var json = "{"
            + "\"id\": \"test-" + method.ToLowerInvariant() + "-" + year.ToString(inv) + "\", \"version\": \"1\", \"name\": \"test policy\","
            + "\"year\": " + year.ToString(inv) + ", \"rules\": 2025, \"method\": \"" + method + "\", \"valueMethod\": \"floating\","
            + "\"payableForm\": \"patientShareDeducted\", \"advanceRatio\": 0.9, \"qualityDepositRate\": 0.05, \"workingAdvanceMonths\": 1,"
            + "\"pools\": [ { \"fund\": \"all\", \"fundPaymentRatio\": " + fundPaymentRatio.ToString(inv) + ", \"presetValue\": " + presetPointValue.ToString(inv)
            + ", \"budget\": { \"method\": \"fixed\", \"amount\": " + budgetYuan.ToString(inv) + " } } ],"
            + "\"riskSharing\": { \"surplus\": [ { \"upTo\": 0.10, \"share\": 1.0 }, { \"upTo\": null, \"share\": 0.5 } ],"
            + " \"overspend\": [ { \"upTo\": 0.10, \"share\": 0.7 }, { \"upTo\": 0.20, \"share\": 0.5 }, { \"upTo\": null, \"share\": 0 } ] },"
            + "\"assessment\": { \"coefficients\": [ { \"minScore\": 90, \"value\": 1.0 }, { \"minScore\": 0, \"value\": 0.95 } ],"
            + " \"depositRelease\": [ { \"minScore\": 90, \"value\": 1.0 }, { \"minScore\": 0, \"value\": 0 } ] }"
            + "}";
        return SettlementPolicyLoader.Parse(json, "TestPolicy.PointMethod");
    }
}
