namespace MedInsurance.Payment.Hospitals;

/// <summary>医疗机构类别 — the kind of hospital.</summary>
public enum HospitalType
{
    /// <summary>综合医院 — general hospital.</summary>
    General = 0,

    /// <summary>专科医院 — specialist hospital.</summary>
    Specialist = 1,

    /// <summary>中医医院 — traditional Chinese medicine hospital (incl. integrated and ethnic medicine).</summary>
    TraditionalChineseMedicine = 2,

    /// <summary>基层医疗机构 — primary-care institution (township health centre, community health centre).</summary>
    PrimaryCare = 3,
}
