using Microsoft.Extensions.Options;

namespace MedInsurance.Payment.Hosting;

/// <summary>Checks <see cref="MonitoringOptions"/> at start (source-generated from its attributes and <c>Validate</c>).</summary>
[OptionsValidator]
internal sealed partial class MonitoringOptionsValidator : IValidateOptions<MonitoringOptions>
{
}
