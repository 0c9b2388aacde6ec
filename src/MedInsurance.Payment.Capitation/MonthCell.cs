namespace MedInsurance.Payment.Capitation;

/// <summary>
/// 登记月份格 — what a claim needs of a person's enrolment in one month, packed in 32 bits: the institution's index in
/// <see cref="CapitationRoster.Institutions"/> (bits 3–31), the class's fund (bits 1–2) and whether the row counts
/// under the policy's basis (bit 0); <see cref="Empty"/> when the person has no accepted row that month.
/// </summary>
internal static class MonthCell
{
    /// <summary>No accepted enrolment in the month.</summary>
    public const uint Empty = uint.MaxValue;

    /// <summary>The most institutions a cell can name.</summary>
    public const int MaxInstitutions = (int)(Empty >> 3);

    /// <summary>Packs a cell.</summary>
    /// <param name="institution">The institution index (below <see cref="MaxInstitutions"/>).</param>
    /// <param name="fund">The fund (0–2).</param>
    /// <param name="counted">Whether the row counts.</param>
    /// <returns>The cell.</returns>
    public static uint Pack(int institution, int fund, bool counted) => ((uint)institution << 3) | ((uint)fund << 1) | (counted ? 1u : 0u);

    /// <summary>The institution index.</summary>
    /// <param name="cell">A non-empty cell.</param>
    /// <returns>The index.</returns>
    public static int Institution(uint cell) => (int)(cell >> 3);

    /// <summary>The fund.</summary>
    /// <param name="cell">A non-empty cell.</param>
    /// <returns>The fund (0–2).</returns>
    public static int Fund(uint cell) => (int)((cell >> 1) & 3);

    /// <summary>Whether the row counts under the basis.</summary>
    /// <param name="cell">A non-empty cell.</param>
    /// <returns>Whether it counts.</returns>
    public static bool Counted(uint cell) => (cell & 1) != 0;
}
