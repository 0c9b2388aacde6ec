namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 预付周转金、清算应拨与保证金返还 — the working advance (given, or last year's fund payments × months ÷ 12; DIP 3.0
/// draft ch. 7, "预付规模应在 1 个月左右"), the amount due and the deposit released by the assessment score
/// (<see cref="DepositRelease"/>; payment-rules.md §5). Writes the closing lines of every statement.
/// </summary>
internal static class ClearingTransferStep
{
    public static (Money Advance, ClearingTransferOutcome Transfer)[] Apply(ClearingYear year, AssessmentOutcome[] assessed, MonthlyTotals[] months)
    {
        var policy = year.Policy;
        var recorder = year.Recorder;
        var result = new (Money, ClearingTransferOutcome)[year.Count];
        for (var h = 0; h < year.Count; h++)
        {
            var hospital = year.Hospitals[h];
            var advance = hospital.WorkingAdvance
                ?? hospital.PriorYearFundPaid.Multiply(policy.WorkingAdvanceMonths / ClearingYear.Months).Round(policy.MoneyRule(RoundingStep.WorkingAdvance));
            recorder.Money(h, "advance", "预付周转金", advance, hospital.WorkingAdvance is null ? "上年基金支付 " + hospital.PriorYearFundPaid + " × " + ClearingYear.N(policy.WorkingAdvanceMonths) + " ÷ 12" : "给定");
            var release = policy.DepositReleaseFor(hospital.AssessmentScore);
            var settled = assessed[h].Settled;
            var (pre, deposit) = (months[h].PreSettlements, months[h].DepositWithheld);
            var transfer = DepositRelease.Apply(settled, pre, advance, deposit, release, policy.MoneyRule(RoundingStep.DepositRelease));
            recorder.Money(h, "due", "清算应拨", transfer.AmountDue, settled + " − " + pre + " − " + advance);
            recorder.Money(h, "deposit.released", "返还质量保证金", transfer.Released, deposit + " × 返还比例 " + ClearingYear.N(release.Value) + "（考核得分 " + ClearingYear.N(hospital.AssessmentScore) + "）");
            recorder.Money(h, "deposit.forfeited", "扣留质量保证金", transfer.Forfeited, deposit + " − " + transfer.Released);
            recorder.Money(h, "transfer", "清算拨付", transfer.Transfer, transfer.AmountDue + " + " + transfer.Released);
            result[h] = (advance, transfer);
        }

        return result;
    }
}
