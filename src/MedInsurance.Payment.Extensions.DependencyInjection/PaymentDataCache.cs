using System;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// The loaded region data, once per service provider: the start-up validators load it (so a malformed file stops the
/// host at start, not on first use) and the services are built from the same load.
/// </summary>
internal sealed class PaymentDataCache
{
    private readonly object _gate = new();
    private Lazy<DrgGroupingService>? _drg;
    private Lazy<DipScoringService>? _dip;
    private Lazy<ClearingService>? _clearing;

    public DrgGroupingService Drg(MedInsurancePaymentOptions options) => Get(ref _drg, () => PaymentDataLoader.LoadDrg(options));

    public DipScoringService Dip(MedInsurancePaymentOptions options) => Get(ref _dip, () => PaymentDataLoader.LoadDip(options));

    public ClearingService Clearing(MedInsurancePaymentOptions options) => Get(ref _clearing, () => PaymentDataLoader.LoadClearing(options));

    // Lazy keeps a load's exception: a file that failed at start fails the same way when the service is resolved.
    private T Get<T>(ref Lazy<T>? slot, Func<T> load)
    {
        lock (_gate)
        {
            slot ??= new Lazy<T>(load);
        }

        return slot.Value;
    }
}
