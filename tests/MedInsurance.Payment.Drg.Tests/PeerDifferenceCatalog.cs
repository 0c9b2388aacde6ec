using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>
/// The accepted classes of disagreement with the peer grouper, read from <c>peer-differences.json</c> (data, not code):
/// each class names a recogniser that decides from the rules — never from case ids — whether a disagreement belongs to it.
/// </summary>
internal sealed class PeerDifferenceCatalog
{
    private readonly DrgGrouper _grouper;
    private readonly Dictionary<string, AdrgRule> _adrgs;
    private readonly Dictionary<string, int> _adrgOrder;
    private readonly IReadOnlyDictionary<string, (string First, string Last)> _twoRegionCodes;

    private PeerDifferenceCatalog(IReadOnlyList<PeerDifferenceClass> classes, DrgGrouper grouper, IReadOnlyDictionary<string, (string First, string Last)> twoRegionCodes)
    {
        Classes = classes;
        _grouper = grouper;
        _adrgs = grouper.Pack.Adrgs.ToDictionary(a => a.Code, StringComparer.Ordinal);
        _adrgOrder = grouper.Pack.Adrgs.Select((a, i) => (a.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        _twoRegionCodes = twoRegionCodes;
    }

    /// <summary>The recognisers a class may name.</summary>
    public static IReadOnlyList<string> Recognisers { get; } = new[]
    {
        "peer-ungrouped-main-diagnosis-only-in-our-adrg-list",
        "operating-room-here-not-peer",
        "combination-adrg-listed-after-ours",
        "trauma-code-in-two-regions",
        "operating-room-peer-not-here",
    };

    public IReadOnlyList<PeerDifferenceClass> Classes { get; }

    public static PeerDifferenceCatalog Load(string json, DrgGrouper grouper, IReadOnlyDictionary<string, (string First, string Last)> twoRegionCodes)
    {
        using var doc = JsonDocument.Parse(json);
        var classes = doc.RootElement.GetProperty("classes").EnumerateArray().Select(c => new PeerDifferenceClass(
            c.GetProperty("id").GetString()!,
            c.GetProperty("reason").GetString()!,
            c.GetProperty("recogniser").GetString()!,
            c.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal))).ToList();
        var unknown = classes.Where(c => !Recognisers.Contains(c.Recogniser, StringComparer.Ordinal)).Select(c => c.Id + ": " + c.Recogniser).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException("peer-differences.json names recognisers that do not exist: " + string.Join(", ", unknown));
        }

        return new PeerDifferenceCatalog(classes, grouper, twoRegionCodes);
    }

    public static PeerDifferenceCatalog LoadDefault(DrgGrouper grouper, string ruleTextFolder) =>
        Load(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "peer-differences.json")), grouper, TraumaRegionListings.CodesInTwoRegions(ruleTextFolder));

    /// <summary>The first class whose recogniser accepts the disagreement, or null.</summary>
    public PeerDifferenceClass? Classify(InpatientCase c, DrgResult ours, string peerMdc, string peerAdrg) =>
        Classes.FirstOrDefault(k => Accepts(k.Recogniser, c, ours, peerMdc, peerAdrg));

    /// <summary>Whether a named recogniser accepts the disagreement.</summary>
    public bool Accepts(string recogniser, InpatientCase c, DrgResult ours, string peerMdc, string peerAdrg)
    {
        _adrgs.TryGetValue(ours.Adrg, out var our);
        _adrgs.TryGetValue(peerAdrg, out var peer);
        var procedures = c.AllProcedures().Select(p => p.Value).ToList();
        switch (recogniser)
        {
            case "peer-ungrouped-main-diagnosis-only-in-our-adrg-list":
                {
                    var main = c.MainDiagnosis.Value;
                    return peerAdrg == "00" && !_grouper.Pack.Mdcs.Any(m => m.MainDiagnoses.Contains(main)) && our?.MainDiagnoses.Contains(main) == true;
                }

            case "operating-room-here-not-peer":
                // We see an operating-room procedure, and the ADRG that needs one (ours) or needs none (the peer's) differs.
                return procedures.Any(_grouper.IsOperatingRoomProcedure)
                    && (our?.RequiresOperatingRoomProcedure == true || peer?.RequiresNoProcedure == true);

            case "operating-room-peer-not-here":
                // The case has procedures, none is an operating-room procedure here, and the peer's ADRG needs one or ours
                // needs none.
                return procedures.Count > 0 && !procedures.Any(_grouper.IsOperatingRoomProcedure)
                    && (peer?.RequiresOperatingRoomProcedure == true || our?.RequiresNoProcedure == true);

            case "combination-adrg-listed-after-ours":
                // The peer's ADRG is a 同时包含 combination the case satisfies; ours, of the same MDC, admits the main
                // procedure by its list and comes earlier in the text.
                return peer is not null && our is not null && peer.Mdc == our.Mdc
                    && peer.TableCombinations.Any(combo => combo.All(n => peer.ProcedureTables.Single(t => t.Number == n).Codes.Intersect(procedures, StringComparer.Ordinal).Any()))
                    && our.MainProcedures.Contains(c.MainProcedure.Value)
                    && _adrgOrder[our.Code] < _adrgOrder[peer.Code];

            case "trauma-code-in-two-regions":
                {
                    // One side entered MDCZ, the other did not, and the case has a code the MDCZ table lists under two
                    // regions: counted in either region (ours) or in its last-listed region only (the peer), the region
                    // count falls on different sides of the minimum.
                    if ((ours.Mdc == "MDCZ") == (peerMdc == "MDCZ"))
                    {
                        return false;
                    }

                    var z = _grouper.Pack.Mdcs.Single(m => m.Code == "MDCZ");
                    var dx = new[] { c.MainDiagnosis.Value }.Concat(c.SecondaryDiagnoses.Select(d => d.Value)).Distinct(StringComparer.Ordinal).ToList();
                    if (!dx.Any(_twoRegionCodes.ContainsKey))
                    {
                        return false;
                    }

                    var lastOnly = dx.Where(z.TraumaRegions.ContainsKey)
                        .Select(d => _twoRegionCodes.TryGetValue(d, out var two) ? two.Last : z.TraumaRegions[d])
                        .Distinct(StringComparer.Ordinal).Count();
                    var traumaDiagnoses = dx.Count(z.TraumaRegions.ContainsKey);
                    var allRegions = dx.Where(z.TraumaRegions.ContainsKey)
                        .SelectMany(d => new[] { z.TraumaRegions[d] }.Concat(z.AdditionalTraumaRegions.TryGetValue(d, out var more) ? more : Enumerable.Empty<string>()))
                        .Distinct(StringComparer.Ordinal).Count();
                    var min = ChsDrgProseRules.MultipleTraumaMinimumRegions;
                    var ourReading = traumaDiagnoses >= min && allRegions >= min;
                    return ourReading != (lastOnly >= min);
                }

            default:
                throw new ArgumentException("Unknown recogniser " + recogniser, nameof(recogniser));
        }
    }
}
