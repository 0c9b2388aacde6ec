using System;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// A part's service, loaded once per service provider from the validated options: the start-up validator loads it (so a
/// malformed file stops the host at start, not on first use) and the service is that same instance.
/// </summary>
/// <typeparam name="TOptions">The part's options.</typeparam>
/// <typeparam name="TService">The part's service.</typeparam>
internal sealed class PartLoad<TOptions, TService>
    where TOptions : class
    where TService : class
{
    private readonly object _gate = new();
    private readonly Func<TOptions, TService> _load;
    private Lazy<TService>? _service;

    public PartLoad(string key, Func<TOptions, TService> load)
    {
        Key = key;
        _load = load;
    }

    /// <summary>The part's configuration key, e.g. <c>MedInsurancePayment:Drg</c>.</summary>
    public string Key { get; }

    // Lazy keeps a load's exception: a file that failed at start fails the same way when the service is resolved.
    public TService Get(TOptions options)
    {
        lock (_gate)
        {
            _service ??= new Lazy<TService>(() => _load(options));
        }

        return _service.Value;
    }
}
