namespace MedInsurance.Payment.Accounts;

/// <summary>Whether an enum value is one of the named ones (the same code on every target framework).</summary>
internal static class AccountEnums
{
    public static bool IsDefined(AccountRelation relation) => relation is AccountRelation.Self or AccountRelation.Spouse or AccountRelation.Parent or AccountRelation.Child or AccountRelation.Other;

    public static bool IsDefined(AccountUse use) => use is AccountUse.DesignatedProviderOwnPay or AccountUse.DesignatedPharmacyPurchase or AccountUse.ResidentInsuranceContribution
        or AccountUse.SupplementaryInsuranceContribution or AccountUse.PublicHealth or AccountUse.Fitness or AccountUse.Wellness or AccountUse.OutsideBasicInsurance;
}
