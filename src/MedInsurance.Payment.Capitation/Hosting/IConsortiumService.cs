using System.Collections.Generic;
using MedInsurance.Payment.Consortium;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Capitation;

/// <summary>医共体服务 — settles a consortium year with the registered policy (loaded once). Thread-safe: each
/// <see cref="Settle"/> call has its own state.</summary>
public interface IConsortiumService
{
    /// <summary>The policy.</summary>
    ConsortiumPolicy Policy { get; }

    /// <summary>Settles members' lines and outside claims.</summary>
    /// <param name="members">The members.</param>
    /// <param name="lines">Members' settlement lines.</param>
    /// <param name="outside">Outside claims.</param>
    /// <returns>The result.</returns>
    ConsortiumResult Settle(IEnumerable<ConsortiumMember> members, IEnumerable<SettlementLine> lines, IEnumerable<OutsideClaim> outside);
}
