using System;
using System.Linq;
using Microsoft.Extensions.Options;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// Validates a part's options at start: first the part's own validator (required values, ranges, files that exist); when
/// that passes, loads the part's files, so a malformed file fails here with the key and the loader's file, line and field.
/// </summary>
/// <typeparam name="TOptions">The part's options.</typeparam>
/// <typeparam name="TValidator">The part's validator.</typeparam>
/// <typeparam name="TService">The part's service.</typeparam>
internal sealed class PartValidator<TOptions, TValidator, TService> : IValidateOptions<TOptions>
    where TOptions : class
    where TValidator : class, IValidateOptions<TOptions>, new()
    where TService : class
{
    private readonly PartLoad<TOptions, TService> _load;

    public PartValidator(PartLoad<TOptions, TService> load) => _load = load;

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var shape = new TValidator().Validate(name, options);
        if (shape.Failed)
        {
            return ValidateOptionsResult.Fail(shape.Failures.Select(f => _load.Key + ": " + f));
        }

        try
        {
            _load.Get(options);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ValidateOptionsResult.Fail(_load.Key + ": the configured files do not load: " + e.Message);
        }

        return ValidateOptionsResult.Success;
    }
}
