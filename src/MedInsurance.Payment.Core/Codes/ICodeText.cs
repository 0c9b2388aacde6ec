namespace MedInsurance.Payment;

/// <summary>The text a code struct holds, null for the empty code: read without a copy or an interface call (constrained
/// generic calls on the two code structs), for comparing codes by reference.</summary>
internal interface ICodeText
{
    /// <summary>The normalized text, or null for the default (empty) code.</summary>
    string? Text { get; }
}
