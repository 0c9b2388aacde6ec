using System.Collections.Generic;
using MedInsurance.Payment.Drg.Rules;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>
/// 结果描述 — turns a compact <see cref="DrgOutcome"/> into codes (MDC, ADRG, DRG, <c>xQY</c>, <c>0000</c>), the reason
/// issue of an ungrouped case, and a <see cref="DrgResult"/>.
/// </summary>
internal sealed class ResultDescriber
{
    private readonly RulePack _pack;
    private readonly CompiledMdc[] _mdcs;
    private readonly CompiledAdrg[] _adrgs;

    public ResultDescriber(RulePack pack, KernelTables tables)
    {
        _pack = pack;
        _mdcs = tables.Mdcs;
        _adrgs = tables.Adrgs;
    }

    /// <summary>The MDC code of an outcome, or empty.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The code.</returns>
    public string MdcCode(DrgOutcome outcome) => outcome.MdcIndex < 0 ? string.Empty : _mdcs[outcome.MdcIndex].Rule.Code;

    /// <summary>The ADRG code of an outcome (<c>xQY</c> when ambiguous), or empty.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The code.</returns>
    public string AdrgCode(DrgOutcome outcome) => outcome.Status == DrgStatus.Ambiguous
        ? _mdcs[outcome.MdcIndex].AmbiguousCode
        : outcome.AdrgIndex < 0 ? string.Empty : _adrgs[outcome.AdrgIndex].Rule.Code;

    /// <summary>The DRG code of an outcome: the DRG, <c>xQY</c>, <c>0000</c> when ungroupable, empty when rejected.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The code.</returns>
    public string DrgCode(DrgOutcome outcome) => outcome.Status switch
    {
        DrgStatus.Grouped => _pack.Drgs[outcome.DrgIndex].Code,
        DrgStatus.Ambiguous => AdrgCode(outcome),
        DrgStatus.Ungroupable => "0000",
        _ => string.Empty,
    };

    public DrgResult ToResult(string caseId, DrgOutcome outcome, IEnumerable<ValidationIssue> issues, IEnumerable<ComplicationFinding> complications, DrgTrace trace) =>
        new(_pack.Edition, caseId, outcome.Status, MdcCode(outcome), AdrgCode(outcome), DrgCode(outcome), issues, complications, trace);

    public static ValidationIssue? ReasonIssue(DrgOutcome outcome) => outcome.Status switch
    {
        DrgStatus.Ambiguous => ValidationIssue.Warning(DrgIssueCodes.Ambiguous, "procedures", "歧义组：手术室手术与主要诊断所在MDC无关", "Ambiguous group: an operating-room procedure unrelated to the main diagnosis's MDC."),
        DrgStatus.Ungroupable => outcome.Reason switch
        {
            OutcomeReason.Sex => ValidationIssue.Warning(DrgIssueCodes.SexExcludesMdc, "sex", "仅MDCM/MDCN收录该主要诊断，性别不符", "Only MDCM/MDCN admit the main diagnosis and the sex does not match."),
            OutcomeReason.NoAdrg => ValidationIssue.Warning(DrgIssueCodes.NoAdrg, "diagnoses[0]", "主要诊断所在MDC内无符合条件的ADRG", "No ADRG of the admitting MDC matches the case."),
            OutcomeReason.NoDrg => ValidationIssue.Warning(DrgIssueCodes.NoDrg, "diagnoses", "ADRG无对应CC/MCC级别的DRG", "The ADRG has no DRG for the case's CC/MCC level."),
            _ => ValidationIssue.Warning(DrgIssueCodes.NoMdc, "diagnoses[0]", "主要诊断不属于任何MDC", "No MDC admits the main diagnosis."),
        },
        _ => null,
    };
}
