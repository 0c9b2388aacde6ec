using System.Runtime.CompilerServices;
#if NET
using System.Runtime.Intrinsics.X86;
#endif

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// Asks the processor to bring the cache line of a table entry in ahead of its use (a software prefetch): the read-aheads
/// of tables probed at random once a row (the monitor's cell slots and cells, the check's main-diagnosis texts) issue one
/// for each entry a run or block will look up, and the case reader asks for the table slot of each of a row's codes
/// before looking any of them up (<see cref="KnownCodeTable{T}.Prefetch"/>, docs/performance.md, change 64), so the
/// misses overlap. (The reader's read-ahead of its code tables a run of rows ahead was removed in change 62.) A prefetch only hints: it changes no value, never faults (an address the
/// collector has since moved is a wasted hint) and does not hold up the instructions after it as a load would
/// (docs/performance.md, change 54). Where the processor offers none (.NET Framework, ARM), <see cref="CanPrefetch"/> is
/// false and <see cref="Touch{T}"/> reads the entry instead, a load whose value the caller keeps.
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

    /// <summary>
    /// Brings the cache line of <paramref name="location"/> in ahead of its use, for a read-ahead: prefetches it and returns 0
    /// where <see cref="CanPrefetch"/>, else reads its first byte and returns it. A caller keeps what it returns (for
    /// example folded into a field written once per read-ahead), so that the read is not dropped as unused.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="location">A table entry.</param>
    /// <returns>0, or the entry's first byte.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Touch<T>(ref T location)
    {
        if (CanPrefetch)
        {
            Prefetch(ref location);
            return 0;
        }

        return Unsafe.As<T, byte>(ref location);
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
