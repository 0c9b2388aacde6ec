namespace MedInsurance.Payment.Validation;

/// <summary>
/// 问题代码表 — the stable codes of the domain core's validation issues. Layers add their own
/// (for example the DRG grouper's) in their own classes; a code never changes meaning once published.
/// </summary>
public static class IssueCodes
{
    /// <summary>编码为空 — a code field is empty.</summary>
    public const string CodeEmpty = "CODE_EMPTY";

    /// <summary>编码格式错误 — a code is not a well-formed ICD-10 / ICD-9-CM-3 医保版 code.</summary>
    public const string CodeMalformed = "CODE_MALFORMED";

    /// <summary>缺少主要诊断 — the main diagnosis is missing.</summary>
    public const string MainDiagnosisMissing = "DX_MAIN_MISSING";

    /// <summary>诊断重复 — the same diagnosis code appears more than once.</summary>
    public const string DiagnosisDuplicated = "DX_DUPLICATED";

    /// <summary>手术操作重复 — the same procedure code appears more than once.</summary>
    public const string ProcedureDuplicated = "PX_DUPLICATED";

    /// <summary>必填字段缺失 — a required field is empty.</summary>
    public const string FieldRequired = "FIELD_REQUIRED";

    /// <summary>字段值无效 — a field has a value that cannot be read (not a number, not a date, unknown code value).</summary>
    public const string FieldInvalid = "FIELD_INVALID";

    /// <summary>字段值超出范围 — a field is out of its allowed range.</summary>
    public const string FieldOutOfRange = "FIELD_OUT_OF_RANGE";

    /// <summary>性别未知 — sex is missing or unknown.</summary>
    public const string SexUnknown = "SEX_UNKNOWN";

    /// <summary>住院天数无效 — the length of stay is zero or negative.</summary>
    public const string LengthOfStayInvalid = "LOS_INVALID";

    /// <summary>日期顺序错误 — the discharge date is before the admission date.</summary>
    public const string DatesOutOfOrder = "DATES_OUT_OF_ORDER";

    /// <summary>住院天数与日期不符 — the length of stay disagrees with the admission and discharge dates.</summary>
    public const string LengthOfStayMismatch = "LOS_MISMATCH";

    /// <summary>新生儿缺少体重 — a newborn (≤ 28 days) has no birth or admission weight.</summary>
    public const string NewbornWeightMissing = "NEWBORN_WEIGHT_MISSING";

    /// <summary>费用合计不符 — the cost categories do not add up to the total cost.</summary>
    public const string CostBreakdownMismatch = "COST_BREAKDOWN_MISMATCH";

    /// <summary>费用为负 — a cost amount is negative.</summary>
    public const string CostNegative = "COST_NEGATIVE";

    /// <summary>病案号重复 — the same case id appears more than once in a batch.</summary>
    public const string CaseIdDuplicated = "CASE_ID_DUPLICATED";

    /// <summary>行格式错误 — a CSV row cannot be read as a record (wrong column count, bad quoting).</summary>
    public const string RowMalformed = "ROW_MALFORMED";

    /// <summary>缺少列 — the CSV header lacks a required column.</summary>
    public const string ColumnMissing = "COLUMN_MISSING";

    /// <summary>列重复 — two header columns map to the same field (a national name or a header-map name beside the format's own, or both a combined and a split diagnosis/procedure column): every row is rejected, none is read from a column chosen silently.</summary>
    public const string ColumnDuplicated = "COLUMN_DUPLICATED";

    /// <summary>字段过长 — a CSV field is longer than the reader's field limit; its row is rejected.</summary>
    public const string FieldTooLong = "FIELD_TOO_LONG";

    /// <summary>行过宽 — a CSV row is wider than the reader's row limit or has more fields than its column limit; the row is rejected.</summary>
    public const string RowTooWide = "ROW_TOO_WIDE";

    /// <summary>编码无效 — a row's bytes are not valid in the file's encoding (e.g. not UTF-8 under <c>--encoding utf-8</c>); the row is rejected, never read with replacement characters.</summary>
    public const string TextEncodingInvalid = "TEXT_ENCODING_INVALID";
}
