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
/// 示例地区注册 — <c>services.AddMedInsurancePayment().AddDemoRegion().AddDrg().AddDip().AddSettlement()</c>: runs the
/// host registrations on the demo region (示例市) without any file of your own. The host package
/// (<c>MedInsurance.Payment.Extensions.DependencyInjection</c>) does not depend on this one: production hosts configure
/// their region's files and never ship the demo data.
/// </summary>
public static class DemoRegionServiceCollectionExtensions
{
    /// <summary>
    /// Points every unset file option of the DRG, DIP and settlement parts at the demo region's files (written once to a
    /// folder under the temp directory, laid out as a region publishes them). Options set in code or configuration keep
    /// their values (e.g. <c>Dip:Profile</c>, <c>Dip:PointValue</c>); the parts themselves are added with
    /// <c>AddDrg</c>, <c>AddDip</c> and <c>AddSettlement</c>, before or after this call.
    /// </summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddDemoRegion(this IMedInsurancePaymentBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.Services.PostConfigure<DrgOptions>(ConfigureDemo);
        builder.Services.PostConfigure<DipOptions>(ConfigureDemo);
        builder.Services.PostConfigure<SettlementOptions>(ConfigureDemo);
        return builder;
    }

    // Written once per process (the folder is named by the content's hash, so processes share it).
    private static readonly Lazy<string> DemoFolder = new(() => EmbeddedData.ExtractRegionFolder(AuxiliaryListsJson(DemoRegion.Load().DrgRulePack)));

    private static string Folder() => DemoFolder.Value;

    private static void ConfigureDemo(DrgOptions drg)
    {
        if (string.IsNullOrEmpty(drg.RulesFolder))
        {
            var folder = Folder();
            drg.RulesFolder = Path.Combine(folder, "chs-drg");
            drg.Edition = DemoRegion.DrgEdition;
            drg.WeightsFile ??= Path.Combine(folder, "drg-weights.csv");
            drg.BaseRate ??= DemoRegion.Load().DrgBaseRate.Yuan;
        }
    }

    private static void ConfigureDemo(DipOptions dip)
    {
        if (string.IsNullOrEmpty(dip.CatalogFile))
        {
            var folder = Folder();
            dip.CatalogFile = Path.Combine(folder, "dip-catalog.json");
            dip.ProcedureAttributesFile ??= Path.Combine(folder, "procedure-attributes.csv");
            dip.AuxiliaryListsFile ??= Path.Combine(folder, "dip-auxiliary-lists.json");
            dip.HospitalsFile ??= Path.Combine(folder, "hospitals.csv");
            dip.PointValue ??= DemoRegion.Load().DipStartOfYearPointValue.Yuan;
        }
    }

    private static void ConfigureDemo(SettlementOptions settlement)
    {
        if (string.IsNullOrEmpty(settlement.Policy))
        {
            var folder = Folder();
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
