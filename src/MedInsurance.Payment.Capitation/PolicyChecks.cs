using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Capitation;

/// <summary>Validation of the capitation policy: one issue per bad field, named by its JSON path.</summary>
internal static class CapitationPolicyValidation
{
    public static IReadOnlyList<ValidationIssue> Check(CapitationPolicy p)
    {
        var issues = new List<ValidationIssue>();
        void Error(string code, string field, string en) => issues.Add(ValidationIssue.Error(code, field, en, en));
        if (p.Id.Length == 0)
        {
            Error(CapitationIssueCodes.PolicyFieldRequired, "id", "The policy id is required.");
        }

        if (p.Version.Length == 0)
        {
            Error(CapitationIssueCodes.PolicyFieldRequired, "version", "The policy version is required.");
        }

        if (p.Year is < 1900 or > 2200)
        {
            Error(CapitationIssueCodes.PolicyValueInvalid, "year", "The year must be between 1900 and 2200.");
        }

        if (p.Classes.Count == 0)
        {
            Error(CapitationIssueCodes.PolicyFieldRequired, "classes", "At least one population class is required.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < p.Classes.Count; i++)
        {
            var c = p.Classes[i];
            var field = "classes[" + I(i) + "]";
            if (c.Code.Trim().Length == 0)
            {
                Error(CapitationIssueCodes.PolicyFieldRequired, field + ".code", "The class code is required.");
            }
            else if (!seen.Add(c.Code.Trim()))
            {
                Error(CapitationIssueCodes.PolicyClassDuplicated, field + ".code", "The class code '" + c.Code + "' is used twice.");
            }

            if (c.StandardPerYear < Money.Zero || c.StandardPerYear > Money.FromYuan(1_000_000m))
            {
                Error(CapitationIssueCodes.PolicyValueInvalid, field + ".standard", "The per-head standard must be between 0 and 1 000 000 yuan a year.");
            }
        }

        if (p.MonthlySchedule.Count != 12 || p.MonthlySchedule.Any(r => r.Value < 0m) || p.MonthlySchedule.Sum(r => r.Value) != 1m)
        {
            if (p.ScheduleGiven)
            {
                Error(CapitationIssueCodes.PolicyScheduleInvalid, "advance.schedule", "The schedule must have 12 non-negative shares summing to 1.");
            }
        }

        CheckAdvance(p.Advance, "advance", issues);
        if (p.Referral.Mode == ReferralChargeMode.Fee && p.Referral.FeePerReferral < Money.Zero)
        {
            Error(CapitationIssueCodes.PolicyValueInvalid, "referral.fee", "The referral fee must not be negative.");
        }

        if (p.Referral.Mode == ReferralChargeMode.Cost && p.Referral.CapPerReferral < Money.Zero)
        {
            Error(CapitationIssueCodes.PolicyValueInvalid, "referral.cap", "The referral cap must not be negative.");
        }

        CheckRiskSharing(p.RiskSharing, "riskSharing", issues);
        CheckScoreBands(p.AssessmentCoefficients, "assessment.coefficients", 2m, issues);
        CheckScoreBands(p.DepositRelease, "assessment.depositRelease", 1m, issues);
        if (p.DefaultAssessmentScore is < 0m or > 100m)
        {
            Error(CapitationIssueCodes.PolicyValueInvalid, "assessment.defaultScore", "The default score must be between 0 and 100.");
        }

        if (p.LineConversionValue is { } v && v <= 0m)
        {
            Error(CapitationIssueCodes.PolicyValueInvalid, "lines.conversionValue", "The conversion value must be positive.");
        }

        return issues;
    }

    public static void CheckAdvance(AdvanceTerms a, string field, List<ValidationIssue> issues)
    {
        if (a.AdvanceRatio.Value is <= 0m or > 1m)
        {
            issues.Add(Err(CapitationIssueCodes.PolicyValueInvalid, field + ".advanceRatio", "The advance ratio must be above 0 and at most 1."));
        }

        if (a.DepositRate.Value is < 0m or > 1m)
        {
            issues.Add(Err(CapitationIssueCodes.PolicyValueInvalid, field + ".depositRate", "The deposit rate must be between 0 and 1."));
        }
    }

    public static void CheckRiskSharing(RiskSharingRule rule, string field, List<ValidationIssue> issues)
    {
        foreach (var (bands, name) in new[] { (rule.Surplus, "surplus"), (rule.Overspend, "overspend") })
        {
            var last = 0m;
            for (var i = 0; i < bands.Count; i++)
            {
                var f = field + "." + name + "[" + I(i) + "]";
                var b = bands[i];
                if (b.Share.Value is < 0m or > 1m)
                {
                    issues.Add(Err(CapitationIssueCodes.PolicyBandsInvalid, f + ".share", "A band's share must be between 0 and 1."));
                }

                if (b.UpTo is { } u)
                {
                    if (u.Value <= last)
                    {
                        issues.Add(Err(CapitationIssueCodes.PolicyBandsInvalid, f + ".upTo", "Band bounds must be positive and ascending."));
                    }

                    last = u.Value;
                }
                else if (i != bands.Count - 1)
                {
                    issues.Add(Err(CapitationIssueCodes.PolicyBandsInvalid, f + ".upTo", "Only the last band may be unbounded."));
                }
            }
        }

        if (rule.OverspendPool is { } pool && pool < Money.Zero)
        {
            issues.Add(Err(CapitationIssueCodes.PolicyValueInvalid, field + ".overspendPool", "The overspend pool must not be negative."));
        }
    }

    public static void CheckScoreBands(IReadOnlyList<ScoreBand> bands, string field, decimal max, List<ValidationIssue> issues)
    {
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i].MinScore is < 0m or > 100m || bands[i].Value < 0m || bands[i].Value > max)
            {
                issues.Add(Err(CapitationIssueCodes.PolicyBandsInvalid, field + "[" + I(i) + "]", "A score band needs minScore 0–100 and a value between 0 and " + max.ToString(CultureInfo.InvariantCulture) + "."));
            }
        }
    }

    private static ValidationIssue Err(string code, string field, string en) => ValidationIssue.Error(code, field, en, en);

    private static string I(int i) => i.ToString(CultureInfo.InvariantCulture);
}
