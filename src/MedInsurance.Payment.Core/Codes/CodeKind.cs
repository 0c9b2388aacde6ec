namespace MedInsurance.Payment;

/// <summary>编码类型 — which code system a code belongs to.</summary>
public enum CodeKind
{
    /// <summary>疾病诊断 — ICD-10 医保版 diagnosis code.</summary>
    Diagnosis = 1,

    /// <summary>手术操作 — ICD-9-CM-3 医保版 procedure code.</summary>
    Procedure = 2,
}
