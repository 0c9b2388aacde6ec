using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>
/// DRG权重表 — reads a region's published DRG weights, CSV <c>drg,weight</c> with a header row, into an immutable
/// lookup of <see cref="RelativeWeight"/> by DRG code.
/// </summary>
/// <remarks>
/// <para>A DRG listed with an empty weight cell (<c>GD25,</c>: a group the region publishes without a weight, e.g. too
/// few cases or not paid by weight) reads as weight 0, "listed, no weight"; a DRG not in the file is absent. Users of
/// the table never pay a zero weight at nothing: <see cref="DrgSettlementPricing"/> reports
/// <see cref="DrgPricingIssueCodes.WeightBlank"/> for it and <see cref="DrgPricingIssueCodes.WeightMissing"/> for an
/// absent DRG.</para>
/// <para>A weight table is configuration: a bad line throws <see cref="InvalidDataException"/> naming the source and
/// line. Thread-safe.</para>
/// </remarks>
public static class DrgWeightTable
{
    /// <summary>Reads a weight table.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="source">The file name or description used in error messages.</param>
    /// <returns>Weights by DRG code; 0 for a DRG listed with an empty weight cell.</returns>
    /// <exception cref="InvalidDataException">A line is not <c>drg,weight</c> with a non-negative or empty weight, or a DRG repeats.</exception>
    public static IReadOnlyDictionary<string, RelativeWeight> Read(TextReader reader, string source)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        var weights = new Dictionary<string, RelativeWeight>(StringComparer.Ordinal);
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            line = line.Trim().TrimStart('\uFEFF');
            if (lineNumber == 1 || line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(',');
            var weight = 0m;
            if (parts.Length < 2
                || parts[0].Trim().Length == 0
                || (parts[1].Trim().Length > 0
                    && (!decimal.TryParse(parts[1].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out weight) || weight < 0)))
            {
                throw new InvalidDataException(Where(source, lineNumber) + "expected 'drg,weight' with a non-negative weight, found '" + line + "'.");
            }

            var code = parts[0].Trim();
            if (weights.ContainsKey(code))
            {
                throw new InvalidDataException(Where(source, lineNumber) + "DRG " + code + " appears twice.");
            }

            weights[code] = new RelativeWeight(weight);
        }

        return weights;
    }

    private static string Where(string source, int line) => source + " line " + line.ToString(CultureInfo.InvariantCulture) + ": ";
}
