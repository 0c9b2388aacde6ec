namespace MedInsurance.Payment.Hospitals;

/// <summary>医院等次 — the grade within a tier (甲/乙/丙).</summary>
public enum HospitalGrade
{
    /// <summary>未定等 — not graded.</summary>
    Ungraded = 0,

    /// <summary>甲等 — grade A.</summary>
    A = 1,

    /// <summary>乙等 — grade B.</summary>
    B = 2,

    /// <summary>丙等 — grade C.</summary>
    C = 3,
}
