using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
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

/// <summary>
/// Maps JSON paths (<c>classes[1].standard</c>) to the 1-based line where the property (or array element) starts, so a
/// validation error names the file, line and field.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public JsonLineMap(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var newlines = new List<long>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        int LineOf(long offset)
        {
            var index = newlines.BinarySearch(offset);
            return (index < 0 ? ~index : index) + 1;
        }

        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var stack = new Stack<(string Path, bool IsArray, int Next)>();
            string? pending = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var parent = stack.Count == 0 ? string.Empty : stack.Peek().Path;
                        pending = (parent.Length == 0 ? string.Empty : parent + ".") + reader.GetString();
                        Record(pending, LineOf(reader.TokenStartIndex));
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var path = ElementPath(stack, ref pending, LineOf(reader.TokenStartIndex));
                        stack.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.Pop();
                        break;
                    default:
                        ElementPath(stack, ref pending, LineOf(reader.TokenStartIndex));
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The deserializer reports malformed JSON with its own line.
        }

        string ElementPath(Stack<(string Path, bool IsArray, int Next)> stack, ref string? pending, int line)
        {
            if (stack.Count > 0 && stack.Peek().IsArray)
            {
                var top = stack.Pop();
                var element = top.Path + "[" + top.Next.ToString(CultureInfo.InvariantCulture) + "]";
                stack.Push((top.Path, true, top.Next + 1));
                Record(element, line);
                return element;
            }

            var p = pending ?? string.Empty;
            pending = null;
            return p;
        }
    }

    /// <summary>The line of a path, or of its nearest recorded parent; 1 when unknown.</summary>
    public int LineOf(string field)
    {
        var f = field;
        while (f.Length > 0)
        {
            if (_lines.TryGetValue(f, out var line))
            {
                return line;
            }

            var cut = Math.Max(f.LastIndexOf('.'), f.LastIndexOf('['));
            f = cut <= 0 ? string.Empty : f.Substring(0, cut);
        }

        return 1;
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming source, line, field and code of each error.</summary>
    public void ThrowIfErrors(string source, string what, IReadOnlyList<ValidationIssue> issues)
    {
        var errors = issues.Where(i => i.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidDataException(source + ": invalid " + what + ": " + string.Join("; ", errors.Select(e =>
                "line " + LineOf(e.Field).ToString(CultureInfo.InvariantCulture) + ", field " + e.Field + ": " + e.MessageEn + " (" + e.Code + ")")));
        }
    }

    private void Record(string path, int line)
    {
        if (!_lines.ContainsKey(path))
        {
            _lines[path] = line;
        }
    }
}
