using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Cli;

/// <summary>Reads a case CSV for a command, with the progress display on an interactive terminal.</summary>
internal static class CaseFiles
{
    public static IReadOnlyList<ReadRecord<InpatientCase>> Read(FileInfo file) =>
        BatchProgress.ReadFile(file, reader => CaseCsvReader.Read(reader).ToList());
}
