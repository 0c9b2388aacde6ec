using System;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Testing;

/// <summary>
/// 测试医疗机构 — hospitals for tests with the clearing parameters defaulted: assessment score 95 (full deposit release
/// under the usual assessment tables), no deduction, no prior-year spend.
/// </summary>
public static class TestHospital
{
    /// <summary>A hospital with its clearing parameters.</summary>
    /// <param name="id">定点医疗机构代码.</param>
    /// <param name="level">等级, e.g. <c>三级甲等</c>, <c>二级</c>, <c>3A</c> (as <see cref="HospitalLevel.Parse"/> reads it).</param>
    /// <param name="assessmentScore">考核得分 (0–100).</param>
    /// <param name="priorYearFundPaidYuan">上年度基金支付 in yuan (for the working advance).</param>
    /// <returns>The hospital.</returns>
    public static SettlementHospital Create(string id, string level = "三级甲等", decimal assessmentScore = 95m, decimal priorYearFundPaidYuan = 0m)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A hospital needs an id.", nameof(id));
        }

        var hospital = new Hospital(id, "测试医院 " + id, HospitalLevel.Parse(level), HospitalType.General);
        return new SettlementHospital(hospital, assessmentScore: assessmentScore, priorYearFundPaid: Money.FromYuan(priorYearFundPaidYuan));
    }
}
