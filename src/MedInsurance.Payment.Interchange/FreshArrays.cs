using System;
using System.Runtime.InteropServices;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// Large hash tables whose first touch of a page is a read. A large array comes from memory the operating system has
/// not yet given pages to; on Linux the first read of such a page maps the shared zero page, and the first write then
/// copies it (a copy-on-write fault that also interrupts every other core of the process to flush its address cache).
/// A probing table reads its slot before it writes it, so every page took both faults (profile of 10 M
/// <c>monitor --check</c>: 3.7 % of the samples in <c>do_wp_page</c>, most under the id set and the monitor's cell
/// tables). Writing one byte a page first gives each page one plain fault instead (docs/performance.md, "Pages written
/// before they are read").
/// </summary>
internal static class FreshArrays
{
    /// <summary>Below this size an array is taken from memory the collector has already touched; one write a page would buy nothing.</summary>
    internal const int MinimumBytes = 1 << 20;

    private const int PageBytes = 4096;

    /// <summary>A new zeroed array of <paramref name="length"/> elements whose pages are written once (when it is at least
    /// <see cref="MinimumBytes"/>), so reads before writes do not fault twice. The contents are all zero as from <c>new</c>.</summary>
    /// <typeparam name="T">An element type without references.</typeparam>
    /// <param name="length">The elements.</param>
    /// <returns>The array.</returns>
    internal static T[] Allocate<T>(int length)
        where T : struct
    {
        var array = new T[length];
        var bytes = MemoryMarshal.AsBytes(array.AsSpan());
        if (bytes.Length >= MinimumBytes)
        {
            // A long index: an array within a page of int.MaxValue bytes would carry an int past it.
            for (long i = 0; i < bytes.Length; i += PageBytes)
            {
                bytes[(int)i] = 0;
            }
        }

        return array;
    }

    /// <summary>Replaces <paramref name="array"/> by a copy of <paramref name="length"/> elements made by
    /// <see cref="Allocate{T}"/>, as <see cref="Array.Resize{T}"/> does: the elements beyond the old ones are zero, and
    /// their pages are written once.</summary>
    /// <typeparam name="T">An element type without references.</typeparam>
    /// <param name="array">The array to grow.</param>
    /// <param name="length">Its new length, at least its old one.</param>
    internal static void Resize<T>(ref T[] array, int length)
        where T : struct
    {
        var grown = Allocate<T>(length);
        Array.Copy(array, grown, array.Length);
        array = grown;
    }
}
