using System;
using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.PerDiem;

/// <summary>
/// 批量按床日定价 — prices a batch of stays (normally a policy year): each patient's stays in admission order, so a
/// readmission within the policy's window at the same hospital and class continues the previous stay's day count, and
/// the yearly maximum counts the days already paid to the patient in the class and discharge year.
/// </summary>
/// <remarks>
/// <para>Stays without a patient id, discharge date or positive length are priced as first stays. Only priced stays
/// open or continue an episode and count against the yearly maximum.</para>
/// <para>Ordering the stays allocates once per batch; each stay is then priced by the allocation-free kernel. Pure and
/// thread-safe.</para>
/// </remarks>
public static class PerDiemBatch
{
    /// <summary>Prices a batch.</summary>
    /// <param name="calculator">The calculator.</param>
    /// <param name="stays">The stays, in any order.</param>
    /// <param name="hospitals">The hospitals by id; a stay whose hospital is missing is rejected (<see cref="PerDiemIssueCodes.HospitalUnknown"/>).</param>
    /// <returns>Results and episodes in input order.</returns>
    public static PerDiemBatchResult Price(PerDiemCalculator calculator, IReadOnlyList<PerDiemStay> stays, IReadOnlyDictionary<string, PerDiemHospital> hospitals)
    {
        if (calculator is null)
        {
            throw new ArgumentNullException(nameof(calculator));
        }

        if (stays is null)
        {
            throw new ArgumentNullException(nameof(stays));
        }

        if (hospitals is null)
        {
            throw new ArgumentNullException(nameof(hospitals));
        }

        var policy = calculator.Policy;
        var n = stays.Count;
        var results = new PerDiemResult[n];
        var episodes = new PerDiemEpisode[n];
        var tracked = new List<int>(n);
        var admissionDay = new int[n];
        for (var i = 0; i < n; i++)
        {
            var c = stays[i].Case;
            if (stays[i].PatientId.Length > 0 && c.DischargeDate is { } discharged && c.LengthOfStayDays > 0)
            {
                admissionDay[i] = c.AdmissionDate is { } admitted ? DayNumber(admitted) : DayNumber(discharged) - c.LengthOfStayDays;
                tracked.Add(i);
            }
            else
            {
                results[i] = calculator.Price(stays[i], Hospital(hospitals, c.HospitalId), PerDiemEpisode.First);
            }
        }

        tracked.Sort((a, b) =>
        {
            var byPatient = string.CompareOrdinal(stays[a].PatientId, stays[b].PatientId);
            if (byPatient != 0)
            {
                return byPatient;
            }

            var byDay = admissionDay[a].CompareTo(admissionDay[b]);
            return byDay != 0 ? byDay : a.CompareTo(b);
        });

        var last = new Dictionary<int, (string Hospital, int DischargeDay, int EpisodeDays)>();
        var paidInYear = new Dictionary<(int Class, int Year), int>();
        string? patient = null;
        foreach (var i in tracked)
        {
            var stay = stays[i];
            if (!string.Equals(patient, stay.PatientId, StringComparison.Ordinal))
            {
                patient = stay.PatientId;
                last.Clear();
                paidInYear.Clear();
            }

            var c = stay.Case;
            var discharged = c.DischargeDate!.Value;
            var year = discharged.Year;
            var cls = policy.FindClass(c.MainDiagnosis);
            var episode = PerDiemEpisode.First;
            if (cls >= 0)
            {
                var prior = 0;
                if (policy.ReadmissionDays > 0 && last.TryGetValue(cls, out var previous)
                    && string.Equals(previous.Hospital, c.HospitalId, StringComparison.Ordinal))
                {
                    var gap = admissionDay[i] - previous.DischargeDay;
                    if (gap >= 0 && gap <= policy.ReadmissionDays)
                    {
                        prior = previous.EpisodeDays;
                    }
                }

                episode = new PerDiemEpisode(prior, paidInYear.TryGetValue((cls, year), out var paid) ? paid : 0);
            }

            var result = calculator.Price(stay, Hospital(hospitals, c.HospitalId), episode);
            results[i] = result;
            episodes[i] = episode;
            if (result.IsPriced)
            {
                last[cls] = (c.HospitalId, DayNumber(discharged), result.FirstDay - 1 + result.Days);
                paidInYear[(cls, year)] = episode.PriorYearPaidDays + result.PaidDays;
            }
        }

        return new PerDiemBatchResult(results, episodes);
    }

    private static PerDiemHospital Hospital(IReadOnlyDictionary<string, PerDiemHospital> hospitals, string id) =>
        id is { Length: > 0 } && hospitals.TryGetValue(id, out var h) ? h : PerDiemHospital.Unknown;

#if NET
    private static int DayNumber(DateOnly date) => date.DayNumber;
#else
    private static int DayNumber(DateTime date) => (int)(date.Date.Ticks / TimeSpan.TicksPerDay);
#endif
}

/// <summary>批量定价结果 — results and episode positions of a batch, in input order.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PerDiemBatchResult
{
    internal PerDiemBatchResult(PerDiemResult[] results, PerDiemEpisode[] episodes)
    {
        Results = results;
        Episodes = episodes;
    }

    /// <summary>结果 — one per stay.</summary>
    public IReadOnlyList<PerDiemResult> Results { get; }

    /// <summary>住院段落 — the episode position each stay was priced with.</summary>
    public IReadOnlyList<PerDiemEpisode> Episodes { get; }

    /// <summary>How many stays are priced, not eligible and rejected.</summary>
    /// <param name="priced">Priced.</param>
    /// <param name="notEligible">Not eligible.</param>
    /// <param name="rejected">Rejected.</param>
    public void Count(out int priced, out int notEligible, out int rejected)
    {
        priced = Results.Count(r => r.Status == PerDiemStatus.Priced);
        notEligible = Results.Count(r => r.Status == PerDiemStatus.NotEligible);
        rejected = Results.Count - priced - notEligible;
    }
}
