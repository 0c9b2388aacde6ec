using System.Collections.Generic;
using System.CommandLine;

namespace MedInsurance.Payment.Cli;

/// <summary>The subcommands of <c>medpay</c>; each payment layer contributes its own command group.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return CasesCommands.Create();
        yield return CheckCommands.Create();
        yield return DrgCommands.Create();
        yield return DipCommands.Create();
        yield return PerDiemCommands.Create();
        yield return PriceCommands.Create();
        yield return SettleCommands.Create();
        yield return CapitationCommands.Create();
        yield return ConsortiumCommands.Create();
        yield return AccountsCommands.Create();
        yield return MonitorCommands.Create();
        yield return OutpatientCommands.Create();
    }
}
