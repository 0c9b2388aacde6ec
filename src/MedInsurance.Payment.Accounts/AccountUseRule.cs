namespace MedInsurance.Payment.Accounts;

/// <summary>个人账户使用许可 — one use a region allows the account to pay for one relation (本人/配偶/父母/子女 × 用途).</summary>
/// <remarks>Immutable.</remarks>
public readonly struct AccountUseRule : System.IEquatable<AccountUseRule>
{
    /// <summary>Creates a permission.</summary>
    /// <param name="relation">使用人关系 — who spends.</param>
    /// <param name="use">用途 — on what.</param>
    public AccountUseRule(AccountRelation relation, AccountUse use)
    {
        Relation = relation;
        Use = use;
    }

    /// <summary>使用人关系 — who spends.</summary>
    public AccountRelation Relation { get; }

    /// <summary>用途 — on what.</summary>
    public AccountUse Use { get; }

    /// <inheritdoc/>
    public bool Equals(AccountUseRule other) => Relation == other.Relation && Use == other.Use;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AccountUseRule other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ((int)Relation * 397) ^ (int)Use;

    /// <summary>Equality.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(AccountUseRule left, AccountUseRule right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(AccountUseRule left, AccountUseRule right) => !left.Equals(right);
}
