using System.Collections.Generic;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>One accepted class of disagreement with the peer (an entry of <c>peer-differences.json</c>).</summary>
/// <param name="Id">The class id, e.g. <c>D2</c>.</param>
/// <param name="Reason">Why the two groupers differ, with the rule-text line.</param>
/// <param name="Recogniser">The rule that recognises a case of this class (<see cref="PeerDifferenceCatalog.Recognisers"/>).</param>
/// <param name="Counts">How many disagreements of this class each golden file has.</param>
internal sealed record PeerDifferenceClass(string Id, string Reason, string Recogniser, IReadOnlyDictionary<string, int> Counts);
