using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Drg.Editions;

/// <summary>
/// 编码版本映射步骤 — before a case is prepared: each diagnosis or procedure code the rule pack does not know is looked up
/// in the crosswalks, in the order given; the first that maps it to a code the pack knows replaces it. Codes the pack
/// knows are never touched. Issues name the field; the original code is the issue's value, never in the message.
/// </summary>
internal static class CodeEditionMapper
{
    public static CrosswalkResult Map(InpatientCase c, IReadOnlyList<CodeEditionCrosswalk> crosswalks, Func<string, bool> knowsDiagnosis, Func<string, bool> knowsProcedure, string edition)
    {
        List<CodeMapping>? mappings = null;
        List<ValidationIssue>? issues = null;

        string? Lookup(string code, string field, bool diagnosis)
        {
            if (diagnosis ? knowsDiagnosis(code) : knowsProcedure(code))
            {
                return null;
            }

            var ambiguousIn = (CodeEditionCrosswalk?)null;
            foreach (var crosswalk in crosswalks)
            {
                var found = diagnosis ? crosswalk.MapDiagnosis(code, out var target) : crosswalk.MapProcedure(code, out target);
                if (found == MapLookup.Mapped && (diagnosis ? knowsDiagnosis(target) : knowsProcedure(target)))
                {
                    (mappings ??= new List<CodeMapping>()).Add(new CodeMapping(field, code, target, crosswalk.Name));
                    (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Warning(
                        DrgIssueCodes.CodeMapped,
                        field,
                        (diagnosis ? "诊断" : "手术操作") + "编码不在 " + edition + " 中，已按 " + crosswalk.Name + " 映射后分组",
                        "The " + (diagnosis ? "diagnosis" : "procedure") + " code is not in " + edition + "; grouped with its " + crosswalk.Name + " mapping.").WithValue(code));
                    return target;
                }

                if (found == MapLookup.Ambiguous)
                {
                    ambiguousIn ??= crosswalk;
                }
            }

            if (ambiguousIn is not null)
            {
                (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Warning(
                    DrgIssueCodes.CodeMapAmbiguous,
                    field,
                    (diagnosis ? "诊断" : "手术操作") + "编码在 " + ambiguousIn.Name + " 中对应多个编码，未映射",
                    "The " + (diagnosis ? "diagnosis" : "procedure") + " code has several targets in " + ambiguousIn.Name + "; not mapped.").WithValue(code));
            }

            return null;
        }

        DiagnosisCode Dx(DiagnosisCode code, string field) =>
            code.IsEmpty || Lookup(code.Value, field, true) is not { } to ? code : DiagnosisCode.Parse(to);

        ProcedureCode Px(ProcedureCode code, string field) =>
            code.IsEmpty || Lookup(code.Value, field, false) is not { } to ? code : ProcedureCode.Parse(to);

        string At(string list, int i) => list + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";

        var main = Dx(c.MainDiagnosis, "diagnoses[0]");
        var secondary = c.SecondaryDiagnoses.Select((d, i) => Dx(d, At("diagnoses", i + 1))).ToArray();
        var mainPx = Px(c.MainProcedure, "procedures[0]");
        var other = c.OtherProcedures.Select((p, i) => Px(p, At("procedures", i + 1))).ToArray();
        var mapped = mappings is null ? c : c with { MainDiagnosis = main, SecondaryDiagnoses = secondary, MainProcedure = mainPx, OtherProcedures = other };
        return new CrosswalkResult(mapped, mappings ?? Enumerable.Empty<CodeMapping>(), issues ?? Enumerable.Empty<ValidationIssue>());
    }
}
