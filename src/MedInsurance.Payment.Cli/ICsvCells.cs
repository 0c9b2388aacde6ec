namespace MedInsurance.Payment.Cli;

/// <summary>Something that takes CSV cells one after the other (<see cref="CsvRowText"/>, or a CsvHelper writer), so a row's
/// cells are written by one piece of code whichever formats them.</summary>
internal interface ICsvCells
{
    /// <summary>Appends a cell.</summary>
    /// <param name="cell">The cell's text (null: empty).</param>
    void WriteField(string? cell);
}
