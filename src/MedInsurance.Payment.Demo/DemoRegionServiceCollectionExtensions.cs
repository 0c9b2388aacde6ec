using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.Drg.Rules;
using MedInsurance.Payment.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 示例地区注册 — <c>services.AddDemoRegion()</c>: runs the host package on the demo region (示例市) without any file of
/// your own. The host package (<c>MedInsurance.Payment.Extensions.DependencyInjection</c>) does not depend on this one:
/// production hosts configure their region's files and never ship the demo data.
/// </summary>
public static class DemoRegionServiceCollectionExtensions
{
    /// <summary>
    /// Points every unset file option of <see cref="MedInsurancePaymentOptions"/> at the demo region's files (written once
    /// to a folder under the temp directory, laid out as a region publishes them) and sets <c>Region</c> to <c>demo</c>.
    /// Options set in code or configuration keep their values (e.g. <c>Dip:Profile</c>, <c>Dip:PointValue</c>). Call it
    /// with <c>AddMedInsurancePayment</c> or the per-part registrations, in any order.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddDemoRegion(this IServiceCollection services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.AddOptions<MedInsurancePaymentOptions>().Configure(ConfigureDemo);
        return services;
    }

    private static void ConfigureDemo(MedInsurancePaymentOptions options)
    {
        var demo = DemoRegion.Load();
        var folder = EmbeddedData.ExtractRegionFolder(AuxiliaryListsJson(demo.DrgRulePack));
        if (string.IsNullOrEmpty(options.Region))
        {
            options.Region = "demo";
        }

        var drg = options.Drg;
        if (string.IsNullOrEmpty(drg.RulesFolder))
        {
            drg.RulesFolder = Path.Combine(folder, "chs-drg");
            drg.Edition = DemoRegion.DrgEdition;
            drg.WeightsFile ??= Path.Combine(folder, "drg-weights.csv");
            drg.BaseRate ??= demo.DrgBaseRate.Yuan;
        }

        var dip = options.Dip;
        if (string.IsNullOrEmpty(dip.CatalogFile))
        {
            dip.CatalogFile = Path.Combine(folder, "dip-catalog.json");
            dip.ProcedureAttributesFile ??= Path.Combine(folder, "procedure-attributes.csv");
            dip.AuxiliaryListsFile ??= Path.Combine(folder, "dip-auxiliary-lists.json");
            dip.HospitalsFile ??= Path.Combine(folder, "hospitals.csv");
            dip.PointValue ??= demo.DipStartOfYearPointValue.Yuan;
        }

        var settlement = options.Settlement;
        if (string.IsNullOrEmpty(settlement.Policy))
        {
            settlement.Policy = Path.Combine(folder, "settlement-policy.json");
            settlement.HospitalsFile ??= Path.Combine(folder, "hospitals.csv");
        }
    }

    /// <summary>The demo's DIP severity lists: the CC and MCC diagnoses of its DRG rule pack (as <see cref="DemoRegion.AuxiliaryTyping"/>).</summary>
    private static string AuxiliaryListsJson(RulePack pack)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("cc");
            foreach (var code in pack.Complications.Values.Where(c => c.Level == ComplicationLevel.Cc).Select(c => c.Code))
            {
                writer.WriteStringValue(code);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("mcc");
            foreach (var code in pack.Complications.Values.Where(c => c.Level == ComplicationLevel.Mcc).Select(c => c.Code))
            {
                writer.WriteStringValue(code);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
