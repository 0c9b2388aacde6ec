using System;

namespace MedInsurance.Payment.Accounts;

/// <summary>
/// 个人账户计入规则（分时段） — how accounts are credited from a date on: active employees a share of their own contribution
/// base (and, before the reform, a share transferred from the employer's contribution), retirees a fixed monthly amount —
/// either a share of the region's average basic pension or a given amount. Periods change on the first day of a month.
/// </summary>
/// <remarks>
/// Reform rule (国办发〔2021〕14号, "改进个人账户计入办法"): "在职职工个人账户由个人缴纳的基本医疗保险费计入，计入标准原则上控制在本人参保缴费
/// 基数的2%，单位缴纳的基本医疗保险费全部计入统筹基金；退休人员个人账户原则上由统筹基金按定额划入，划入额度逐步调整到统筹地区根据本意见实施改革
/// 当年基本养老金平均水平的2%左右". The dates and rates of a region (e.g. Inner Mongolia: employer share wholly pooled and
/// retirees 3% from 2022-10-01, 2% from 2023-01-01) are profile data. Immutable and thread-safe.
/// </remarks>
public sealed class AccountCreditPeriod
{
    /// <summary>Creates a period.</summary>
    /// <param name="from">起始日期 — the first day of a month from which the rule applies.</param>
    /// <param name="activeOwnRate">在职个人缴费计入比例 — share of the contribution base credited from the employee's own contribution (0–1).</param>
    /// <param name="activeEmployerRate">单位缴费划入比例 — share of the contribution base transferred from the employer's contribution (0 after the reform).</param>
    /// <param name="retireeShareOfBasis">退休人员划入比例 — share of the region's average basic pension credited monthly; null when <paramref name="retireeFixed"/> is given.</param>
    /// <param name="retireeFixed">退休人员定额 — a given monthly amount; null when the share applies.</param>
    /// <param name="source">依据 — the rule text or local document (written on every credit of the period).</param>
    /// <exception cref="ArgumentException">When the date is not the first of a month, a rate is outside 0–1, or not exactly one retiree form is given.</exception>
    public AccountCreditPeriod(CalendarDate from, Ratio activeOwnRate, Ratio activeEmployerRate, Ratio? retireeShareOfBasis, Money? retireeFixed, string? source)
    {
        if (from.Day != 1)
        {
            throw new ArgumentException("A credit period starts on the first day of a month.", nameof(from));
        }

        foreach (var (rate, name) in new[] { (activeOwnRate, nameof(activeOwnRate)), (activeEmployerRate, nameof(activeEmployerRate)), (retireeShareOfBasis ?? default, nameof(retireeShareOfBasis)) })
        {
            if (rate.Value < 0m || rate.Value > 1m)
            {
                throw new ArgumentException("A rate must be between 0 and 1.", name);
            }
        }

        if ((retireeShareOfBasis is null) == (retireeFixed is null))
        {
            throw new ArgumentException("Give either the retirees' share of the average pension or a fixed amount, not both or neither.", nameof(retireeShareOfBasis));
        }

        if (retireeFixed is { IsNegative: true })
        {
            throw new ArgumentException("The retirees' fixed amount must not be negative.", nameof(retireeFixed));
        }

        From = from;
        ActiveOwnRate = activeOwnRate;
        ActiveEmployerRate = activeEmployerRate;
        RetireeShareOfBasis = retireeShareOfBasis;
        RetireeFixed = retireeFixed;
        Source = source?.Trim() ?? string.Empty;
    }

    /// <summary>起始日期 — the first day of the first month the rule applies to.</summary>
    public CalendarDate From { get; }

    /// <summary>在职个人缴费计入比例 — share of the contribution base from the employee's own contribution.</summary>
    public Ratio ActiveOwnRate { get; }

    /// <summary>单位缴费划入比例 — share of the contribution base transferred from the employer's contribution.</summary>
    public Ratio ActiveEmployerRate { get; }

    /// <summary>退休人员划入比例 — share of the region's average basic pension, or null.</summary>
    public Ratio? RetireeShareOfBasis { get; }

    /// <summary>退休人员定额 — a given monthly amount, or null.</summary>
    public Money? RetireeFixed { get; }

    /// <summary>依据 — where the rule comes from.</summary>
    public string Source { get; }

    /// <summary>The month index (year × 12 + month − 1) the period starts at.</summary>
    internal int StartMonth => (From.Year * 12) + From.Month - 1;
}
