using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 住院排序 — the readmission scan's order of stays: by person (the patient hash), admission day and discharge day, then
/// by the hospital's id and the group's code in ordinal order, and last by row. Stays of one person with the same dates
/// (a stay submitted twice, by two hospitals or under two groups) are thereby taken in an order that does not depend on
/// the file's: the first of them is the index stay against which the next stay counts as a readmission (at its hospital,
/// in its discharge month) and as a split admission (its group). The monitor numbers hospitals and groups as they first
/// appear, so comparing those numbers would make the readmission's hospital depend on which hospital's rows came first
/// (docs/monitoring.md, "Overlapping and duplicate stays"). Stays equal but for the row are interchangeable for every
/// count; the row a review lists for them is the lowest. Immutable and thread-safe.
/// </summary>
internal sealed class PersonStayOrder : IComparer<PersonStay>
{
    private readonly int[] _hospitalRanks;
    private readonly int[] _groupRanks;

    /// <summary>The order for the monitor's hospital and group numbers.</summary>
    /// <param name="hospitalRanks">Per hospital number, the place of its id among all the hospitals' ids in ordinal order.</param>
    /// <param name="groupRanks">Per group number, the place of its code among all the group codes in ordinal order.</param>
    public PersonStayOrder(int[] hospitalRanks, int[] groupRanks)
    {
        _hospitalRanks = hospitalRanks ?? throw new ArgumentNullException(nameof(hospitalRanks));
        _groupRanks = groupRanks ?? throw new ArgumentNullException(nameof(groupRanks));
    }

    /// <summary>Negative when <paramref name="x"/> comes first, positive when <paramref name="y"/> does, 0 for the same stay.</summary>
    public int Compare(PersonStay x, PersonStay y)
    {
        var c = x.Patient.CompareTo(y.Patient);
        c = c != 0 ? c : x.Admission.CompareTo(y.Admission);
        c = c != 0 ? c : x.Discharge.CompareTo(y.Discharge);
        if (c != 0)
        {
            return c;
        }

        if (x.Hospital != y.Hospital)
        {
            return _hospitalRanks[x.Hospital].CompareTo(_hospitalRanks[y.Hospital]);
        }

        return x.Group != y.Group ? _groupRanks[x.Group].CompareTo(_groupRanks[y.Group]) : x.Row.CompareTo(y.Row);
    }
}
