using System.IO;
using System.Linq;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// Loads the configured clearing files once into <see cref="IClearingService"/>: the policy (a file, or an embedded
/// example by name) and the hospitals. A bad file throws with the file, row or JSON path and field to fix.
/// </summary>
internal static class ClearingServiceLoader
{
    public static IClearingService Load(SettlementOptions options)
    {
        var policyName = options.Policy!;
        var policy = File.Exists(policyName) ? SettlementPolicyLoader.LoadFile(policyName) : SettlementPolicyLoader.LoadEmbedded(policyName);
        var file = options.HospitalsFile!;
        using var reader = TableFiles.OpenText(file);
        var hospitals = SettlementCsv.ReadHospitals(reader).Select(record => record.AcceptedOrRefuse(file)).ToArray();
        return new ClearingService(policy, hospitals, options.MaxDegreeOfParallelism);
    }
}
