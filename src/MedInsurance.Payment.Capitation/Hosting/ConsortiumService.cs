using System;
using System.Collections.Generic;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Consortium;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Hosting;

/// <summary>The consortium service over one policy: a calculation per call.</summary>
internal sealed class ConsortiumService(ConsortiumPolicy policy) : IConsortiumService
{
    public ConsortiumPolicy Policy { get; } = policy ?? throw new ArgumentNullException(nameof(policy));

    public ConsortiumResult Settle(IEnumerable<ConsortiumMember> members, IEnumerable<SettlementLine> lines, IEnumerable<OutsideClaim> outside)
    {
        var calculation = new ConsortiumCalculation(Policy, members);
        foreach (var line in lines ?? throw new ArgumentNullException(nameof(lines)))
        {
            calculation.AddLine(line);
        }

        foreach (var claim in outside ?? [])
        {
            calculation.AddOutside(claim);
        }

        return calculation.Complete();
    }
}
