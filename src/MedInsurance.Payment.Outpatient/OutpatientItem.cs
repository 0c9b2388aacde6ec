using System;
using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Outpatient;

/// <summary>明细类别 — the kind of an outpatient item line.</summary>
public enum OutpatientItemKind
{
    /// <summary>Unknown (an unreadable row).</summary>
    Unknown = 0,

    /// <summary>药品 — drug.</summary>
    Drug = 1,

    /// <summary>耗材 — consumable.</summary>
    Consumable = 2,

    /// <summary>诊疗项目（手术操作） — procedure (a surgical or non-surgical operation, coded by procedure code).</summary>
    Procedure = 3,

    /// <summary>检查检验 — test or examination.</summary>
    Test = 4,
}

/// <summary>
/// 门诊费用明细行 — one item line of an outpatient claim (门诊结算明细): the claim, person, institution, fund and service
/// date (the columns capitation's claims share), then the item code, kind, quantity and amount, and the claim's
/// diagnosis when the file carries one (chronic-disease claims).
/// </summary>
/// <remarks>An immutable value; thread-safe.</remarks>
public readonly struct OutpatientItem
{
    // Read through the properties, which give "" for a default item (the item of a row that could not be read).
    private readonly string? _claimId;
    private readonly string? _personId;
    private readonly string? _institutionId;
    private readonly string? _itemCode;
    private readonly string? _diagnosis;

    /// <summary>Creates an item line.</summary>
    /// <param name="claimId">结算编号 — the claim id.</param>
    /// <param name="personId">人员编号 — the person id.</param>
    /// <param name="institutionId">定点医疗机构编码 — the institution (hospital) id.</param>
    /// <param name="fund">险种 — the fund.</param>
    /// <param name="serviceDate">就诊日期 — the service date as <c>yyyyMMdd</c> (e.g. 20260301).</param>
    /// <param name="itemCode">项目编码 — the item code (drug, consumable, procedure or test code).</param>
    /// <param name="kind">明细类别 — the item kind.</param>
    /// <param name="quantity">数量 — the quantity.</param>
    /// <param name="amount">金额 — the amount in fen (money).</param>
    /// <param name="diagnosis">诊断编码 — the claim's diagnosis code (empty when the file has none).</param>
    public OutpatientItem(string claimId, string personId, string institutionId, InsuranceFund fund, int serviceDate, string itemCode, OutpatientItemKind kind, decimal quantity, Money amount, string? diagnosis)
    {
        _claimId = claimId ?? string.Empty;
        _personId = personId ?? string.Empty;
        _institutionId = institutionId ?? string.Empty;
        Fund = fund;
        ServiceDate = serviceDate;
        _itemCode = itemCode ?? string.Empty;
        Kind = kind;
        Quantity = quantity;
        Amount = amount;
        _diagnosis = diagnosis ?? string.Empty;
    }

    /// <summary>结算编号 (empty for the default item).</summary>
    public string ClaimId => _claimId ?? string.Empty;

    /// <summary>人员编号 (empty for the default item).</summary>
    public string PersonId => _personId ?? string.Empty;

    /// <summary>定点医疗机构编码 (empty for the default item).</summary>
    public string InstitutionId => _institutionId ?? string.Empty;

    /// <summary>险种.</summary>
    public InsuranceFund Fund { get; }

    /// <summary>就诊日期 as <c>yyyyMMdd</c>.</summary>
    public int ServiceDate { get; }

    /// <summary>就诊月 — the month of <see cref="ServiceDate"/>, 1–12.</summary>
    public int Month => ServiceDate / 100 % 100;

    /// <summary>项目编码 (empty for the default item).</summary>
    public string ItemCode => _itemCode ?? string.Empty;

    /// <summary>明细类别.</summary>
    public OutpatientItemKind Kind { get; }

    /// <summary>数量.</summary>
    public decimal Quantity { get; }

    /// <summary>金额.</summary>
    public Money Amount { get; }

    /// <summary>诊断编码 (empty when none).</summary>
    public string Diagnosis => _diagnosis ?? string.Empty;
}

/// <summary>门诊明细读入结果 — one item row: its row number, the item when readable, and its read issues.</summary>
/// <remarks>An immutable value; thread-safe.</remarks>
public readonly struct OutpatientItemRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="rowNumber">The 1-based data row number.</param>
    /// <param name="item">The item (meaningful only when <see cref="IsRejected"/> is false).</param>
    /// <param name="issues">The issues found while reading.</param>
    public OutpatientItemRecord(int rowNumber, OutpatientItem item, IReadOnlyList<ValidationIssue> issues)
    {
        RowNumber = rowNumber;
        Item = item;
        Issues = issues ?? throw new ArgumentNullException(nameof(issues));
        var rejected = false;
        foreach (var issue in Issues)
        {
            rejected |= issue.IsError;
        }

        IsRejected = rejected;
    }

    /// <summary>行号 — the 1-based data row number.</summary>
    public int RowNumber { get; }

    /// <summary>The item.</summary>
    public OutpatientItem Item { get; }

    /// <summary>问题.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>Whether the row could not be read.</summary>
    public bool IsRejected { get; }
}
