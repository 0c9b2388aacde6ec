using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.IO;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary>
/// A payment method registers itself in one file of its own package, as AddDrg, AddDip and AddSettlement do: an options
/// class, a source-generated validator and one call to <see cref="PaymentPartRegistration.AddPart{TOptions, TValidator, TService}"/>.
/// This test plays such a package (a day-surgery price list read from a file) and checks what the host gets.
/// </summary>
public sealed class CustomPartTests
{
    [Fact]
    public void A_new_part_binds_validates_and_loads_at_start_like_the_built_in_ones()
    {
        var file = Path.Combine(Path.GetTempPath(), "medpay-day-surgery-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(file, "code,price\n47.0100,3000.00\n");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MedInsurancePayment:DaySurgery:PriceFile"] = file,
            }).Build();
            var services = new ServiceCollection();
            services.AddMedInsurancePayment(configuration.GetSection("MedInsurancePayment")).AddDaySurgery();
            using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();
            Assert.Equal(Money.FromYuan(3_000m), provider.GetRequiredService<DaySurgeryPrices>().Price("47.0100"));
            Assert.Equal(1, DaySurgeryPrices.Loads); // the start-up validation's load is the service

            File.WriteAllText(file, "code,price\n47.0100,three thousand\n");
            var broken = new ServiceCollection();
            broken.AddMedInsurancePayment(configuration.GetSection("MedInsurancePayment")).AddDaySurgery();
            using var brokenProvider = broken.BuildServiceProvider();
            var error = Assert.Throws<OptionsValidationException>(() => brokenProvider.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains("MedInsurancePayment:DaySurgery: the configured files do not load: " + file + ":2: price", error.Message, StringComparison.Ordinal);

            var missing = new ServiceCollection();
            missing.AddMedInsurancePayment().AddDaySurgery(o => o.PriceFile = file + ".gone");
            using var missingProvider = missing.BuildServiceProvider();
            error = Assert.Throws<OptionsValidationException>(() => missingProvider.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains("MedInsurancePayment:DaySurgery: ", error.Message, StringComparison.Ordinal);
            Assert.Contains("MedInsurancePayment:DaySurgery: PriceFile: file not found: " + file + ".gone", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>The one registration file of the imagined package.</summary>
internal static class DaySurgeryRegistration
{
    public static IMedInsurancePaymentBuilder AddDaySurgery(this IMedInsurancePaymentBuilder builder, Action<DaySurgeryOptions>? configure = null) =>
        builder.AddPart<DaySurgeryOptions, DaySurgeryOptionsValidator, DaySurgeryPrices>("DaySurgery", configure, DaySurgeryPrices.Load);
}

internal sealed class DaySurgeryOptions
{
    [Required]
    [ExistingFile]
    public string? PriceFile { get; set; }
}

[OptionsValidator]
internal sealed partial class DaySurgeryOptionsValidator : IValidateOptions<DaySurgeryOptions>
{
}

internal sealed class DaySurgeryPrices
{
    private readonly Dictionary<string, Money> _prices;

    private DaySurgeryPrices(Dictionary<string, Money> prices) => _prices = prices;

    public static int Loads { get; private set; }

    public Money Price(string code) => _prices[code];

    public static DaySurgeryPrices Load(DaySurgeryOptions options)
    {
        var prices = new Dictionary<string, Money>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(options.PriceFile!);
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (!decimal.TryParse(cells[1], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var yuan))
            {
                throw new InvalidDataException(options.PriceFile + ":" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ": price is not a number");
            }

            prices[cells[0]] = Money.FromYuan(yuan);
        }

        Loads++;
        return new DaySurgeryPrices(prices);
    }
}
