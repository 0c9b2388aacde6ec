namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// 门诊慢特病基金支付 — the one place the chronic-disease fund payment of a claim is computed:
/// <code>
/// D = min(C, deductible left)                       起付标准 (the person pays it)
/// R = round((C − D) × ratio)                       基金按比例支付 (四舍五入 to the fen)
/// F = min(R, disease ceiling left, person ceiling left)   年度最高支付限额
/// </code>
/// with C the claim's covered amount. The person pays the rest of C: D + (C − D − R) + (R − F) = C − F.
/// Rule: the basic-insurance benefit structure 起付标准、支付比例、最高支付限额 (国发〔1998〕44号: “起付标准以下的医疗费用…由个人
/// 自付。起付标准以上、最高支付限额以下的医疗费用，主要从统筹基金中支付，个人也要负担一定比例”), applied per chronic disease
/// and year as payment-rules.md §0/§4 states (“chronic-disease outpatient items paid at set ratios”); the numbers are
/// the region's [L]. See docs/outpatient.md “Chronic formula”.
/// </summary>
internal static class ChronicFundPayment
{
    public static Split Compute(Money covered, Money deductibleLeft, decimal ratio, Money diseaseCeilingLeft, Money? personCeilingLeft, RoundingRule rounding)
    {
        var deductible = Money.Min(covered, Money.Max(Money.Zero, deductibleLeft));
        var eligible = covered - deductible;
        var byRatio = eligible.Multiply(ratio).Round(rounding);
        var ceilingLeft = Money.Max(Money.Zero, diseaseCeilingLeft);
        if (personCeilingLeft is { } p)
        {
            ceilingLeft = Money.Min(ceilingLeft, Money.Max(Money.Zero, p));
        }

        var fund = Money.Min(byRatio, ceilingLeft);
        return new Split(deductible, eligible - byRatio, byRatio - fund, fund);
    }

    /// <summary>The parts of the covered amount: deductible + coinsurance + beyond ceiling + fund = covered.</summary>
    internal readonly struct Split
    {
        public Split(Money deductible, Money coinsurance, Money beyondCeiling, Money fund)
        {
            Deductible = deductible;
            Coinsurance = coinsurance;
            BeyondCeiling = beyondCeiling;
            Fund = fund;
        }

        public Money Deductible { get; }

        public Money Coinsurance { get; }

        public Money BeyondCeiling { get; }

        public Money Fund { get; }
    }
}
