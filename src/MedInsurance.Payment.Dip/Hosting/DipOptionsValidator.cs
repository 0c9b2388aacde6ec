using Microsoft.Extensions.Options;

namespace MedInsurance.Payment.Hosting;

/// <summary>Checks <see cref="DipOptions"/> at start (source-generated from its attributes and <c>Validate</c>).</summary>
[OptionsValidator]
internal sealed partial class DipOptionsValidator : IValidateOptions<DipOptions>
{
}
