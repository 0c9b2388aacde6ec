using System;

namespace MedInsurance.Payment.Accounts;

/// <summary>
/// 门诊统筹年度累计 — one person's pooled-fund totals in a calendar year: the deductible used, the outpatient pooled
/// payments, and all pooled payments (inpatient included) that the annual ceiling counts.
/// </summary>
/// <remarks>Immutable; <see cref="OutpatientPooling"/> returns a new one per claim.</remarks>
public readonly struct PoolingYear : IEquatable<PoolingYear>
{
    /// <summary>Creates a state.</summary>
    /// <param name="personId">人员编号.</param>
    /// <param name="year">年度.</param>
    /// <param name="deductibleUsed">已累计起付 — the part of the deductible already met.</param>
    /// <param name="outpatientPaid">门诊统筹已支付.</param>
    /// <param name="annualPaid">统筹基金年度已支付 (inpatient and outpatient), ≥ <paramref name="outpatientPaid"/>.</param>
    /// <exception cref="ArgumentException">When an amount is negative or the annual total is below the outpatient one.</exception>
    public PoolingYear(string personId, int year, Money deductibleUsed, Money outpatientPaid, Money annualPaid)
    {
        if (deductibleUsed.IsNegative || outpatientPaid.IsNegative || annualPaid < outpatientPaid)
        {
            throw new ArgumentException("Amounts must not be negative and the annual total includes the outpatient one.", nameof(annualPaid));
        }

        PersonId = personId ?? string.Empty;
        Year = year;
        DeductibleUsed = deductibleUsed;
        OutpatientPaid = outpatientPaid;
        AnnualPaid = annualPaid;
    }

    /// <summary>人员编号.</summary>
    public string PersonId { get; }

    /// <summary>年度.</summary>
    public int Year { get; }

    /// <summary>已累计起付.</summary>
    public Money DeductibleUsed { get; }

    /// <summary>门诊统筹已支付.</summary>
    public Money OutpatientPaid { get; }

    /// <summary>统筹基金年度已支付 (inpatient and outpatient).</summary>
    public Money AnnualPaid { get; }

    /// <summary>A person's empty year.</summary>
    /// <param name="personId">人员编号.</param>
    /// <param name="year">年度.</param>
    /// <returns>The state.</returns>
    public static PoolingYear Start(string personId, int year) => new(personId, year, Money.Zero, Money.Zero, Money.Zero);

    /// <inheritdoc/>
    public bool Equals(PoolingYear other) => string.Equals(PersonId, other.PersonId, StringComparison.Ordinal) && Year == other.Year
        && DeductibleUsed == other.DeductibleUsed && OutpatientPaid == other.OutpatientPaid && AnnualPaid == other.AnnualPaid;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PoolingYear other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (PersonId?.GetHashCode() ?? 0) ^ Year ^ AnnualPaid.GetHashCode();

    /// <summary>Equality.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(PoolingYear left, PoolingYear right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(PoolingYear left, PoolingYear right) => !left.Equals(right);
}
