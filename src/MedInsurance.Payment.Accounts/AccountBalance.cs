using System;

namespace MedInsurance.Payment.Accounts;

/// <summary>
/// 个人账户余额 — the state of one account after its postings: credited and debited totals and the balance, which is
/// always credited − debited and never negative, and the date of the last posting.
/// </summary>
/// <remarks>Immutable; <see cref="AccountPosting"/> returns a new one for each posting.</remarks>
public readonly struct AccountBalance : IEquatable<AccountBalance>
{
    /// <summary>Creates a state (an opening balance carried over from a previous year counts as credited).</summary>
    /// <param name="accountId">个人账户编号.</param>
    /// <param name="credited">累计计入 (including an opening balance), ≥ 0.</param>
    /// <param name="debited">累计支出, ≥ 0 and ≤ credited.</param>
    /// <param name="lastPosting">上次记账日期, or null.</param>
    /// <exception cref="ArgumentException">When the totals are negative or the balance would be.</exception>
    public AccountBalance(string accountId, Money credited, Money debited, CalendarDate? lastPosting)
    {
        if (credited.IsNegative || debited.IsNegative || debited > credited)
        {
            throw new ArgumentException("Credited and debited must not be negative and debited must not exceed credited.", nameof(debited));
        }

        AccountId = accountId ?? string.Empty;
        Credited = credited;
        Debited = debited;
        LastPosting = lastPosting;
    }

    /// <summary>个人账户编号.</summary>
    public string AccountId { get; }

    /// <summary>累计计入.</summary>
    public Money Credited { get; }

    /// <summary>累计支出.</summary>
    public Money Debited { get; }

    /// <summary>余额 = 计入 − 支出, never negative.</summary>
    public Money Balance => Credited - Debited;

    /// <summary>上次记账日期.</summary>
    public CalendarDate? LastPosting { get; }

    /// <summary>An empty account.</summary>
    /// <param name="accountId">The account id.</param>
    /// <returns>A zero state.</returns>
    public static AccountBalance Open(string accountId) => new(accountId, Money.Zero, Money.Zero, null);

    /// <inheritdoc/>
    public bool Equals(AccountBalance other) =>
        string.Equals(AccountId, other.AccountId, StringComparison.Ordinal) && Credited == other.Credited && Debited == other.Debited && Nullable.Equals(LastPosting, other.LastPosting);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AccountBalance other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (AccountId?.GetHashCode() ?? 0) ^ Credited.GetHashCode() ^ (Debited.GetHashCode() * 31);

    /// <summary>Equality.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(AccountBalance left, AccountBalance right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(AccountBalance left, AccountBalance right) => !left.Equals(right);
}
