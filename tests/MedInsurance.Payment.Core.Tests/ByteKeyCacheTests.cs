using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck.Xunit;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>The reader's parse cache answers exactly the keys it was given, whatever their length or shared prefixes.</summary>
public sealed class ByteKeyCacheTests
{
    [Property(MaxTest = 300)]
    public void A_lookup_finds_exactly_the_keys_added(byte[][] keys)
    {
        var cache = new ByteKeyCache<int>(1 << 12);
        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i] ?? Array.Empty<byte>();
            var name = Convert.ToBase64String(key);
            if (key.Length > 64 || added.ContainsKey(name))
            {
                continue;
            }

            cache.Add(key, i);
            added[name] = i;
        }

        foreach (var (name, value) in added)
        {
            // A key may fail to be added only when 16 probes were taken (not with so few keys in 4 096 slots), so each is found.
            Assert.True(cache.TryGet(Convert.FromBase64String(name), out var found), name);
            Assert.Equal(value, found);
        }

        // Keys never added are not found: their neighbours (one byte changed, one byte longer) share long prefixes.
        foreach (var name in added.Keys.Take(50))
        {
            var key = Convert.FromBase64String(name);
            var longer = key.Concat(new byte[] { 0 }).ToArray();
            if (longer.Length <= 64 && !added.ContainsKey(Convert.ToBase64String(longer)))
            {
                Assert.False(cache.TryGet(longer, out _));
            }

            if (key.Length > 0)
            {
                var changed = (byte[])key.Clone();
                changed[^1] ^= 0x5A;
                if (!added.ContainsKey(Convert.ToBase64String(changed)))
                {
                    Assert.False(cache.TryGet(changed, out _));
                }
            }
        }
    }

    [Fact]
    public void Long_keys_that_share_their_first_16_bytes_are_told_apart()
    {
        var cache = new ByteKeyCache<string>(64);
        var a = Encoding.ASCII.GetBytes("0123456789ABCDEF-first");
        var b = Encoding.ASCII.GetBytes("0123456789ABCDEF-other");
        var c = Encoding.ASCII.GetBytes("0123456789ABCDEF");
        cache.Add(a, "a");
        cache.Add(b, "b");
        cache.Add(c, "c");
        Assert.True(cache.TryGet(a, out var va) && va == "a");
        Assert.True(cache.TryGet(b, out var vb) && vb == "b");
        Assert.True(cache.TryGet(c, out var vc) && vc == "c");
        Assert.False(cache.TryGet(Encoding.ASCII.GetBytes("0123456789ABCDEF-third"), out _));
        // The empty key and a key of zero bytes padded the same way as a short one are different keys.
        cache.Add(Array.Empty<byte>(), "empty");
        cache.Add(new byte[] { 0 }, "zero");
        Assert.True(cache.TryGet(ReadOnlySpan<byte>.Empty, out var ve) && ve == "empty");
        Assert.True(cache.TryGet(new byte[] { 0 }, out var vz) && vz == "zero");
        Assert.False(cache.TryGet(new byte[] { 0, 0 }, out _));
    }

    [Fact]
    public void The_cache_stops_adding_at_half_its_capacity_and_keeps_answering()
    {
        var cache = new ByteKeyCache<int>(32);
        for (var i = 0; i < 100; i++)
        {
            cache.Add(Encoding.ASCII.GetBytes("K" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), i);
        }

        var found = Enumerable.Range(0, 100).Count(i => cache.TryGet(Encoding.ASCII.GetBytes("K" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), out var v) && v == i);
        Assert.Equal(16, found);
        Assert.True(cache.TryGet(Encoding.ASCII.GetBytes("K0"), out var first) && first == 0);
    }

    [Fact]
    public void Keys_longer_than_64_bytes_are_never_cached()
    {
        var cache = new ByteKeyCache<int>(64);
        var key = new byte[65];
        cache.Add(key, 1);
        Assert.False(cache.TryGet(key, out _));
    }

    [Fact]
    public void A_key_packs_to_its_first_16_bytes_zero_padded_at_every_length()
    {
        var random = new Random(20261204);
        for (var length = 0; length <= 40; length++)
        {
            for (var round = 0; round < 20; round++)
            {
                var key = new byte[length];
                random.NextBytes(key);
                var padded = new byte[16];
                Array.Copy(key, padded, Math.Min(length, 16));

                PackedKey.Pack(key, out var a, out var b);

                Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(padded), a);
                Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(padded.AsSpan(8)), b);
            }
        }
    }
}
