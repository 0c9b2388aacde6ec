using Microsoft.Extensions.Options;

namespace MedInsurance.Payment.Hosting;

/// <summary>Checks <see cref="ChronicDiseaseOptions"/> at start (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class ChronicDiseaseOptionsValidator : IValidateOptions<ChronicDiseaseOptions>
{
}
