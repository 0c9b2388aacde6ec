using System.Collections.Generic;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 清算单记录器 — the one place every clearing step writes its statement lines through: a stable code, the Chinese label,
/// the amount or quantity, and the formula with the numbers that produced it.
/// </summary>
internal sealed class StatementRecorder
{
    private readonly List<StatementLine>[] _lines;

    public StatementRecorder(int hospitals)
    {
        _lines = new List<StatementLine>[hospitals];
        for (var h = 0; h < hospitals; h++)
        {
            _lines[h] = new List<StatementLine>();
        }
    }

    public void Money(int hospital, string code, string label, Money amount, string formula) =>
        _lines[hospital].Add(new StatementLine(code, label, amount, null, formula));

    public void Quantity(int hospital, string code, string label, decimal quantity, string formula) =>
        _lines[hospital].Add(new StatementLine(code, label, null, quantity, formula));

    public StatementLine[] Lines(int hospital) => _lines[hospital].ToArray();
}
