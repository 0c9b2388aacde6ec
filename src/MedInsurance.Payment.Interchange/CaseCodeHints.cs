namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 代码提示 — the tags of the known codes (<see cref="CaseCodeVocabulary"/>) a converting thread read in its latest rows,
/// by data row: a checker run right after the conversion, on the same thread (<c>medpay check</c>, <c>medpay monitor
/// --check</c>), takes a code's facts from here instead of looking the code up again. One per converting thread; not thread-safe.
/// </summary>
/// <remarks>
/// Holds the last <see cref="Rows"/> rows (a run handed over after conversion is at most 64) and up to
/// <see cref="PerRow"/> codes of each. A code is matched by reference to the vocabulary's own string, so a hint can only
/// ever be the tag of that very code: a row that is no longer held, or a code that did not come from the vocabulary,
/// simply has no hint, and the checker looks it up as before.
/// </remarks>
internal sealed class CaseCodeHints
{
    /// <summary>Rows held (a power of two).</summary>
    public const int Rows = 128;

    /// <summary>Codes held per row; a row's further codes have no hint.</summary>
    public const int PerRow = 8;

    private readonly int[] _rows = new int[Rows];
    private readonly byte[] _counts = new byte[Rows];
    private readonly string?[] _texts = new string?[Rows * PerRow];
    private readonly ulong[] _tags = new ulong[Rows * PerRow];
    private int _current = -1;

    /// <summary>Starts data row <paramref name="row"/> (1-based): its earlier hints, of a row <see cref="Rows"/> before, are dropped.</summary>
    /// <param name="row">The data row number.</param>
    public void Begin(int row)
    {
        _current = row & (Rows - 1);
        _rows[_current] = row;
        _counts[_current] = 0;
    }

    /// <summary>Notes a known code of the current row with its tag.</summary>
    /// <param name="text">The vocabulary's string of the code.</param>
    /// <param name="tag">Its tag.</param>
    public void Add(string text, ulong tag)
    {
        if (_current < 0 || _counts[_current] == PerRow)
        {
            return;
        }

        var at = (_current * PerRow) + _counts[_current]++;
        _texts[at] = text;
        _tags[at] = tag;
    }

    /// <summary>How many codes of <paramref name="row"/> have a tag (0 when the row is not among those kept): when it is
    /// every code of the case, none needs looking up.</summary>
    /// <param name="row">The data row.</param>
    /// <returns>The codes tagged, at most <see cref="PerRow"/>.</returns>
    public int CountOf(int row)
    {
        var slot = row & (Rows - 1);
        return _rows[slot] == row ? _counts[slot] : 0;
    }

    /// <summary>The tag of <paramref name="text"/> (the very string the vocabulary gave) when row <paramref name="row"/> read it.</summary>
    /// <param name="row">The data row number.</param>
    /// <param name="text">The code's string, as the case holds it.</param>
    /// <param name="tag">Its tag.</param>
    /// <returns>Whether a hint was found.</returns>
    public bool TryGet(int row, string text, out ulong tag)
    {
        var slot = row & (Rows - 1);
        if (_rows[slot] == row)
        {
            var first = slot * PerRow;
            for (var i = first; i < first + _counts[slot]; i++)
            {
                if (ReferenceEquals(_texts[i], text))
                {
                    tag = _tags[i];
                    return true;
                }
            }
        }

        tag = 0;
        return false;
    }
}
