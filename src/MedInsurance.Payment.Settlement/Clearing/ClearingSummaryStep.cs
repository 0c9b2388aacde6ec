using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Settlement;

/// <summary>区域汇总 — assembles every hospital's statement from the steps' results and sums the region.</summary>
internal static class ClearingSummaryStep
{
    public static ClearingResult Apply(
        ClearingYear year,
        IReadOnlyList<SpecialReviewSummary> review,
        PayableResult payable,
        RiskSharingOutcome[] risk,
        AssessmentOutcome[] assessed,
        MonthlyTotals[] months,
        (Money Advance, ClearingTransferOutcome Transfer)[] transfers)
    {
        var statements = new HospitalStatement[year.Count];
        for (var h = 0; h < year.Count; h++)
        {
            var o = risk[h];
            var (advance, transfer) = transfers[h];
            statements[h] = new HospitalStatement
            {
                Hospital = year.Hospitals[h].Hospital,
                LineCount = year.LineCount[h],
                SpecialReviewLines = year.SpecialCount[h],
                AnnualPayable = payable.Payable[h],
                FeeForService = o.ItemBasedFundAmount ?? Money.FromFen(year.Ledger.FundPaid[h]),
                RiskSharingApplied = o.Applied,
                SurplusKept = o.SurplusKept,
                SurplusReclaimed = o.SurplusReclaimed,
                OverspendShared = o.OverspendShared,
                OverspendBorne = o.OverspendBorne,
                AfterRiskSharing = o.AfterRiskSharing,
                AssessmentCoefficient = assessed[h].Coefficient,
                AfterAssessment = assessed[h].AfterAssessment,
                Deductions = assessed[h].Deductions,
                AnnualSettled = assessed[h].Settled,
                MonthlyPreSettlements = months[h].PreSettlements,
                DepositWithheld = months[h].DepositWithheld,
                WorkingAdvance = advance,
                AmountDue = transfer.AmountDue,
                DepositReleased = transfer.Released,
                DepositForfeited = transfer.Forfeited,
                ClearingTransfer = transfer.Transfer,
                Lines = year.Recorder.Lines(h),
            };
        }

        var issues = year.Issues;
        issues.Sort(LineIssue.Compare);
        var summary = new RegionSummary
        {
            Hospitals = year.Count,
            Lines = year.Ledger.Accepted,
            RejectedLines = year.Ledger.Rejected,
            Budget = Money.Sum(payable.Pools.Select(p => p.Budget.Total)),
            OutsidePools = payable.OutsidePools,
            AnnualPayable = Money.Sum(statements.Select(s => s.AnnualPayable)),
            FeeForService = Money.Sum(statements.Select(s => s.FeeForService)),
            SurplusKept = Money.Sum(statements.Select(s => s.SurplusKept)),
            SurplusReclaimed = Money.Sum(statements.Select(s => s.SurplusReclaimed)),
            OverspendShared = Money.Sum(statements.Select(s => s.OverspendShared)),
            OverspendBorne = Money.Sum(statements.Select(s => s.OverspendBorne)),
            AnnualSettled = Money.Sum(statements.Select(s => s.AnnualSettled)),
            MonthlyPreSettlements = Money.Sum(statements.Select(s => s.MonthlyPreSettlements)),
            DepositWithheld = Money.Sum(statements.Select(s => s.DepositWithheld)),
            DepositReleased = Money.Sum(statements.Select(s => s.DepositReleased)),
            WorkingAdvance = Money.Sum(statements.Select(s => s.WorkingAdvance)),
            ClearingTransfer = Money.Sum(statements.Select(s => s.ClearingTransfer)),
        };
        return new ClearingResult { Policy = year.Policy, Pools = payable.Pools, Statements = statements, Summary = summary, SpecialReview = review, LineIssues = issues };
    }
}
