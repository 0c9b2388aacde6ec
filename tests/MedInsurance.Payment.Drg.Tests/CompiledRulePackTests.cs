using System;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Loading;
using static MedInsurance.Payment.Drg.Tests.MiniRuleText;

namespace MedInsurance.Payment.Drg.Tests;

public sealed class CompiledRulePackTests
{
    [Fact]
    public void A_saved_pack_reloads_equal_and_groups_alike()
    {
        using var stream = new MemoryStream();
        CompiledRulePack.Save(Loaded.Pack, stream);
        stream.Position = 0;
        var reloaded = CompiledRulePack.Load(stream);
        Assert.True(Loaded.Pack.ContentEquals(reloaded));
        Assert.Equal(Loaded.Pack.Adrgs.Select(a => a.Source), reloaded.Adrgs.Select(a => a.Source));
        var c = Case("I63.900", "J96.000|E11.900");
        Assert.Equal(new DrgGrouper(Loaded.Pack).Group(c).Trace.Render(TraceLanguage.English), new DrgGrouper(reloaded).Group(c).Trace.Render(TraceLanguage.English));
    }

    [Fact]
    public void The_national_pack_round_trips()
    {
        var pack = SharedPack.Chs11().Pack;
        using var stream = new MemoryStream();
        CompiledRulePack.Save(pack, stream);
        stream.Position = 0;
        Assert.True(pack.ContentEquals(CompiledRulePack.Load(stream)));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"formatVersion\":99}")]
    public void Bad_content_is_a_format_error(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        Assert.Throws<FormatException>(() => CompiledRulePack.Load(stream));
    }
}
