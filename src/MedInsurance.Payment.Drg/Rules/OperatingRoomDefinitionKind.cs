namespace MedInsurance.Payment.Drg.Rules;

/// <summary>手术室手术定义来源 — where the definition of an operating-room procedure comes from.</summary>
public enum OperatingRoomDefinitionKind
{
    /// <summary>外科ADRG手术表 — every procedure a surgical ADRG (second letter A–J) admits as main procedure (default).</summary>
    SurgicalAdrgLists = 0,

    /// <summary>国家手术操作分类 — the procedures classed 手术 or 介入治疗 in a national classification table.</summary>
    NationalClassification = 1,

    /// <summary>地方目录 — a list of procedure codes a region supplies.</summary>
    RegionalList = 2,
}
