using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Validation;
using C = MedInsurance.Payment.Interchange.CaseCsvColumns;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 病例CSV读取 — reads settlement-list cases from the case CSV format (UTF-8, header row, <c>|</c> between codes).
/// </summary>
/// <remarks>
/// Every data row yields exactly one <see cref="ReadRecord{T}"/>, in file order: a case, or a rejected row with
/// coded issues naming each bad column. Nothing throws on bad data; only I/O failures and null arguments do.
/// Each row is also checked by <see cref="InpatientCaseValidator"/>. Thread-safe (no shared state).
/// </remarks>
public static class CaseCsvReader
{
    private static readonly string[] RequiredColumns = { C.Id, C.Diagnoses };

    /// <summary>Reads a case CSV file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>One record per data row, in order.</returns>
    public static IReadOnlyList<ReadRecord<InpatientCase>> ReadFile(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return Read(reader).ToList();
    }

    /// <summary>Reads case CSV text lazily, one record per data row.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The records, in order.</returns>
    public static IEnumerable<ReadRecord<InpatientCase>> Read(TextReader reader)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        return ReadIterator(reader);
    }

    private static IEnumerable<ReadRecord<InpatientCase>> ReadIterator(TextReader reader)
    {
        string? badData = null;
        var config = CsvTables.Configuration(args => badData ??= args.RawRecord);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
        {
            yield break;
        }

        var header = new HeaderIndex(csv.HeaderRecord ?? Array.Empty<string>());
        var missing = RequiredColumns.Where(c => !header.Has(c)).ToArray();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var row = 0;
        while (csv.Read())
        {
            row++;
            var issues = new List<ValidationIssue>();
            foreach (var column in missing)
            {
                issues.Add(CsvTables.MissingColumn(column));
            }

            var fields = new FieldReader(column => header.Get(csv, column), issues);
            var id = fields.Text(C.Id);
            InpatientCase? value = null;
            if (missing.Length == 0)
            {
                value = BuildCase(fields, id);
                issues.AddRange(InpatientCaseValidator.Validate(value));
            }

            // CsvHelper reports bad data while fields are read, so check after reading them.
            if (badData is not null)
            {
                issues.Add(CsvTables.MalformedRow(row));
                badData = null;
            }

            if (id.Length > 0 && !seenIds.Add(id))
            {
                issues.Add(ValidationIssue.Error(
                    IssueCodes.CaseIdDuplicated, C.Id, "病例号“" + id + "”在本批次中重复", "The case id '" + id + "' occurs more than once in this batch."));
            }

            yield return new ReadRecord<InpatientCase>(row, id, value, issues);
        }
    }

    private static InpatientCase BuildCase(FieldReader f, string id)
    {
        var (mainDiagnosis, secondary) = Codes(f, C.Diagnoses, DiagnosisCode.Read);
        var (mainProcedure, others) = Codes(f, C.Procedures, ProcedureCode.Read);
        return new InpatientCase
        {
            CaseId = id,
            HospitalId = f.Text(C.HospitalId),
            Fund = ReadFund(f),
            Sex = ReadSex(f),
            AgeYears = f.Int(C.Age, 0, 150, 0),
            AgeDays = f.OptionalInt(C.AgeDays, 0, 366),
            BirthWeightGrams = f.OptionalInt(C.BirthWeight, 0, 20000),
            AdmissionWeightGrams = f.OptionalInt(C.AdmissionWeight, 0, 20000),
            AdmissionDate = f.Date(C.AdmissionDate),
            DischargeDate = f.Date(C.DischargeDate),
            LengthOfStayDays = f.Int(C.LengthOfStay, -100000, 100000, 0),
            DischargeType = ReadDischargeType(f),
            MainDiagnosis = mainDiagnosis,
            SecondaryDiagnoses = secondary,
            MainProcedure = mainProcedure,
            OtherProcedures = others,
            IcuDays = f.Int(C.IcuDays, 0, 100000, 0),
            Costs = new CostBreakdown
            {
                Total = f.Money(C.TotalCost),
                Drugs = f.Money(C.DrugCost),
                Consumables = f.Money(C.ConsumableCost),
                Treatment = f.Money(C.TreatmentCost),
                Surgery = f.Money(C.SurgeryCost),
                Examination = f.Money(C.ExaminationCost),
                Other = f.Money(C.OtherCost),
                FundPaid = f.Money(C.FundPaid),
                PatientPaid = f.Money(C.PatientPaid),
            },
            PaymentMethod = ReadPaymentMethod(f),
        };
    }

    private static (T Main, List<T> Others) Codes<T>(FieldReader f, string column, Func<string, string, ParseResult<T>> read)
        where T : struct
    {
        var text = f.Text(column);
        var rest = new List<T>();
        T main = default;
        if (text.Length == 0)
        {
            return (main, rest);
        }

        var parts = text.Split(C.CodeSeparator);
        for (var i = 0; i < parts.Length; i++)
        {
            var field = column + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var result = read(parts[i], field);
            if (!result.Success)
            {
                f.Issues.AddRange(result.Issues);
                continue;
            }

            if (i == 0)
            {
                main = result.Value;
            }
            else
            {
                rest.Add(result.Value);
            }
        }

        return (main, rest);
    }

    private static Sex ReadSex(FieldReader f)
    {
        var text = f.Text(C.Sex);
        switch (text.ToUpperInvariant())
        {
            case "":
            case "0":
                return Sex.Unknown;
            case "1" or "男" or "M" or "MALE":
                return Sex.Male;
            case "2" or "女" or "F" or "FEMALE":
                return Sex.Female;
            case "9":
                return Sex.NotStated;
            default:
                f.Invalid(C.Sex, text, "1（男）、2（女）、0或9", "1 (male), 2 (female), 0 or 9");
                return Sex.Unknown;
        }
    }

    private static InsuranceFund ReadFund(FieldReader f)
    {
        var text = f.Text(C.Fund);
        switch (text.ToUpperInvariant())
        {
            case "":
            case "OTHER" or "其他" or "0":
                return InsuranceFund.Other;
            case "EMPLOYEE" or "职工" or "310" or "1":
                return InsuranceFund.Employee;
            case "RESIDENT" or "居民" or "390" or "2":
                return InsuranceFund.Resident;
            default:
                f.Invalid(C.Fund, text, "employee、resident、other（职工、居民、其他）", "employee, resident or other");
                return InsuranceFund.Other;
        }
    }

    private static DischargeType ReadDischargeType(FieldReader f)
    {
        var value = f.OptionalInt(C.DischargeType, 0, 9);
        if (value is null)
        {
            return DischargeType.Unspecified;
        }

        if (value is 6 or 7 or 8)
        {
            f.Invalid(C.DischargeType, value.Value.ToString(CultureInfo.InvariantCulture), "1、2、3、4、5或9", "1, 2, 3, 4, 5 or 9");
            return DischargeType.Unspecified;
        }

        return (DischargeType)value.Value;
    }

    private static PaymentMethod ReadPaymentMethod(FieldReader f)
    {
        var text = f.Text(C.PaymentMethod);
        switch (text.ToUpperInvariant())
        {
            case "":
                return PaymentMethod.Unspecified;
            case "DRG":
                return PaymentMethod.Drg;
            case "DIP":
                return PaymentMethod.Dip;
            case "PER_DIEM" or "按床日":
                return PaymentMethod.PerDiem;
            case "CAPITATION" or "按人头":
                return PaymentMethod.Capitation;
            case "FEE_FOR_SERVICE" or "按项目":
                return PaymentMethod.FeeForService;
            case "SINGLE_DISEASE" or "按单病种":
                return PaymentMethod.SingleDisease;
            default:
                f.Invalid(C.PaymentMethod, text, "drg、dip、per_diem、capitation、fee_for_service或single_disease", "drg, dip, per_diem, capitation, fee_for_service or single_disease");
                return PaymentMethod.Unspecified;
        }
    }
}
