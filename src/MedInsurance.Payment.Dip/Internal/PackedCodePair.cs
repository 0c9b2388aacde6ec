using System;

namespace MedInsurance.Payment.Dip.Internal;

/// <summary>
/// A (diagnosis key, procedure key) pair packed losslessly into 128 bits — lengths and 7-bit characters — so the
/// core-group lookup compares two integers instead of two strings. Only pairs of ASCII codes with a diagnosis key
/// of at most 5 and a procedure key of at most 12 characters pack; equal pairs pack to equal values and, the packing
/// being injective, different pairs to different values.
/// </summary>
internal readonly struct PackedCodePair : IEquatable<PackedCodePair>
{
    public const int MaxDiagnosisLength = 5;
    public const int MaxProcedureLength = 12;

    private readonly ulong _low;
    private readonly ulong _high;

    private PackedCodePair(ulong low, ulong high)
    {
        _low = low;
        _high = high;
    }

    /// <summary>
    /// Packs the first <paramref name="diagnosisLength"/> characters of <paramref name="diagnosis"/> and the first
    /// <paramref name="procedureLength"/> of <paramref name="procedure"/>. Layout: low = 5 diagnosis characters
    /// (bits 0–34), diagnosis length (35–37), procedure length (38–41), procedure characters 0–2 (42–62);
    /// high = procedure characters 3–11 (bits 0–62).
    /// </summary>
    public static bool TryPack(string diagnosis, int diagnosisLength, string procedure, int procedureLength, out PackedCodePair key)
    {
        key = default;
        if (diagnosisLength > MaxDiagnosisLength || procedureLength > MaxProcedureLength)
        {
            return false;
        }

        ulong low = 0;
        for (var i = 0; i < diagnosisLength; i++)
        {
            var c = diagnosis[i];
            if (c >= 128)
            {
                return false;
            }

            low |= (ulong)c << (7 * i);
        }

        low |= ((ulong)diagnosisLength << 35) | ((ulong)procedureLength << 38);
        ulong high = 0;
        for (var i = 0; i < procedureLength; i++)
        {
            var c = procedure[i];
            if (c >= 128)
            {
                return false;
            }

            if (i < 3)
            {
                low |= (ulong)c << (42 + (7 * i));
            }
            else
            {
                high |= (ulong)c << (7 * (i - 3));
            }
        }

        key = new PackedCodePair(low, high);
        return true;
    }

    /// <summary>Whether this is the default value, which no packed pair equals (a packed pair has a non-zero length).</summary>
    public bool IsEmpty => _low == 0 && _high == 0;

    /// <summary>Packs a procedure code alone (empty diagnosis): the key of per-procedure tables.</summary>
    public static bool TryPackProcedure(string procedure, int procedureLength, out PackedCodePair key) =>
        TryPack(string.Empty, 0, procedure, procedureLength, out key);

    /// <summary>Packs a diagnosis prefix alone (empty procedure).</summary>
    public static bool TryPackDiagnosis(string diagnosis, int diagnosisLength, out PackedCodePair key) =>
        TryPack(diagnosis, diagnosisLength, string.Empty, 0, out key);

    public bool Equals(PackedCodePair other) => _low == other._low && _high == other._high;

    public override bool Equals(object? obj) => obj is PackedCodePair other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            var h = (_low * 0x9E3779B97F4A7C15UL) ^ (_high * 0xC2B2AE3D27D4EB4FUL);
            h ^= h >> 29;
            return (int)h ^ (int)(h >> 32);
        }
    }
}
