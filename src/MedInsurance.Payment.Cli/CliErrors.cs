using System;
using System.IO;

namespace MedInsurance.Payment.Cli;

/// <summary>Exit code 3: an internal error, reported in one line without a stack trace unless <c>--verbose</c>.</summary>
internal static class CliErrors
{
    /// <summary>The exit code of an internal error.</summary>
    public const int InternalError = 3;

    /// <summary>Reports an unexpected exception and returns <see cref="InternalError"/>.</summary>
    /// <param name="exception">The exception (messages of this library never carry a patient's values).</param>
    /// <param name="verbose">Whether to print the stack trace too.</param>
    /// <param name="error">Where to write (stderr).</param>
    /// <returns>3.</returns>
    public static int Report(Exception exception, bool verbose, TextWriter error)
    {
        error.WriteLine("medpay: internal error (" + exception.GetType().Name + "): " + exception.Message);
        error.WriteLine(verbose ? exception.ToString() : "medpay: run again with --verbose for the stack trace.");
        return InternalError;
    }
}
