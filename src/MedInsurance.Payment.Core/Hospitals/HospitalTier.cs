namespace MedInsurance.Payment.Hospitals;

/// <summary>医院级别 — the tier of a hospital (一级/二级/三级).</summary>
public enum HospitalTier
{
    /// <summary>未定级 — not rated.</summary>
    Unrated = 0,

    /// <summary>一级 — primary (township and community level).</summary>
    Primary = 1,

    /// <summary>二级 — secondary (county and district level).</summary>
    Secondary = 2,

    /// <summary>三级 — tertiary (city and province level).</summary>
    Tertiary = 3,
}
