using System.Runtime.CompilerServices;

namespace MedInsurance.Payment.Monitoring;

/// <summary>JIT hints for the methods that run only in <see cref="SupervisionMonitor.Finish"/>.</summary>
internal static class FinishJit
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c> (512): compiled fully optimised at once. Code that runs only in the
    /// last second of a run otherwise starts unoptimised, waits for its loops to be recompiled, and is compiled again
    /// (instrumented, then optimised) while it runs. The enum member is missing from netstandard2.0's reference assemblies
    /// but honoured by every runtime that has it. The DRG kernel's <c>KernelJit.Optimize</c> is the same hint in its own
    /// assembly (docs/performance.md, change 59).
    /// </summary>
    public const MethodImplOptions Optimize = (MethodImplOptions)512;
}
