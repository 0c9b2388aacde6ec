using System;
using System.Collections.Generic;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Hosting;

/// <summary>The capitation service over one policy: a calculation per call, claims added in blocks.</summary>
internal sealed class CapitationService(CapitationPolicy policy) : ICapitationService
{
    public CapitationPolicy Policy { get; } = policy ?? throw new ArgumentNullException(nameof(policy));

    public CapitationResult Settle(IEnumerable<RosterEntry> roster, IEnumerable<OutpatientClaim> claims, IEnumerable<SettlementHospital>? institutions)
    {
        var calculation = new CapitationCalculation(CapitationRoster.Build(Policy, roster));
        var batch = new List<OutpatientClaim>(4_096);
        foreach (var claim in claims ?? throw new ArgumentNullException(nameof(claims)))
        {
            batch.Add(claim);
            if (batch.Count == batch.Capacity)
            {
                calculation.AddRange(batch);
                batch.Clear();
            }
        }

        calculation.AddRange(batch);
        return calculation.Complete(institutions);
    }
}
