using System;
using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Accounts;

/// <summary>
/// 个人账户与门诊共济政策 — a named, versioned regional profile: the dated credit periods, the region's average basic
/// pension the retirees' credit is a share of, which uses each relation may pay from an account, the rounding of a
/// credit, and the outpatient pooled benefit. Load one with <see cref="AccountPolicyLoader"/> or build it here.
/// </summary>
/// <remarks>Immutable and thread-safe; validated when built.</remarks>
public sealed class AccountPolicy
{
    private readonly HashSet<AccountUseRule> _allowed;

    /// <summary>Creates a policy.</summary>
    /// <param name="id">政策编号.</param>
    /// <param name="version">版本.</param>
    /// <param name="name">名称 (may be empty).</param>
    /// <param name="averagePension">基本养老金平均水平 — the region's average monthly basic pension the retirees' share applies to (the reform year's, e.g. 2021).</param>
    /// <param name="averagePensionYear">其年度 — the year of that average (written on every retiree credit).</param>
    /// <param name="periods">计入时段 — at least one, starting on distinct first days of months (sorted here).</param>
    /// <param name="allowedUses">使用范围 — the uses each relation may pay; <see cref="AccountRelation.Other"/> never.</param>
    /// <param name="creditRounding">计入金额舍入 — the rule of a credit (default 四舍五入 to the fen).</param>
    /// <param name="outpatientPooling">普通门诊统筹 — the pooled outpatient benefit, or null when the profile has none.</param>
    /// <exception cref="ArgumentException">When a field is missing or inconsistent.</exception>
    public AccountPolicy(string id, string version, string? name, Money averagePension, int averagePensionYear, IEnumerable<AccountCreditPeriod> periods, IEnumerable<AccountUseRule> allowedUses, RoundingRule? creditRounding, OutpatientPoolingRule? outpatientPooling)
    {
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(version))
        {
            throw new ArgumentException("The policy needs an id and a version.", nameof(id));
        }

        if (averagePension.IsNegative)
        {
            throw new ArgumentException("The average pension must not be negative.", nameof(averagePension));
        }

        var sorted = (periods ?? throw new ArgumentNullException(nameof(periods))).Select(p => p ?? throw new ArgumentException("A credit period is null.", nameof(periods))).OrderBy(p => p.StartMonth).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("At least one credit period is required.", nameof(periods));
        }

        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].StartMonth == sorted[i - 1].StartMonth)
            {
                throw new ArgumentException("Two credit periods start in the same month.", nameof(periods));
            }
        }

        if (sorted.Any(p => p.RetireeShareOfBasis is not null) && averagePension.IsZero)
        {
            throw new ArgumentException("A retirees' share of the average pension needs the average pension.", nameof(averagePension));
        }

        var uses = (allowedUses ?? throw new ArgumentNullException(nameof(allowedUses))).ToArray();
        if (uses.Any(u => u.Relation == AccountRelation.Other || !AccountEnums.IsDefined(u.Relation) || !AccountEnums.IsDefined(u.Use)))
        {
            throw new ArgumentException("Allowed uses name defined relations other than 'other' and defined uses.", nameof(allowedUses));
        }

        if (uses.Any(u => u.Use is AccountUse.PublicHealth or AccountUse.Fitness or AccountUse.Wellness or AccountUse.OutsideBasicInsurance))
        {
            throw new ArgumentException("Public health, fitness, wellness and costs outside basic insurance may not be paid from an account (国办发〔2021〕14号).", nameof(allowedUses));
        }

        if (creditRounding is { Decimals: > 2 })
        {
            throw new ArgumentException("A credit is money: round to the fen or coarser.", nameof(creditRounding));
        }

        Id = id.Trim();
        Version = version.Trim();
        Name = name?.Trim() ?? string.Empty;
        AveragePension = averagePension;
        AveragePensionYear = averagePensionYear;
        Periods = sorted;
        _allowed = new HashSet<AccountUseRule>(uses);
        AllowedUses = _allowed.OrderBy(u => u.Relation).ThenBy(u => u.Use).ToArray();
        CreditRounding = creditRounding ?? RoundingRule.Default;
        OutpatientPooling = outpatientPooling;
    }

    /// <summary>政策编号.</summary>
    public string Id { get; }

    /// <summary>版本.</summary>
    public string Version { get; }

    /// <summary>名称.</summary>
    public string Name { get; }

    /// <summary>基本养老金平均水平 — monthly, the base of the retirees' share.</summary>
    public Money AveragePension { get; }

    /// <summary>The year of <see cref="AveragePension"/>.</summary>
    public int AveragePensionYear { get; }

    /// <summary>计入时段 — sorted by start.</summary>
    public IReadOnlyList<AccountCreditPeriod> Periods { get; }

    /// <summary>使用范围 — sorted by relation, then use.</summary>
    public IReadOnlyList<AccountUseRule> AllowedUses { get; }

    /// <summary>计入金额舍入.</summary>
    public RoundingRule CreditRounding { get; }

    /// <summary>普通门诊统筹, or null.</summary>
    public OutpatientPoolingRule? OutpatientPooling { get; }

    /// <summary>Whether <paramref name="relation"/> may pay <paramref name="use"/> from an account.</summary>
    /// <param name="relation">Who spends.</param>
    /// <param name="use">On what.</param>
    /// <returns>True when allowed.</returns>
    public bool Allows(AccountRelation relation, AccountUse use) => _allowed.Contains(new AccountUseRule(relation, use));

    /// <summary>The period in force in a month, or null before the first one.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <returns>The period or null.</returns>
    public AccountCreditPeriod? PeriodOf(int year, int month)
    {
        var index = (year * 12) + month - 1;
        AccountCreditPeriod? found = null;
        foreach (var period in Periods)
        {
            if (period.StartMonth > index)
            {
                break;
            }

            found = period;
        }

        return found;
    }
}
