using System.Runtime.CompilerServices;
#if NET
using System.Runtime.Intrinsics.X86;
#endif

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// Asks the processor to bring the cache line of a table entry in ahead of its use (a software prefetch): the read-aheads
/// of tables probed at random once a row (the reader's code tables and the codes' strings, the monitor's cell slots and
/// cells) issue one for each entry a run or block will look up, so the misses overlap. A prefetch only hints: it changes no value, never faults (an address the
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
    /// <param name="location">An element of a table (an array element, or a string's first character).</param>
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

    /// <summary>Prefetches the cache line of a string's first character, which holds its length too, without reading the
    /// string: the address is the reference's own value plus the offset of the characters. (Taking a reference to the
    /// first character instead makes the JIT check the string for null with a load, which waits for the very line being
    /// prefetched.) Nothing for null or where <see cref="CanPrefetch"/> is false.</summary>
    /// <param name="text">The string, or null.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch(string? text)
    {
#if NET
        if (Sse.IsSupported && text is not null)
        {
            Sse.Prefetch0((void*)(Unsafe.As<string, nint>(ref text) + FirstCharOffset));
        }
#endif
    }

#if NET
    /// <summary>Where a string's characters begin, from the start of the object (12 bytes on 64-bit runtimes), measured once
    /// on a pinned string.</summary>
    private static readonly nint FirstCharOffset = MeasureFirstCharOffset();

    private static unsafe nint MeasureFirstCharOffset()
    {
        var text = "measured";
        fixed (char* first = text)
        {
            return (nint)first - Unsafe.As<string, nint>(ref text);
        }
    }
#endif
}
