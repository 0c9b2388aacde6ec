using Microsoft.Extensions.Options;

namespace MedInsurance.Payment.Hosting;

/// <summary>Checks <see cref="ConsortiumOptions"/> at start (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class ConsortiumOptionsValidator : IValidateOptions<ConsortiumOptions>
{
}
