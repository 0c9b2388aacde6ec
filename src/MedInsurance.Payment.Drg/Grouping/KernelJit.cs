using System.Runtime.CompilerServices;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>JIT hints for the kernel's hot methods.</summary>
internal static class KernelJit
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c> (512): compile fully optimized at once, skipping tier 0, so short
    /// batches are not measured on unoptimized code. The enum member is missing from netstandard2.0's reference
    /// assemblies but honoured by every runtime that has it.
    /// </summary>
    public const MethodImplOptions Optimize = (MethodImplOptions)512;
}
