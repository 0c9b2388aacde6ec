using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>The 14 national charge categories (医疗收费项目) of the settlement list, read and summed into the six cost columns.</summary>
public sealed class NationalChargeItemTests
{
    private static ReadRecord<InpatientCase>[] Read(string csv) =>
        CaseCsvReader.Read(new StringReader(csv), CsvReadOptions.Default, null, null).ToArray();

    [Fact]
    public void The_fourteen_items_sum_into_the_six_cost_columns_as_documented()
    {
        // 床位费 100, 诊察费 20, 检查费 300, 化验费 400, 治疗费 500, 手术费 600, 护理费 70, 卫生材料费 800, 西药费 900,
        // 中药饮片费 10, 中成药费 11, 一般诊疗费 12, 挂号费 13, 其他费 14: total 3 750.
        var csv = "清单流水号,主要诊断代码,医疗总费用,床位费,诊察费,检查费,化验费,治疗费,手术费,护理费,卫生材料费,西药费,中药饮片费,中成药费,一般诊疗费,挂号费,其他费\n"
            + "C1,K35.800x002,3750.00,100,20,300,400,500,600,70,800,900,10,11,12,13,14\n";
        var costs = Assert.Single(Read(csv)).Value!.Costs;
        Assert.Equal(Money.FromYuan(921m), costs.Drugs);          // 西药 900 + 饮片 10 + 中成药 11
        Assert.Equal(Money.FromYuan(800m), costs.Consumables);    // 卫生材料 800
        Assert.Equal(Money.FromYuan(570m), costs.Treatment);      // 治疗 500 + 护理 70
        Assert.Equal(Money.FromYuan(600m), costs.Surgery);        // 手术 600
        Assert.Equal(Money.FromYuan(700m), costs.Examination);    // 检查 300 + 化验 400
        Assert.Equal(Money.FromYuan(159m), costs.Other);          // 床位 100 + 诊察 20 + 一般诊疗 12 + 挂号 13 + 其他 14
        Assert.Equal(costs.Total, costs.Drugs + costs.Consumables + costs.Treatment + costs.Surgery + costs.Examination + costs.Other);
    }

    [Fact]
    public void The_format_names_and_the_amount_suffix_are_read_too_and_missing_items_count_as_zero()
    {
        var csv = "id,diagnoses,charge_western_drugs,中成药费金额,charge_laboratory\nC2,K35.800x002,12.34,0.66,5\n";
        var costs = Assert.Single(Read(csv)).Value!.Costs;
        Assert.Equal((Money.FromYuan(13m), Money.FromYuan(5m), Money.Zero), (costs.Drugs, costs.Examination, costs.Surgery));
    }

    [Fact]
    public void A_bad_item_is_rejected_by_its_own_column_without_its_value_in_the_message()
    {
        var record = Assert.Single(Read("id,diagnoses,西药费,化验费\nC3,K35.800x002,12.345,1\n"));
        Assert.True(record.IsRejected);
        var issue = Assert.Single(record.Issues, i => i.Code == "FIELD_INVALID");
        Assert.Equal("charge_western_drugs", issue.Field);
        Assert.DoesNotContain("12.345", issue.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_six_category_column_beside_its_items_rejects_every_row()
    {
        var records = Read("id,diagnoses,drug_cost,西药费\nC4,K35.800x002,10,10\nC5,K35.800x002,1,1\n");
        Assert.All(records, r =>
        {
            Assert.True(r.IsRejected);
            Assert.Contains(r.Issues, i => i.Code == "COLUMN_DUPLICATED" && i.Field == "drug_cost");
        });

        // Items of another category beside drug_cost are fine.
        var mixed = Assert.Single(Read("id,diagnoses,drug_cost,手术费\nC6,K35.800x002,10,20\n")).Value!.Costs;
        Assert.Equal((Money.FromYuan(10m), Money.FromYuan(20m)), (mixed.Drugs, mixed.Surgery));
    }

    [Fact]
    public void The_item_columns_are_case_columns_a_header_map_may_target()
    {
        Assert.Contains("charge_nursing", CaseCsvColumns.All);
        var map = CaseHeaderMap.Read(new StringReader("HLF,charge_nursing\n"), "his.csv");
        var c = Assert.Single(CaseCsvReader.Read(new StringReader("id,diagnoses,HLF\nC7,K35.800x002,88.8\n"), CsvReadOptions.Default, map, null)).Value!;
        Assert.Equal(Money.FromYuan(88.80m), c.Costs.Treatment);
    }
}
