using System;
using System.Collections.Generic;
using MedInsurance.Payment.Consortium;
using MedInsurance.Payment.Settlement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedInsurance.Payment.Capitation;

/// <summary>按人头付费服务 — settles a capitation year with the registered policy.</summary>
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

/// <summary>医共体服务 — settles a consortium year with the registered policy.</summary>
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

/// <summary>DI registration of capitation and the consortium package (按人头付费、医共体打包付费).</summary>
public static class CapitationServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ICapitationService"/> over a loaded policy (e.g. <see cref="CapitationPolicyLoader.LoadFile"/>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="policy">The validated policy.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCapitation(this IServiceCollection services, CapitationPolicy policy)
    {
        if (services is null || policy is null)
        {
            throw new ArgumentNullException(services is null ? nameof(services) : nameof(policy));
        }

        services.TryAddSingleton<ICapitationService>(new CapitationService(policy));
        return services;
    }

    /// <summary>Registers <see cref="IConsortiumService"/> over a loaded policy (<see cref="ConsortiumPolicyLoader.LoadFile"/>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="policy">The validated policy.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddConsortium(this IServiceCollection services, ConsortiumPolicy policy)
    {
        if (services is null || policy is null)
        {
            throw new ArgumentNullException(services is null ? nameof(services) : nameof(policy));
        }

        services.TryAddSingleton<IConsortiumService>(new ConsortiumService(policy));
        return services;
    }

    private sealed class CapitationService(CapitationPolicy policy) : ICapitationService
    {
        public CapitationPolicy Policy { get; } = policy;

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

    private sealed class ConsortiumService(ConsortiumPolicy policy) : IConsortiumService
    {
        public ConsortiumPolicy Policy { get; } = policy;

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
}
