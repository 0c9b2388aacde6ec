namespace MedInsurance.Payment;

/// <summary>
/// A code type's text as stored (null for an empty code): lets a check written once over the code types read it without
/// boxing (a generic method constrained to a struct implementing this is compiled for each code type).
/// </summary>
internal interface ICodeText
{
    /// <summary>The code's text, or null when the code is empty.</summary>
    string? Text { get; }
}
