using System.CommandLine;
using MedInsurance.Payment.Cli;

var root = new RootCommand("medpay — MedInsurance.Payment 医保支付计算工具: CHS-DRG grouping, DIP scoring, settlement and clearing.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
