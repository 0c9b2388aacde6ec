using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// Loads the configured region data once into the services. Loaders never compute payments; a bad file is a
/// configuration error and throws with the file, line and field to fix.
/// </summary>
internal static class PaymentDataLoader
{
    public static DrgGroupingService LoadDrg(MedInsurancePaymentOptions options)
    {
        var drg = options.Drg;
        var national = DrgPolicy.National;
        var policy = drg.AmbiguousGroupCheck is bool check
            ? new DrgPolicy { Name = national.Name, Version = national.Version, AmbiguousGroupCheck = check }
            : national;

        var pack = RuleTextLoader.Load(drg.RulesFolder!, drg.Edition).Pack;
        IReadOnlyDictionary<string, RelativeWeight> weights = new Dictionary<string, RelativeWeight>();
        if (drg.WeightsFile is { } file)
        {
            using var reader = new StreamReader(file, new UTF8Encoding(false));
            weights = DrgWeightTable.Read(reader, file);
        }

        var rate = drg.BaseRate is decimal r ? new PointValue(r) : (PointValue?)null;
        return new DrgGroupingService(pack, policy, weights, rate);
    }

    public static DipScoringService LoadDip(MedInsurancePaymentOptions options)
    {
        var dip = options.Dip;
        var profile = DipPolicyProfiles.TryGetBuiltIn(dip.Profile, out var builtIn) ? builtIn : DipPolicyProfiles.ReadFile(dip.Profile);

        var catalog = DipCatalogFiles.ReadFile(dip.CatalogFile!);
        var attributes = ProcedureAttributeTable.Empty;
        if (dip.ProcedureAttributesFile is { } attributesFile)
        {
            using var reader = new StreamReader(attributesFile, new UTF8Encoding(false));
            attributes = ProcedureAttributeTable.ReadCsv(reader, attributesFile);
        }

        var hospitals = new Dictionary<string, DipHospitalContext>(StringComparer.Ordinal);
        foreach (var record in HospitalCsvReader.ReadFile(dip.HospitalsFile!))
        {
            var row = RequireValid(record, dip.HospitalsFile!);
            if (!DipHospitalContext.TryFromColumns(row.Hospital.Level, row.GetExtra("coefficient"), row.GetExtra("coefficient_bonus"), out var context, out var problems))
            {
                throw new InvalidDataException(dip.HospitalsFile + " row " + record.RowNumber.ToString(CultureInfo.InvariantCulture) + ": "
                    + string.Join("; ", problems.Select(i => i.ToCompactString() + " " + i.MessageEn)));
            }

            hospitals[row.Hospital.Id] = context;
        }

        var pointValue = dip.PointValue is decimal p ? new PointValue(p) : (PointValue?)null;
        var typing = dip.AuxiliaryListsFile is { } listsFile
            ? DipAuxiliaryTypingData.FromJson(File.ReadAllText(listsFile, Encoding.UTF8), listsFile)
            : DipAuxiliaryTypingData.None;
        var scorer = new DipScorer(catalog, profile, attributes, typing, pointValue);
        return new DipScoringService(scorer, hospitals, pointValue);
    }

    public static ClearingService LoadClearing(MedInsurancePaymentOptions options)
    {
        var settlement = options.Settlement;

        var policyName = settlement.Policy!;
        var policy = File.Exists(policyName) ? SettlementPolicyLoader.LoadFile(policyName) : SettlementPolicyLoader.LoadEmbedded(policyName);
        using var reader = new StreamReader(settlement.HospitalsFile!, new UTF8Encoding(false));
        var hospitals = SettlementCsv.ReadHospitals(reader).Select(r => RequireValid(r, settlement.HospitalsFile!)).ToArray();
        return new ClearingService(policy, hospitals, settlement.MaxDegreeOfParallelism);
    }

    private static T RequireValid<T>(ReadRecord<T> record, string file)
        where T : class
    {
        if (record.IsRejected || record.Value is null)
        {
            throw new InvalidDataException(file + " row " + record.RowNumber.ToString(CultureInfo.InvariantCulture) + ": "
                + string.Join("; ", record.Issues.Select(i => i.ToCompactString() + " " + i.MessageEn)));
        }

        return record.Value;
    }
}
