using Microsoft.Extensions.Options;

namespace MedInsurance.Payment.Hosting;

/// <summary>Checks <see cref="QualityControlOptions"/> at start (source-generated from its attributes and <c>Validate</c>).</summary>
[OptionsValidator]
internal sealed partial class QualityControlOptionsValidator : IValidateOptions<QualityControlOptions>
{
}
