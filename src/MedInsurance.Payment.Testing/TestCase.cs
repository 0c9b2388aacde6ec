namespace MedInsurance.Payment.Testing;

/// <summary>
/// 测试病例 — the start of a valid settlement-list case (医保结算清单) for a test: <c>TestCase.Inpatient("A1")</c>, then only
/// the fields the test is about (<c>.Diagnoses("K35.800x002", "J96.000").Cost(12_000m).Build()</c>).
/// </summary>
public static class TestCase
{
    /// <summary>A case with valid defaults (see <see cref="TestCaseBuilder"/>).</summary>
    /// <param name="caseId">病例号 — the case id.</param>
    /// <returns>A builder.</returns>
    public static TestCaseBuilder Inpatient(string caseId) => new(caseId);
}
