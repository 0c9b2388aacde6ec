using System.Runtime.CompilerServices;

namespace MedInsurance.Payment;

/// <summary>JIT hints shared by the assemblies with hot or run-once loops (the DRG kernel, the monitor's <c>Finish</c>).</summary>
internal static class JitHints
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c> (512): compiled fully optimised at once, skipping tier 0. Short
    /// batches are then not measured on unoptimised code, and code that runs only in the last second of a run does not
    /// start unoptimised, wait for its loops to be recompiled and be compiled twice more while it runs
    /// (docs/performance.md, change 59). The enum member is missing from netstandard2.0's reference assemblies but
    /// honoured by every runtime that has it.
    /// </summary>
    public const MethodImplOptions Optimize = (MethodImplOptions)512;
}
