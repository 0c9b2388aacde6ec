using System.Collections.Generic;

namespace MedInsurance.Payment.Drg.Loading;

internal sealed class ReportBuilder
{
    private readonly List<TableCount> _counts = new();
    private readonly List<UnparsedLine> _unparsed = new();
    private readonly List<string> _notes = new();

    public void Count(string file, string table, int codes) => _counts.Add(new TableCount(file, table, codes));

    public void Unparsed(string file, int line, string text, string reason) => _unparsed.Add(new UnparsedLine(file, line, text, reason));

    public void Note(string note) => _notes.Add(note);

    public RuleLoadReport Build(string edition) => new(edition, _counts, _unparsed, _notes);
}
