using System.Collections.Generic;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 医疗收费项目类别 — the 14 charge categories of the national settlement list's 医疗收费信息 (医疗保障基金结算清单填写规范,
/// 医保办发〔2021〕34号: 床位费, 诊察费, 检查费, 化验费, 治疗费, 手术费, 护理费, 卫生材料费, 西药费, 中药饮片费, 中成药费,
/// 一般诊疗费, 挂号费, 其他费), and the one place that says which of the case format's six cost columns each sums into:
/// drugs = 西药费 + 中药饮片费 + 中成药费; consumables = 卫生材料费; treatment = 治疗费 + 护理费; surgery = 手术费;
/// examination = 检查费 + 化验费; other = 床位费 + 诊察费 + 一般诊疗费 + 挂号费 + 其他费. A file gives either a six-category
/// column or the items that sum into it, never both (<c>COLUMN_DUPLICATED</c>).
/// </summary>
internal static class NationalChargeItems
{
    /// <summary>(the item's column in the case format, the six-category column it sums into, its national names).</summary>
    public static IReadOnlyList<(string Column, string Into, string[] Names)> Items { get; } = new[]
    {
        ("charge_bed", CaseCsvColumns.OtherCost, new[] { "床位费", "床位费金额" }),
        ("charge_consultation", CaseCsvColumns.OtherCost, new[] { "诊察费", "诊察费金额" }),
        ("charge_examination", CaseCsvColumns.ExaminationCost, new[] { "检查费", "检查费金额" }),
        ("charge_laboratory", CaseCsvColumns.ExaminationCost, new[] { "化验费", "化验费金额" }),
        ("charge_treatment", CaseCsvColumns.TreatmentCost, new[] { "治疗费", "治疗费金额" }),
        ("charge_surgery", CaseCsvColumns.SurgeryCost, new[] { "手术费", "手术费金额" }),
        ("charge_nursing", CaseCsvColumns.TreatmentCost, new[] { "护理费", "护理费金额" }),
        ("charge_materials", CaseCsvColumns.ConsumableCost, new[] { "卫生材料费", "卫生材料费金额", "材料费" }),
        ("charge_western_drugs", CaseCsvColumns.DrugCost, new[] { "西药费", "西药费金额" }),
        ("charge_herbal_pieces", CaseCsvColumns.DrugCost, new[] { "中药饮片费", "中药饮片费金额" }),
        ("charge_patent_chinese_drugs", CaseCsvColumns.DrugCost, new[] { "中成药费", "中成药费金额" }),
        ("charge_general_consultation", CaseCsvColumns.OtherCost, new[] { "一般诊疗费", "一般诊疗费金额" }),
        ("charge_registration", CaseCsvColumns.OtherCost, new[] { "挂号费", "挂号费金额" }),
        ("charge_other", CaseCsvColumns.OtherCost, new[] { "其他费", "其他费金额" }),
    };
}
