namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 考核与扣款 — applies <see cref="AssessmentAdjustment"/> to every hospital (the coefficient of its score's band, then
/// audit and annual deductions) and writes the assessment lines.
/// </summary>
internal static class AssessmentStep
{
    public static AssessmentOutcome[] Apply(ClearingYear year, RiskSharingOutcome[] risk)
    {
        var policy = year.Policy;
        var rule = policy.MoneyRule(RoundingStep.Assessment);
        var outcomes = new AssessmentOutcome[year.Count];
        for (var h = 0; h < year.Count; h++)
        {
            var hospital = year.Hospitals[h];
            var after = risk[h].AfterRiskSharing;
            var audit = Money.FromFen(year.Audit[h]);
            var a = AssessmentAdjustment.Apply(after, policy.AssessmentCoefficientFor(hospital.AssessmentScore), audit, hospital.AnnualDeduction, rule);
            outcomes[h] = a;
            var recorder = year.Recorder;
            recorder.Quantity(h, "assessment.coefficient", "考核系数", a.Coefficient.Value, "考核得分 " + ClearingYear.N(hospital.AssessmentScore) + " 对应区间");
            recorder.Money(h, "after.assessment", "考核后应付", a.AfterAssessment, after + " × " + ClearingYear.N(a.Coefficient.Value));
            recorder.Money(h, "deduction.audit", "审核扣款", audit, "Σ结算行审核扣款");
            recorder.Money(h, "deduction.annual", "年度扣款", hospital.AnnualDeduction, "年度考核/违规扣款");
            recorder.Money(h, "annual.settled", "年度清算应付", a.Settled, a.AfterAssessment + " − " + audit + " − " + hospital.AnnualDeduction);
        }

        return outcomes;
    }
}
