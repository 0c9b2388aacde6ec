using Microsoft.Extensions.Options;

namespace MedInsurance.Payment.Hosting;

/// <summary>Checks <see cref="DrgOptions"/> at start (source-generated from its attributes and <c>Validate</c>).</summary>
[OptionsValidator]
internal sealed partial class DrgOptionsValidator : IValidateOptions<DrgOptions>
{
}
