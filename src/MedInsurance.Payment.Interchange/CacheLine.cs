using System.Runtime.CompilerServices;
#if NET
using System.Runtime.Intrinsics.X86;
#endif

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// Asks the processor to bring the cache line of a table entry in ahead of its use (a software prefetch): the read-aheads
/// of the tables probed at random once a row (the code tables, the id set, the monitor's cells) issue one for each entry a
/// block will look up, so the misses overlap. A prefetch only hints: it changes no value, never faults (an address the
/// collector has since moved is a wasted hint) and does not hold up the instructions after it as a load would
/// (docs/performance.md, change 54). Where the processor offers none (.NET Framework, ARM), <see cref="CanPrefetch"/> is
/// false and the callers read the entry instead, a load whose value they keep.
/// </summary>
internal static class CacheLine
{
    /// <summary>True when <see cref="Prefetch{T}"/> issues a prefetch instruction (x86 with SSE on .NET); a constant to the JIT.</summary>
    public static bool CanPrefetch
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
#if NET
        get => Sse.IsSupported;
#else
        get => false;
#endif
    }

    /// <summary>Prefetches the cache line holding <paramref name="location"/> into every level (PREFETCHT0); nothing when
    /// <see cref="CanPrefetch"/> is false.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="location">An element of a table (an array element or a string's first character).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(ref T location)
    {
#if NET
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref location));
        }
#endif
    }

    /// <summary>Prefetches the first cache line of the object <paramref name="instance"/> refers to (a string's length and
    /// first characters), without reading the object: the reference's own value is the address.</summary>
    /// <param name="instance">The object, or null (nothing).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch(object? instance)
    {
#if NET
        if (Sse.IsSupported && instance is not null)
        {
            Sse.Prefetch0((void*)Unsafe.As<object, nint>(ref instance));
        }
#endif
    }
}
