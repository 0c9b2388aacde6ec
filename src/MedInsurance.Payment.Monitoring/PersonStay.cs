using System.Runtime.InteropServices;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// One stay of a person, compact (32 bytes): the 64-bit hash of the patient id, admission and discharge day numbers,
/// hospital, group and related-group indexes, and the case's row. The readmission scan sorts these (<see cref="PersonStayOrder"/>); with 10 000 000
/// cases that is 320 MB, kept in chunks by <see cref="PersonStayBook"/>: the one memory cost that grows with cases (docs/monitoring.md).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct PersonStay
{
    public PersonStay(ulong patient, int admission, int discharge, int hospital, int group, int related, int row)
    {
        Patient = patient;
        Admission = admission;
        Discharge = discharge;
        Hospital = hospital;
        Group = group;
        Related = related;
        Row = row;
    }

    public ulong Patient { get; }

    public int Admission { get; }

    public int Discharge { get; }

    public int Hospital { get; }

    public int Group { get; }

    public int Related { get; }

    public int Row { get; }

    /// <summary>FNV-1a, 64 bits, over the id's UTF-16 code units: a collision between two of 10 000 000 people has a
    /// probability of about 3 × 10⁻⁶ per run.</summary>
    public static ulong Hash(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in id)
        {
            hash = unchecked((hash ^ ch) * 1099511628211UL);
        }

        return hash;
    }
}
