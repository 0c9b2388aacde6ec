using System;
using System.Collections.Generic;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Hosting;

/// <summary>The clearing service over one policy and the region's hospitals.</summary>
internal sealed class ClearingService : IClearingService
{
    private readonly int _threads;

    public ClearingService(SettlementPolicy policy, IReadOnlyList<SettlementHospital> hospitals, int threads)
    {
        Policy = policy;
        Hospitals = hospitals;
        _threads = threads <= 0 ? Environment.ProcessorCount : threads;
    }

    public SettlementPolicy Policy { get; }

    public IReadOnlyList<SettlementHospital> Hospitals { get; }

    public ClearingResult RunYear(IReadOnlyList<SettlementLine> lines, IReadOnlyList<MonthlyPayment>? monthlyPayments = null) =>
        ClearingEngine.Run(Policy, Hospitals, lines ?? throw new ArgumentNullException(nameof(lines)), monthlyPayments ?? Array.Empty<MonthlyPayment>(), _threads);
}
