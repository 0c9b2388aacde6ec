namespace MedInsurance.Payment.Dip;

/// <summary>病种类型 — the kind of a DIP catalog group (payment-rules.md §3; DIP 3.0 draft ch. 3).</summary>
public enum DipGroupKind
{
    /// <summary>核心病种 — a core group: main diagnosis subcategory + main procedure + related procedures, or the diagnosis alone for conservative treatment.</summary>
    Core = 0,

    /// <summary>综合病种 — a comprehensive group: 3-character diagnosis category + procedure class.</summary>
    Comprehensive = 1,

    /// <summary>基层病种 — a primary-care group: one score at every hospital level, no hospital coefficient.</summary>
    PrimaryCare = 2,

    /// <summary>床日病种 — a per-diem group: a bed-day score for long stays.</summary>
    PerDiem = 3,

    /// <summary>中医优势病种 — an optional traditional-Chinese-medicine group, matched like a core group.</summary>
    Tcm = 4,
}

/// <summary>手术操作属性 — the attribute of a procedure code in the procedure-attribute table the region supplies.</summary>
public enum DipProcedureAttribute
{
    /// <summary>未知 — not in the table.</summary>
    Unknown = 0,

    /// <summary>手术 — surgery.</summary>
    Surgery = 1,

    /// <summary>介入治疗 — intervention.</summary>
    Intervention = 2,

    /// <summary>治疗性操作 — therapeutic procedure.</summary>
    Therapeutic = 3,

    /// <summary>诊断性操作 — diagnostic procedure.</summary>
    Diagnostic = 4,
}

/// <summary>综合病种操作分类 — the procedure class of a comprehensive group (payment-rules.md §3, core vs comprehensive).</summary>
public enum DipProcedureClass
{
    /// <summary>保守治疗（内科）组 — conservative (medical) treatment, no qualifying procedure.</summary>
    Conservative = 0,

    /// <summary>诊断性操作组 — diagnostic procedure.</summary>
    Diagnostic = 1,

    /// <summary>治疗性操作组 — therapeutic procedure.</summary>
    Therapeutic = 2,

    /// <summary>相关手术组 — related surgery (surgery or intervention).</summary>
    RelatedSurgery = 3,
}
