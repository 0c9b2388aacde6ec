using System.Collections.Generic;
using System.CommandLine;

namespace MedInsurance.Payment.Cli;

/// <summary>The subcommands of <c>medpay</c>; each payment layer contributes its own command group.</summary>
internal static class CommandCatalog
{
    /// <summary>The <c>medpay</c> root command: the global options (<c>--raw</c>, <c>--no-bom</c>, <c>--verbose</c>) and every subcommand.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("medpay — MedInsurance.Payment 医保支付计算工具: CHS-DRG grouping, DIP scoring, settlement and clearing.");
        root.Options.Add(CliOutput.RawOption);
        root.Options.Add(CliOutput.NoBomOption);
        root.Options.Add(CliOutput.VerboseOption);
        foreach (var command in All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

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
