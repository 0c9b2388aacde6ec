using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// 诊疗组合目录加载 — reads a <see cref="CombinationTable"/> from JSON and validates it (format in
/// <c>docs/outpatient.md</c>): ids, money or points, fund shares in 0–1, every combination with a code, a class, its
/// defining codes, dates in order and a price or points at one or more hospital levels exact to the fen; no two
/// combinations in force on the same day share a code.
/// </summary>
/// <remarks>A bad table is a configuration error: <see cref="InvalidDataException"/> names the source, the line, the
/// field and the code of every error. Thread-safe.</remarks>
public static class CombinationTableLoader
{
    /// <summary>Loads a table file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="InvalidDataException">When the JSON is malformed or the table invalid.</exception>
    public static CombinationTable LoadFile(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses and validates a table.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="InvalidDataException">When the JSON is malformed or the table invalid.</exception>
    public static CombinationTable Parse(string json, string source)
    {
        var dto = PolicyJsonText.Read(json, OutpatientJsonContext.Default.CombinationTableJson, source, OutpatientIssueCodes.JsonInvalid);
        var c = new PolicyChecks();
        var id = c.Text(dto.Id, "id");
        var version = c.Text(dto.Version, "version");
        var points = false;
        switch ((dto.Basis ?? "money").Trim().ToLowerInvariant())
        {
            case "money": case "金额": break;
            case "points": case "点数": points = true; break;
            default: c.Invalid("basis", "The basis must be money or points."); break;
        }

        var shares = c.Shares(dto.FundShares, "fundShares");
        var itemShares = c.Shares(dto.FeeForService?.FundShares, "feeForService.fundShares");
        var combinations = new List<TreatmentCombination>();
        if (dto.Combinations is null || dto.Combinations.Count == 0)
        {
            c.Required("combinations");
        }

        for (var i = 0; i < (dto.Combinations?.Count ?? 0); i++)
        {
            var f = PolicyChecks.At("combinations", i);
            var k = dto.Combinations![i];
            var code = c.Text(k.Code, f + ".code");
            var name = k.Name?.Trim() ?? string.Empty;
            var combinationClass = Class(k.Class, f + ".class", c);
            var match = CombinationMatch.Any;
            switch ((k.Match ?? "any").Trim().ToLowerInvariant())
            {
                case "any": case "任一": break;
                case "all": case "全部": match = CombinationMatch.All; break;
                default: c.Invalid(f + ".match", "The match must be any or all."); break;
            }

            var codes = c.Codes(k.Codes, f + ".codes");
            var from = c.Date(k.From, f + ".from", null);
            var to = c.Date(k.To, f + ".to", 99_991_231);
            c.Range(from, to, f);
            var prices = Prices(points ? k.Points : k.Prices, points, f + (points ? ".points" : ".prices"), c);
            if (points && k.Prices is not null)
            {
                c.Invalid(f + ".prices", "A points table gives points, not prices.");
            }
            else if (!points && k.Points is not null)
            {
                c.Invalid(f + ".points", "A money table gives prices, not points.");
            }

            combinations.Add(new TreatmentCombination(i, code, name, combinationClass, match, codes, prices, from, to));
        }

        foreach (var group in combinations.Where(k => k.Code.Length > 0).GroupBy(k => k.Code, StringComparer.OrdinalIgnoreCase))
        {
            var list = group.ToList();
            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    if (list[a].From <= list[b].To && list[b].From <= list[a].To)
                    {
                        c.Duplicated(PolicyChecks.At("combinations", list[b].Order) + ".code", "Two combinations in force on the same day share this code.");
                    }
                }
            }
        }

        PolicyJsonText.RefuseIfInvalid(json, source, "combination table", c.Issues.Where(i => i.IsError).ToList());
        return new CombinationTable(id, version, dto.Name?.Trim() ?? string.Empty, points, Clean(dto.PointSystem), shares, itemShares, Clean(dto.FeeForService?.PointSystem), RoundingRule.Default, combinations);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private static CombinationClass Class(string? text, string field, PolicyChecks c)
    {
        switch ((text ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "surgical": case "surgicalprocedure": case "手术操作": return CombinationClass.SurgicalProcedure;
            case "internal": case "internalmedicine": case "内科诊疗": return CombinationClass.InternalMedicine;
            case "auxiliary": case "auxiliaryservice": case "辅助服务": return CombinationClass.AuxiliaryService;
            case "":
                c.Required(field);
                return CombinationClass.InternalMedicine;
            default:
                c.Invalid(field, "The class must be surgical (手术操作), internal (内科诊疗) or auxiliary (辅助服务).");
                return CombinationClass.InternalMedicine;
        }
    }

    private static List<CombinationPrice> Prices(Dictionary<string, decimal>? values, bool points, string field, PolicyChecks c)
    {
        var result = new List<CombinationPrice>();
        if (values is null || values.Count == 0)
        {
            c.Required(field);
            return result;
        }

        foreach (var pair in values)
        {
            var f = field + "." + pair.Key;
            if (!HospitalLevel.TryParse(pair.Key, out var level) || level.Tier == HospitalTier.Unrated)
            {
                c.Invalid(f, "A price key must be a hospital level such as 2, 3 or 3A.");
                continue;
            }

            if (points)
            {
                if (pair.Value < 0m)
                {
                    c.Invalid(f, "Points must be at least 0.");
                    continue;
                }

                result.Add(new CombinationPrice(level.Code, Money.Zero, pair.Value));
            }
            else
            {
                result.Add(new CombinationPrice(level.Code, c.Yuan(pair.Value, f), 0m));
            }
        }

        return result;
    }
}
