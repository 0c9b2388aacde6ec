using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Outpatient;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// Loads the configured outpatient files once: the combination table and the institutions' levels into a
/// <see cref="CombinationGrouper"/>; the chronic-disease policy and certifications into a <see cref="ChronicCalculator"/>.
/// A bad file throws with the file, line or row and field to fix (a rejected row is not skipped at start).
/// </summary>
internal static class OutpatientServiceLoader
{
    public static CombinationGrouper LoadCombinations(TreatmentCombinationOptions options)
    {
        var table = CombinationTableLoader.LoadFile(options.TableFile!);
        var file = options.HospitalsFile!;
        var levels = new Dictionary<string, HospitalLevel>(StringComparer.Ordinal);
        foreach (var record in HospitalCsvReader.ReadFile(file))
        {
            var hospital = record.AcceptedOrRefuse(file).Hospital;
            levels[hospital.Id] = hospital.Level;
        }

        return new CombinationGrouper(table, levels);
    }

    public static ChronicCalculator LoadChronic(ChronicDiseaseOptions options)
    {
        var policy = ChronicPolicyLoader.LoadFile(options.PolicyFile!);
        var certifications = new List<ChronicCertification>();
        if (options.CertificationsFile is { Length: > 0 } file)
        {
            using var reader = new StreamReader(file, new UTF8Encoding(false));
            certifications.AddRange(ChronicCertificationCsv.Read(reader).Select(record => record.AcceptedOrRefuse(file)));
        }

        return new ChronicCalculator(policy, certifications);
    }

}
