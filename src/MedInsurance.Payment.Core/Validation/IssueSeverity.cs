namespace MedInsurance.Payment.Validation;

/// <summary>问题级别 — how serious a validation issue is.</summary>
public enum IssueSeverity
{
    /// <summary>提示 — information; the record is processed as it is.</summary>
    Info = 0,

    /// <summary>警告 — a problem worth reviewing; the record is still processed.</summary>
    Warning = 1,

    /// <summary>错误 — the record cannot be processed and is rejected with its issues.</summary>
    Error = 2,
}
