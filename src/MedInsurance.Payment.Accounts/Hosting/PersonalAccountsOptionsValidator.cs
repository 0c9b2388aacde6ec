using Microsoft.Extensions.Options;

namespace MedInsurance.Payment.Hosting;

/// <summary>Checks <see cref="PersonalAccountsOptions"/> at start (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class PersonalAccountsOptionsValidator : IValidateOptions<PersonalAccountsOptions>
{
}
