using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 结算行CSV列 — the columns of the settlement-line CSV (docs/formats-settlement.md), each with the Chinese and legacy
/// names a reader also accepts.
/// </summary>
public static class SettlementLineColumns
{
    /// <summary>结算行编号 — line id.</summary>
    public const string LineId = "line_id";

    /// <summary>定点医疗机构编码 — hospital or consortium id.</summary>
    public const string HospitalId = "hospital_id";

    /// <summary>险种 — fund.</summary>
    public const string Fund = "fund";

    /// <summary>结算月份 — month 1–12.</summary>
    public const string Month = "month";

    /// <summary>支付方式 — method code.</summary>
    public const string Method = "method";

    /// <summary>点数体系 — point system.</summary>
    public const string PointSystem = "point_system";

    /// <summary>点数 — points.</summary>
    public const string Points = "points";

    /// <summary>金额 — money amount.</summary>
    public const string Amount = "amount";

    /// <summary>医疗总费用 — total cost.</summary>
    public const string TotalCost = "total_cost";

    /// <summary>个人支付 — patient paid.</summary>
    public const string PatientPaid = "patient_paid";

    /// <summary>按项目统筹基金支付 — item-based fund amount.</summary>
    public const string FundPaid = "fund_paid";

    /// <summary>审核扣款 — audit deduction.</summary>
    public const string AuditDeduction = "audit_deduction";

    /// <summary>特例单议 — special-review status.</summary>
    public const string SpecialReview = "special_review";

    /// <summary>特例单议核准金额 — approved amount.</summary>
    public const string ApprovedAmount = "approved_amount";

    /// <summary>The columns in the order they are written.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        LineId, HospitalId, Fund, Month, Method, PointSystem, Points, Amount, TotalCost, PatientPaid, FundPaid, AuditDeduction, SpecialReview, ApprovedAmount,
    };

    /// <summary>Other names accepted for each column: the Chinese names and the names of the earlier case-line format.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [LineId] = new[] { "结算行编号", "case_id", "病例编号", "清单流水号" },
        [HospitalId] = new[] { "医疗机构编码", "定点医疗机构编码", "定点医药机构编号" },
        [Fund] = new[] { "险种", "险种类型" },
        [Month] = new[] { "月份", "结算月份", "出院月份" },
        [Method] = new[] { "支付方式" },
        [PointSystem] = new[] { "点数体系", "点数法" },
        [Points] = new[] { "点数", "分值", "score", "weight" },
        [Amount] = new[] { "金额", "支付金额" },
        [TotalCost] = new[] { "医疗总费用", "总费用" },
        [PatientPaid] = new[] { "个人支付" },
        [FundPaid] = new[] { "按项目统筹基金支付", "统筹基金支付" },
        [AuditDeduction] = new[] { "审核扣款" },
        [SpecialReview] = new[] { "特例单议" },
        [ApprovedAmount] = new[] { "核准金额", "特例单议核准金额" },
    };
}
