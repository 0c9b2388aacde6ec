using System;
using System.IO;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.PerDiem;

namespace MedInsurance.Payment.Settlement.Tests;

/// <summary>
/// A <c>null</c> inside a policy or catalog array (issue 13: an unhandled NullReferenceException before) is refused
/// at load with the file, line and field, by every loader.
/// </summary>
public sealed class NullItemTests
{
    [Fact]
    public void The_line_map_lists_null_array_items_with_their_lines()
    {
        var map = JsonLineMap.Build("{\n  \"a\": [1,\n    null,\n    { \"b\": [null] }\n  ],\n  \"c\": null\n}");
        Assert.Equal(["a[1]", "a[2].b[0]"], map.NullArrayItems);
        Assert.Equal(3, map.LineOf("a[1]"));
        Assert.Equal(4, map.LineOf("a[2].b[0]"));
    }

    [Fact]
    public void A_settlement_policy_with_a_null_pool_is_refused_with_line_and_field()
    {
        var json = SettlementPolicyLoader.Embedded.Read("example-drg-2025")!;
        var broken = json.Replace("\"pools\": [", "\"pools\": [ null,", StringComparison.Ordinal);
        var line = broken.Substring(0, broken.IndexOf("\"pools\"", StringComparison.Ordinal)).Split('\n').Length;
        var ex = Assert.Throws<InvalidDataException>(() => SettlementPolicyLoader.Parse(broken, "p.json"));
        Assert.Equal("p.json: line " + line + ", field pools[0]: an array item is null; remove it or give a value (" + PolicyIssueCodes.JsonInvalid + ")", ex.Message);
    }

    [Fact]
    public void Pricing_per_diem_and_dip_loaders_refuse_null_items_too()
    {
        Assert.Contains("field rates[1]", Assert.Throws<InvalidDataException>(() => DrgPricingPolicyLoader.Parse("{\"name\":\"x\",\"version\":\"1\",\"rates\":[{\"yuan\":1},null]}", "d.json")).Message, StringComparison.Ordinal);
        Assert.Contains("field classes[0]", Assert.Throws<InvalidDataException>(() => PerDiemPolicyLoader.Parse("{\"version\":\"1\",\"classes\":[null]}", "b.json")).Message, StringComparison.Ordinal);
        Assert.Contains("field groups[0]", Assert.Throws<FormatException>(() => Dip.DipCatalogFiles.FromJson("{\"groups\":[null]}", "c.json")).Message, StringComparison.Ordinal);
    }
}
