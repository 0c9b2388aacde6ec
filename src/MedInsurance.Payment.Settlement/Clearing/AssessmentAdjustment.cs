namespace MedInsurance.Payment.Settlement;

/// <summary>考核结果 — the amount after the assessment coefficient and the deductions.</summary>
/// <param name="Coefficient">考核系数 — from the assessment score's band.</param>
/// <param name="AfterAssessment">考核后应付 — round(amount × coefficient).</param>
/// <param name="Deductions">扣款 — audit deductions + annual deductions.</param>
/// <param name="Settled">年度清算应付 — after assessment − deductions.</param>
public sealed record AssessmentOutcome(Coefficient Coefficient, Money AfterAssessment, Money Deductions, Money Settled);

/// <summary>
/// 考核与扣款 — the annual amount × the assessment coefficient of the score's band, less audit and annual deductions
/// (payment-rules.md §3 "× assessment coefficient − Σ audit deductions"; 2025 handling rules art. 27). Usable on its own.
/// </summary>
/// <remarks>Pure; thread-safe.</remarks>
public static class AssessmentAdjustment
{
    /// <summary>Applies the assessment.</summary>
    /// <param name="amount">The amount after risk sharing.</param>
    /// <param name="coefficient">The assessment coefficient.</param>
    /// <param name="auditDeductions">Σ audit deductions of the year.</param>
    /// <param name="annualDeduction">Deductions decided at clearing.</param>
    /// <param name="rounding">The rule of the <see cref="RoundingStep.Assessment"/> step.</param>
    /// <returns>The outcome.</returns>
    public static AssessmentOutcome Apply(Money amount, Coefficient coefficient, Money auditDeductions, Money annualDeduction, RoundingRule rounding)
    {
        var after = amount.Multiply(coefficient.Value).Round(rounding);
        var deductions = auditDeductions + annualDeduction;
        return new AssessmentOutcome(coefficient, after, deductions, after - deductions);
    }
}
