using System.Collections.Generic;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement;

/// <summary>点值/费率确定方法 — how the unit value (DIP point value or DRG base rate) of the year is set (payment-rules.md §2, §3).</summary>
public enum ValueMethod
{
    /// <summary>固定 — the preset value (年初点值 or fixed 费率) is final.</summary>
    Fixed = 0,

    /// <summary>浮动 — final value = (fund ÷ fund payment ratio) ÷ the year's total units; the fund is distributed exactly.</summary>
    Floating = 1,

    /// <summary>弹性 — base units at the preset value, increment units at a floating value (基准总额/增量总额, 8:2 or 7:3).</summary>
    Elastic = 2,
}

/// <summary>
/// 质量保证金形式 — how the quality deposit is held back from the monthly amount (payment-rules.md §5: all three forms
/// must be expressible).
/// </summary>
public enum DepositForm
{
    /// <summary>
    /// 从预拨款中预留 — the month's amount × advance ratio is paid less a deposit of amount × deposit rate. Covers the 2025
    /// handling rules art. 26 ("可预留一定比例（不超过 5%）作为质量保证金": advance ratio 1, rate 0.05 → pay 95%) and an
    /// advance ratio below 1 with or without a separate deposit (0.9 and 0 → pay 90%, the rest settled at clearing).
    /// </summary>
    WithheldFromAdvance = 0,

    /// <summary>
    /// 未拨部分即保证金 — DIP 3.0 draft ch. 7 §2: "按照定点医院当年月度额的 90%进行拨付，剩下 10%作为预留质量保证金":
    /// the unpaid remainder (1 − advance ratio) of the month's amount is itself the deposit, released by the assessment.
    /// </summary>
    UnpaidRemainder = 1,
}

/// <summary>应付形式 — how the fund's part is taken from the payment standard.</summary>
public enum PayableForm
{
    /// <summary>扣减个人支付 — payable = units × value − patients' share (the monthly pre-settlement form of payment-rules.md §2).</summary>
    PatientShareDeducted = 0,

    /// <summary>乘基金支付比例 — payable = units × value × fund payment ratio (the DIP annual form of payment-rules.md §3).</summary>
    FundPaymentRatio = 1,
}

/// <summary>舍入步骤 — the named steps at which money or values are rounded; each has a rule in the policy profile.</summary>
public enum RoundingStep
{
    /// <summary>支付单元 — case weights and scores to the policy's unit decimals.</summary>
    Units = 0,

    /// <summary>点值/费率 — a computed point value or base rate (exact unless the profile names a rule).</summary>
    UnitValue = 1,

    /// <summary>预算 — the regional budget steps.</summary>
    Budget = 2,

    /// <summary>月度预结算 — a hospital's monthly pre-settlement.</summary>
    MonthlyPreSettlement = 3,

    /// <summary>质量保证金 — the monthly deposit withheld.</summary>
    QualityDeposit = 4,

    /// <summary>预付周转金 — the working advance.</summary>
    WorkingAdvance = 5,

    /// <summary>年度应付 — a hospital's annual payable by group or score, and a pool's gross amount.</summary>
    AnnualPayable = 6,

    /// <summary>结余留用/超支分担 — the risk-sharing amounts.</summary>
    RiskSharing = 7,

    /// <summary>考核 — the payable after the assessment coefficient.</summary>
    Assessment = 8,

    /// <summary>保证金返还 — the deposit released by the assessment score.</summary>
    DepositRelease = 9,
}

/// <summary>预算测算方法 — the three national ways to derive the DRG/DIP inpatient total from the fund budget (payment-rules.md §5), plus a fixed amount.</summary>
public enum BudgetMethod
{
    /// <summary>直接给定 — the total is given.</summary>
    Fixed = 0,

    /// <summary>按项目扣减 — income minus reserve and each listed deduction.</summary>
    ByItems = 1,

    /// <summary>按上年占比 — this year's fund budget × last year's DRG/DIP share.</summary>
    ByLastYearShare = 2,

    /// <summary>按增长率 — last year's DRG/DIP spend × (1 + growth rate capped by the cost-growth target).</summary>
    ByGrowthRate = 3,
}

/// <summary>预算扣减项目 — the items deducted from fund income by the by-items method (payment-rules.md §5).</summary>
public enum BudgetItem
{
    /// <summary>急诊抢救 — emergency care.</summary>
    Emergency = 0,

    /// <summary>普通门诊 — general outpatient.</summary>
    GeneralOutpatient = 1,

    /// <summary>门诊慢特病 — chronic and special outpatient.</summary>
    ChronicSpecialOutpatient = 2,

    /// <summary>特殊药品 — special (谈判) drugs.</summary>
    SpecialDrugs = 3,

    /// <summary>异地就医 — out-of-region care.</summary>
    OutOfRegion = 4,

    /// <summary>直接结算药品耗材 — directly settled drugs and consumables.</summary>
    DirectlySettledDrugsAndConsumables = 5,

    /// <summary>大病保险 — critical-illness insurance.</summary>
    CriticalIllness = 6,

    /// <summary>生育 — maternity.</summary>
    Maternity = 7,
}

/// <summary>预算扣减 — one deduction of the by-items budget method.</summary>
/// <param name="Item">The item.</param>
/// <param name="Amount">The amount deducted.</param>
public sealed record BudgetDeduction(BudgetItem Item, Money Amount);

/// <summary>预算规则 — how one fund pool's DRG/DIP total is derived (payment-rules.md §5). Which fields apply depends on <see cref="Method"/>.</summary>
public sealed record BudgetRule
{
    /// <summary>测算方法 — the method.</summary>
    public BudgetMethod Method { get; init; }

    /// <summary>给定总额 — the total for <see cref="BudgetMethod.Fixed"/>.</summary>
    public Money Amount { get; init; }

    /// <summary>基金收入 — the fund's income for the year (by items).</summary>
    public Money Income { get; init; }

    /// <summary>风险调剂金比例 — the reserve (or 区域调节金) share of income (by items).</summary>
    public Ratio ReserveRate { get; init; }

    /// <summary>扣减项目 — the deductions (by items).</summary>
    public IReadOnlyList<BudgetDeduction> Deductions { get; init; } = [];

    /// <summary>当年基金预算 — this year's fund budget (by last year's share).</summary>
    public Money FundBudget { get; init; }

    /// <summary>上年DRG/DIP支出 — last year's DRG/DIP spend (share and growth methods).</summary>
    public Money LastYearSpend { get; init; }

    /// <summary>上年基金支出 — last year's total fund spend (share method).</summary>
    public Money LastYearFundSpend { get; init; }

    /// <summary>增长率 — the proposed growth rate (growth method).</summary>
    public Ratio GrowthRate { get; init; }

    /// <summary>费用增长控制目标 — the cost-growth target that caps the growth rate (growth method).</summary>
    public Ratio CostGrowthTarget { get; init; }
}

/// <summary>资金池 — one fund pool of the region: all funds together, or 职工 / 居民 separately, each with its own budget and values.</summary>
public sealed record FundPool
{
    /// <summary>点数体系 — the named point system this pool values (e.g. <c>DIP</c>, <c>DRG</c>); pools are keyed by fund × point system.</summary>
    public string PointSystem { get; init; } = "DIP";

    /// <summary>险种 — the fund, or null for one pool covering every fund.</summary>
    public InsuranceFund? Fund { get; init; }

    /// <summary>点值方法 — this pool's value method, or null for the policy's <see cref="SettlementPolicy.ValueMethod"/>.</summary>
    public ValueMethod? ValueMethod { get; init; }

    /// <summary>基金支付比例 — the fund payment ratio in value = (fund ÷ ratio) ÷ total units.</summary>
    public Ratio FundPaymentRatio { get; init; } = new(1m);

    /// <summary>年初点值/预设费率 — the preset value in yuan per unit: DIP start-of-year point value, or the DRG fixed/month base rate.</summary>
    public PointValue PresetValue { get; init; }

    /// <summary>增量点值上限 — an optional cap on the floating increment value of the elastic method.</summary>
    public PointValue? IncrementValueCap { get; init; }

    /// <summary>预算 — how the pool's DRG/DIP total is derived.</summary>
    public BudgetRule Budget { get; init; } = new();

    /// <summary>Whether the pool covers <paramref name="fund"/>.</summary>
    /// <param name="fund">The case's fund.</param>
    /// <returns>True when the pool is for all funds or for this fund.</returns>
    public bool Covers(InsuranceFund fund) => Fund is null || Fund == fund;

    /// <summary>Whether the pool settles points of <paramref name="fund"/> in <paramref name="pointSystem"/>.</summary>
    /// <param name="fund">The line's fund.</param>
    /// <param name="pointSystem">The line's point system (ordinal, case-insensitive).</param>
    /// <returns>True when both match.</returns>
    public bool Covers(InsuranceFund fund, string pointSystem) => Covers(fund) && string.Equals(PointSystem, pointSystem, System.StringComparison.OrdinalIgnoreCase);

    /// <summary>The pool's key as written in statements and issues: <c>DIP</c>, <c>DIP.employee</c>.</summary>
    public string Key => PointSystem + (Fund switch
    {
        InsuranceFund.Employee => ".employee",
        InsuranceFund.Resident => ".resident",
        InsuranceFund.Other => ".other",
        _ => string.Empty,
    });
}

/// <summary>
/// 风险分担区间 — one band of 结余留用 or 合理超支分担: deviations (as a share of the hospital's payable) up to
/// <see cref="UpTo"/> are kept or shared at <see cref="Share"/>.
/// </summary>
/// <param name="UpTo">The band's upper bound as a share of the payable; null for no bound.</param>
/// <param name="Share">Surplus bands: the share the hospital keeps; overspend bands: the share the fund bears.</param>
public sealed record RiskSharingBand(Ratio? UpTo, Ratio Share);

/// <summary>结余留用、合理超支分担 — the risk-sharing rule of the region, all bands as data.</summary>
public sealed record RiskSharingRule
{
    /// <summary>结余留用区间 — the surplus bands, ascending.</summary>
    public IReadOnlyList<RiskSharingBand> Surplus { get; init; } = [];

    /// <summary>超支分担区间 — the overspend bands, ascending; beyond the last bounded band the hospital bears the rest unless an unbounded band says otherwise.</summary>
    public IReadOnlyList<RiskSharingBand> Overspend { get; init; } = [];

    /// <summary>超支分担资金池 — an optional fixed pool (e.g. 区域调节金) that caps the fund's total shared overspend; distributed by largest remainder when short.</summary>
    public Money? OverspendPool { get; init; }
}

/// <summary>考核得分区间 — a value that applies from <see cref="MinScore"/> upward (assessment coefficient or deposit release share).</summary>
/// <param name="MinScore">The lowest assessment score of the band.</param>
/// <param name="Value">The coefficient or share.</param>
public sealed record ScoreBand(decimal MinScore, decimal Value);
