using System;
using System.Collections.Generic;
using System.Globalization;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Outpatient;

/// <summary>The field-named checks the combination table and the chronic-disease policy loaders share.</summary>
internal sealed class PolicyChecks
{
    private readonly List<ValidationIssue> _issues = [];

    public IReadOnlyList<ValidationIssue> Issues => _issues;

    public static string At(string list, int index) => list + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public void Required(string field) =>
        _issues.Add(ValidationIssue.Error(OutpatientIssueCodes.PolicyFieldRequired, field, "缺少必填字段 " + field, "The field is required."));

    public void Invalid(string field, string en) =>
        _issues.Add(ValidationIssue.Error(OutpatientIssueCodes.PolicyValueInvalid, field, en, en));

    public void Duplicated(string field, string en) =>
        _issues.Add(ValidationIssue.Error(OutpatientIssueCodes.PolicyCodeDuplicated, field, en, en));

    public string Text(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Required(field);
            return string.Empty;
        }

        return text!.Trim();
    }

    public Money Yuan(decimal? yuan, string field)
    {
        if (yuan is not { } y)
        {
            Required(field);
            return Money.Zero;
        }

        if (y < 0m || decimal.Round(y, 2, MidpointRounding.AwayFromZero) != y || y > 999_999_999_999m)
        {
            Invalid(field, "The amount must be at least 0 and exact to the fen.");
            return Money.Zero;
        }

        return Money.FromYuan(y);
    }

    public decimal Share(decimal? share, string field)
    {
        if (share is not { } s)
        {
            Required(field);
            return 0m;
        }

        if (s < 0m || s > 1m)
        {
            Invalid(field, "A fund share must be between 0 and 1.");
            return 0m;
        }

        return s;
    }

    /// <summary>Fund shares for employee and resident (both required).</summary>
    public IReadOnlyDictionary<InsuranceFund, decimal> Shares(Dictionary<string, decimal>? shares, string field)
    {
        var result = new Dictionary<InsuranceFund, decimal>();
        if (shares is null)
        {
            Required(field);
            return result;
        }

        foreach (var pair in shares)
        {
            if (!OutpatientCsv.TryFund(pair.Key, out var fund))
            {
                Invalid(field + "." + pair.Key, "A fund must be employee (职工) or resident (居民).");
                continue;
            }

            result[fund] = Share(pair.Value, field + "." + pair.Key);
        }

        foreach (var fund in new[] { InsuranceFund.Employee, InsuranceFund.Resident })
        {
            if (!result.ContainsKey(fund))
            {
                Required(field + "." + (fund == InsuranceFund.Employee ? "employee" : "resident"));
            }
        }

        return result;
    }

    /// <summary>A <c>yyyy-MM-dd</c> date as <c>yyyyMMdd</c>; <paramref name="fallback"/> when absent.</summary>
    public int Date(string? text, string field, int? fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (fallback is { } f)
            {
                return f;
            }

            Required(field);
            return 0;
        }

        var key = Dates.Parse(text);
        if (key == 0)
        {
            Invalid(field, "A date must be written yyyy-MM-dd.");
        }

        return key;
    }

    /// <summary>Checks from ≤ to.</summary>
    public void Range(int from, int to, string field)
    {
        if (from > 0 && to > 0 && from > to)
        {
            Invalid(field + ".to", "The end date is before the start date.");
        }
    }

    /// <summary>A list of codes (exact, or a prefix ending in <c>*</c>), at least one, none blank.</summary>
    public IReadOnlyList<string> Codes(List<string>? codes, string field)
    {
        if (codes is null || codes.Count == 0)
        {
            Required(field);
            return [];
        }

        var result = new List<string>(codes.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i]?.Trim() ?? string.Empty;
            if (code.Length == 0 || code == "*" || code.IndexOf('*') is var star && star >= 0 && star != code.Length - 1)
            {
                Invalid(At(field, i), "A code must be non-empty; a prefix ends with a single * (e.g. 86.3*).");
                continue;
            }

            result.Add(code);
        }

        return result;
    }
}
