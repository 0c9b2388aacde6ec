namespace MedInsurance.Payment.Cases;

/// <summary>
/// 住院费用 — a case's costs: the total (医疗总费用) and the usual categories of the settlement list, plus
/// what the fund paid (统筹基金支付) and what the patient paid (个人负担).
/// </summary>
/// <remarks>Categories are optional detail: a category left at zero means "not reported". Immutable and thread-safe.</remarks>
public sealed record CostBreakdown
{
    /// <summary>No costs.</summary>
    public static CostBreakdown None { get; } = new();

    /// <summary>Creates costs of zero; set the amounts with an object initializer (C# 9+) or use the other constructor.</summary>
    public CostBreakdown()
    {
    }

    /// <summary>Creates costs from their amounts (for C# 7.3 callers, which cannot set <c>init</c> members; name the arguments).</summary>
    /// <param name="total">医疗总费用 — total cost of the stay.</param>
    /// <param name="drugs">药品费 — drugs.</param>
    /// <param name="consumables">耗材费 — medical consumables.</param>
    /// <param name="treatment">治疗费 — treatment.</param>
    /// <param name="surgery">手术费 — surgery.</param>
    /// <param name="examination">检查费 — examinations and laboratory tests.</param>
    /// <param name="other">其他费 — everything else.</param>
    /// <param name="fundPaid">统筹基金支付 — amount paid by the pooled fund.</param>
    /// <param name="patientPaid">个人负担 — amount paid by the patient.</param>
    public CostBreakdown(
        Money total,
        Money drugs = default,
        Money consumables = default,
        Money treatment = default,
        Money surgery = default,
        Money examination = default,
        Money other = default,
        Money fundPaid = default,
        Money patientPaid = default)
    {
        Total = total;
        Drugs = drugs;
        Consumables = consumables;
        Treatment = treatment;
        Surgery = surgery;
        Examination = examination;
        Other = other;
        FundPaid = fundPaid;
        PatientPaid = patientPaid;
    }

    /// <summary>医疗总费用 — total cost of the stay.</summary>
    public Money Total { get; init; }

    /// <summary>药品费 — drugs (西药、中成药、中草药).</summary>
    public Money Drugs { get; init; }

    /// <summary>耗材费 — medical consumables.</summary>
    public Money Consumables { get; init; }

    /// <summary>治疗费 — treatment.</summary>
    public Money Treatment { get; init; }

    /// <summary>手术费 — surgery (手术治疗费, incl. anaesthesia).</summary>
    public Money Surgery { get; init; }

    /// <summary>检查费 — examinations and laboratory tests (检查、化验).</summary>
    public Money Examination { get; init; }

    /// <summary>其他费 — everything else (床位、护理、诊查…).</summary>
    public Money Other { get; init; }

    /// <summary>统筹基金支付 — amount paid by the pooled fund.</summary>
    public Money FundPaid { get; init; }

    /// <summary>个人负担 — amount paid by the patient (自付 + 自费).</summary>
    public Money PatientPaid { get; init; }

    /// <summary>Sum of the categories (drugs … other).</summary>
    public Money CategorySum => Drugs + Consumables + Treatment + Surgery + Examination + Other;

    /// <summary>Whether any category was reported.</summary>
    public bool HasCategories => !(Drugs.IsZero && Consumables.IsZero && Treatment.IsZero && Surgery.IsZero && Examination.IsZero && Other.IsZero);

    /// <summary>Creates costs with only a total.</summary>
    /// <param name="total">The total cost.</param>
    /// <returns>The costs.</returns>
    public static CostBreakdown FromTotal(Money total) => new() { Total = total };

    /// <summary>Checks the amounts are non-negative.</summary>
    /// <returns>Whether every amount is zero or positive.</returns>
    public bool AllNonNegative() =>
        !(Total.IsNegative || Drugs.IsNegative || Consumables.IsNegative || Treatment.IsNegative || Surgery.IsNegative
          || Examination.IsNegative || Other.IsNegative || FundPaid.IsNegative || PatientPaid.IsNegative);
}
