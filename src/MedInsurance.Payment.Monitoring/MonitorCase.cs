using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// What the monitor reads of a case, taken from the <see cref="InpatientCase"/> in one step by <see cref="From"/> — a pure
/// function, so <c>medpay monitor</c> runs it on the thread that converted the case, while the case's objects are still
/// in that core's cache, and hands this compact value to the thread that adds cases in file order
/// (docs/performance.md, "Supervision indicators"). <see cref="SupervisionMonitor.Add(InpatientCase, CaseResult?, long)"/>
/// goes through it too: one reading of a case for both paths.
/// </summary>
internal readonly struct MonitorCase
{
    private MonitorCase(InpatientCase c, DateState state, int month, int admissionDay, int dischargeDay)
    {
        CaseId = c.CaseId;
        HospitalId = c.HospitalId;
        MainDiagnosis = c.MainDiagnosis;
        State = state;
        Month = month;
        AdmissionDay = admissionDay;
        DischargeDay = dischargeDay;
        LengthOfStayDays = c.LengthOfStayDays;
        CostFen = c.Costs.Total.Fen;
        OutOfCatalogFen = c.OutOfCatalogCost.Fen;
        Death = c.DischargeType == DischargeType.Death;
        Referral = c.AdmissionRoute == AdmissionRoute.Referral;
        HasPatient = c.PatientId.Length > 0;
        PatientHash = HasPatient ? PersonStay.Hash(c.PatientId) : 0;
    }

    /// <summary>Whether the dates let the case be used.</summary>
    public enum DateState : byte
    {
        /// <summary>Discharge date present and both dates in 1900–2199.</summary>
        Usable,

        /// <summary>No discharge date: counted, not used.</summary>
        NoDischargeDate,

        /// <summary>A year outside 1900–2199 (MONITOR_DATE_OUT_OF_RANGE): counted, not used.</summary>
        OutOfRange,
    }

    public string CaseId { get; }

    public string HospitalId { get; }

    public DiagnosisCode MainDiagnosis { get; }

    public DateState State { get; }

    /// <summary>Discharge month: year × 12 + month − 1.</summary>
    public int Month { get; }

    /// <summary>Admission day number (discharge − LOS when the admission date is missing).</summary>
    public int AdmissionDay { get; }

    public int DischargeDay { get; }

    public int LengthOfStayDays { get; }

    public long CostFen { get; }

    public long OutOfCatalogFen { get; }

    public bool Death { get; }

    public bool Referral { get; }

    public bool HasPatient { get; }

    /// <summary><see cref="PersonStay.Hash"/> of the patient id (0 without one).</summary>
    public ulong PatientHash { get; }

    /// <summary>Reads a case (any thread).</summary>
    public static MonitorCase From(InpatientCase c)
    {
        if (c.DischargeDate is not { } discharged)
        {
            return new MonitorCase(c, DateState.NoDischargeDate, 0, 0, 0);
        }

        if (!SupervisionMonitor.InRange(discharged) || (c.AdmissionDate is { } admission && !SupervisionMonitor.InRange(admission)))
        {
            return new MonitorCase(c, DateState.OutOfRange, 0, 0, 0);
        }

        var dischargeDay = SupervisionMonitor.DayNumber(discharged);
        var admissionDay = c.AdmissionDate is { } a ? SupervisionMonitor.DayNumber(a) : dischargeDay - c.LengthOfStayDays;
        return new MonitorCase(c, DateState.Usable, SupervisionMonitor.MonthOf(discharged), admissionDay, dischargeDay);
    }
}
