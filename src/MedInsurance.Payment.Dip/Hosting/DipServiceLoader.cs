using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// Loads the configured DIP files once into <see cref="IDipScoringService"/>: profile, catalog, procedure attributes,
/// auxiliary-typing lists and hospitals. A bad file throws with the file, line or row and field to fix.
/// </summary>
internal static class DipServiceLoader
{
    public static IDipScoringService Load(DipOptions options)
    {
        var profile = DipPolicyProfiles.TryGetBuiltIn(options.Profile, out var builtIn) ? builtIn : DipPolicyProfiles.ReadFile(options.Profile);

        var catalog = DipCatalogFiles.ReadFile(options.CatalogFile!);
        var attributes = ProcedureAttributeTable.Empty;
        if (options.ProcedureAttributesFile is { } attributesFile)
        {
            using var reader = TableFiles.OpenText(attributesFile);
            attributes = ProcedureAttributeTable.ReadCsv(reader, attributesFile);
        }

        var hospitalsFile = options.HospitalsFile!;
        var hospitals = new Dictionary<string, DipHospitalContext>(StringComparer.Ordinal);
        foreach (var record in HospitalCsvReader.ReadFile(hospitalsFile))
        {
            var row = record.AcceptedOrRefuse(hospitalsFile);
            if (!DipHospitalContext.TryFromColumns(row.Hospital.Level, row.GetExtra("coefficient"), row.GetExtra("coefficient_bonus"), out var context, out var problems))
            {
                throw ReadRecordRefusal.Refusal(hospitalsFile, record.RowNumber, problems);
            }

            hospitals[row.Hospital.Id] = context;
        }

        var pointValue = options.PointValue is decimal p ? new PointValue(p) : (PointValue?)null;
        var typing = options.AuxiliaryListsFile is { } listsFile
            ? DipAuxiliaryTypingData.FromJson(File.ReadAllText(listsFile, Encoding.UTF8), listsFile)
            : DipAuxiliaryTypingData.None;
        var scorer = new DipScorer(catalog, profile, attributes, typing, pointValue);
        return new DipScoringService(scorer, hospitals, pointValue);
    }
}
