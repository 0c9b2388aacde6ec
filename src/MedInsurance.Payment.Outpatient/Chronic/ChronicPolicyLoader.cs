using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// 门诊慢特病政策加载 — reads a <see cref="ChronicPolicy"/> from JSON and validates it (format in
/// <c>docs/outpatient.md</c>): disease codes unique per list, diagnoses and terms present, ratios 0–1, amounts exact to
/// the fen, dates in order, a transition with a cut-over date and 1–10 years when it has old-list diseases.
/// </summary>
/// <remarks>A bad policy is a configuration error: <see cref="InvalidDataException"/> names the source, the line, the
/// field and the code of every error. Thread-safe.</remarks>
public static class ChronicPolicyLoader
{
    /// <summary>Loads a policy file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="InvalidDataException">When the JSON is malformed or the policy invalid.</exception>
    public static ChronicPolicy LoadFile(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses and validates a policy.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="InvalidDataException">When the JSON is malformed or the policy invalid.</exception>
    public static ChronicPolicy Parse(string json, string source)
    {
        var dto = PolicyJsonText.Read(json, OutpatientJsonContext.Default.ChronicPolicyJson, source, OutpatientIssueCodes.JsonInvalid);
        var c = new PolicyChecks();
        var id = c.Text(dto.Id, "id");
        var version = c.Text(dto.Version, "version");
        if (dto.Diseases is null || dto.Diseases.Count == 0)
        {
            c.Required("diseases");
        }

        var diseases = Diseases(dto.Diseases, "diseases", legacy: false, c);
        var cutOver = 0;
        var years = 0;
        IReadOnlyList<ChronicDisease> legacy = [];
        if (dto.Transition is { } t)
        {
            cutOver = c.Date(t.CutOver, "transition.cutOver", null);
            years = t.Years ?? 3;
            if (years is < 1 or > 10)
            {
                c.Invalid("transition.years", "The transition lasts 1–10 years.");
            }

            if (t.LegacyDiseases is null || t.LegacyDiseases.Count == 0)
            {
                c.Required("transition.legacyDiseases");
            }

            legacy = Diseases(t.LegacyDiseases, "transition.legacyDiseases", legacy: true, c);
        }

        var ceilings = new List<PersonCeiling>();
        for (var i = 0; i < (dto.PersonCeilings?.Count ?? 0); i++)
        {
            var f = PolicyChecks.At("personCeilings", i);
            var k = dto.PersonCeilings![i];
            var from = c.Date(k.From, f + ".from", null);
            var to = c.Date(k.To, f + ".to", 99_991_231);
            c.Range(from, to, f);
            ceilings.Add(new PersonCeiling(Fund(k.Fund, f + ".fund", c), from, to, c.Yuan(k.Ceiling, f + ".ceiling")));
        }

        PolicyJsonText.RefuseIfInvalid(json, source, "chronic-disease policy", c.Issues.Where(i => i.IsError).ToList());
        return new ChronicPolicy(id, version, dto.Name?.Trim() ?? string.Empty, string.IsNullOrWhiteSpace(dto.PointSystem) ? null : dto.PointSystem!.Trim(), diseases, legacy, cutOver, years, ceilings);
    }

    private static List<ChronicDisease> Diseases(List<DiseaseJson>? list, string field, bool legacy, PolicyChecks c)
    {
        var result = new List<ChronicDisease>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            var f = PolicyChecks.At(field, i);
            var d = list![i];
            var code = c.Text(d.Code, f + ".code");
            if (code.Length > 0 && !codes.Add(code))
            {
                c.Duplicated(f + ".code", "Two diseases of the list share this code.");
            }

            var diagnoses = c.Codes(d.Diagnoses, f + ".diagnoses");
            var kinds = new List<OutpatientItemKind>();
            for (var k = 0; k < (d.CoveredKinds?.Count ?? 0); k++)
            {
                var kind = OutpatientCsv.Kind(d.CoveredKinds![k] ?? string.Empty);
                if (kind == OutpatientItemKind.Unknown)
                {
                    c.Invalid(PolicyChecks.At(f + ".coveredKinds", k), "An item kind must be drug, consumable, procedure or test.");
                }
                else
                {
                    kinds.Add(kind);
                }
            }

            IReadOnlyList<string> items = d.CoveredItems is null ? [] : c.Codes(d.CoveredItems, f + ".coveredItems");
            var terms = new List<ChronicTerms>();
            if (d.Terms is null || d.Terms.Count == 0)
            {
                c.Required(f + ".terms");
            }

            for (var k = 0; k < (d.Terms?.Count ?? 0); k++)
            {
                var tf = PolicyChecks.At(f + ".terms", k);
                var t = d.Terms![k];
                var from = c.Date(t.From, tf + ".from", null);
                var to = c.Date(t.To, tf + ".to", 99_991_231);
                c.Range(from, to, tf);
                terms.Add(new ChronicTerms(Fund(t.Fund, tf + ".fund", c), from, to, c.Share(t.Ratio, tf + ".ratio"), c.Yuan(t.Deductible ?? 0m, tf + ".deductible"), c.Yuan(t.Ceiling, tf + ".ceiling")));
            }

            result.Add(new ChronicDisease(code, d.Name?.Trim() ?? string.Empty, diagnoses, kinds, items, terms, legacy));
        }

        return result;
    }

    private static InsuranceFund Fund(string? text, string field, PolicyChecks c)
    {
        if (string.IsNullOrWhiteSpace(text) || text!.Trim() is "all" or "全部")
        {
            return InsuranceFund.Other;
        }

        if (OutpatientCsv.TryFund(text, out var fund))
        {
            return fund;
        }

        c.Invalid(field, "A fund must be employee (职工), resident (居民) or all.");
        return InsuranceFund.Other;
    }
}
