using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment;
using MedInsurance.Payment.Cases;

namespace HisEmbedding;

/// <summary>What a HIS posts at discharge: the settlement-list fields the calculators need, as plain JSON.</summary>
public sealed record DischargeRequest(
    string CaseId,
    string HospitalId,
    int Sex,
    int Age,
    int LengthOfStay,
    string DischargeDate,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<string>? Procedures,
    decimal TotalCost)
{
    /// <summary>Builds the domain case, or the reasons it cannot be built.</summary>
    public (InpatientCase? Case, IReadOnlyList<string> Problems) ToCase()
    {
        var problems = new List<string>();
        var diagnoses = Diagnoses.Select((d, i) => DiagnosisCode.Read(d, "diagnoses[" + i + "]")).ToList();
        var procedures = (Procedures ?? Array.Empty<string>()).Select((p, i) => ProcedureCode.Read(p, "procedures[" + i + "]")).ToList();
        problems.AddRange(diagnoses.Concat<object>(procedures).SelectMany(r => r switch
        {
            MedInsurance.Payment.Validation.ParseResult<DiagnosisCode> d => d.Issues,
            MedInsurance.Payment.Validation.ParseResult<ProcedureCode> p => p.Issues,
            _ => Array.Empty<MedInsurance.Payment.Validation.ValidationIssue>(),
        }).Select(i => i.ToCompactString() + ": " + i.MessageEn));
        if (!DateOnly.TryParse(DischargeDate, System.Globalization.CultureInfo.InvariantCulture, out var discharged))
        {
            problems.Add("dischargeDate: expected yyyy-MM-dd");
        }

        if (!Money.TryParseYuan(TotalCost.ToString(System.Globalization.CultureInfo.InvariantCulture), out var total))
        {
            problems.Add("totalCost: expected yuan exact to the fen");
        }

        if (problems.Count > 0 || diagnoses.Count == 0)
        {
            return (null, problems.Count > 0 ? problems : new[] { "diagnoses: at least the main diagnosis is required" });
        }

        var codes = diagnoses.Select(d => d.Value).ToList();
        var pcodes = procedures.Select(p => p.Value).ToList();
        return (new InpatientCase
        {
            CaseId = CaseId,
            HospitalId = HospitalId,
            Sex = (Sex)Sex,
            AgeYears = Age,
            LengthOfStayDays = LengthOfStay,
            DischargeDate = discharged,
            DischargeType = DischargeType.MedicalAdvice,
            MainDiagnosis = codes[0],
            SecondaryDiagnoses = codes.Skip(1).ToArray(),
            MainProcedure = pcodes.Count > 0 ? pcodes[0] : default,
            OtherProcedures = pcodes.Skip(1).ToArray(),
            Costs = CostBreakdown.FromTotal(total),
        }, problems);
    }
}
