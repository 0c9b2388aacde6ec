using System.Collections.Generic;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Capitation;

/// <summary>按人头付费服务 — settles a capitation year with the registered policy (loaded once). Thread-safe: each
/// <see cref="Settle"/> call has its own state.</summary>
public interface ICapitationService
{
    /// <summary>The policy.</summary>
    CapitationPolicy Policy { get; }

    /// <summary>Builds the roster, streams the claims and prices the year.</summary>
    /// <param name="roster">The roster rows.</param>
    /// <param name="claims">The claims (enumerated once; not kept).</param>
    /// <param name="institutions">Assessment scores, deductions and advances, or null.</param>
    /// <returns>The result; rejected claims are counted in <see cref="CapitationSummary.ClaimsRejected"/>.</returns>
    CapitationResult Settle(IEnumerable<RosterEntry> roster, IEnumerable<OutpatientClaim> claims, IEnumerable<SettlementHospital>? institutions);
}
