namespace MedInsurance.Payment.Accounts;

/// <summary>参保状态 — whether the account holder is an active employee or retired; each is credited by its own rule.</summary>
public enum AccountHolderStatus
{
    /// <summary>在职职工 — credited a share of the holder's own contribution base (缴费基数).</summary>
    Active = 1,

    /// <summary>退休人员 — credited a fixed monthly amount, a share of the region's average basic pension.</summary>
    Retired = 2,
}
