namespace MedInsurance.Payment.Drg.Rules;

/// <summary>手术操作类别 — the national classification of a procedure code (国家临床版 3.0 手术操作分类, e.g. SS_GL30_CLASS).</summary>
public enum ProcedureClass
{
    /// <summary>手术 — surgery.</summary>
    Surgery = 0,

    /// <summary>介入治疗 — interventional treatment.</summary>
    Interventional = 1,

    /// <summary>治疗性操作 — therapeutic procedure.</summary>
    Therapeutic = 2,

    /// <summary>诊断性操作 — diagnostic procedure.</summary>
    Diagnostic = 3,
}
