using System;
using System.CommandLine;
using MedInsurance.Payment.Cli;

// Exit codes, the same for every command (docs/cli.md): 0 all input accepted; 1 some rows rejected or unpriced (the
// output accounts for them); 2 input or configuration unusable (nothing written); 3 internal error.
var parse = CommandCatalog.CreateRoot().Parse(args);
if (parse.Errors.Count > 0)
{
    // An invalid command line is unusable input: exit 2 before any work, like every other configuration error.
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine("medpay: " + error.Message);
    }

    Console.Error.WriteLine("medpay: see `medpay --help` or `medpay <command> --help`.");
    return 2;
}

BatchScheduling.TryEnter(); // Linux: SCHED_BATCH for medpay's threads (MEDPAY_SCHED=normal keeps the default)
CliOutput.Raw = parse.GetValue(CliOutput.RawOption);
CliOutput.Bom = !parse.GetValue(CliOutput.NoBomOption);
try
{
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
}
catch (System.IO.InvalidDataException ex)
{
    // A file the library refused (a table that cannot be read, a workbook that is not one): unusable input, named in
    // the message (file and reason, never a patient's values), not an internal error.
    Console.Error.WriteLine("medpay: " + ex.Message);
    return 2;
}
catch (Exception ex) when (ex is not OutOfMemoryException)
{
    return CliErrors.Report(ex, parse.GetValue(CliOutput.VerboseOption), Console.Error);
}
