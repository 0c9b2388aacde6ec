using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using static MedInsurance.Payment.Dip.Tests.Fixtures;

namespace MedInsurance.Payment.Dip.Tests;

/// <summary>
/// <see cref="DipScorer.Score(ReadRecord{InpatientCase}, in DipHospitalContext)"/>: a case the reader accepted is scored
/// without the basic checks being run again, with the same result as scoring the case itself.
/// </summary>
public sealed class ScoreFromRecordTests
{
    private const string Cases =
        "id,hospital_id,sex,age,los,admission_date,discharge_date,diagnoses,procedures,total_cost\n"
        + "A1,H1,1,40,5,2026-03-01,2026-03-06,K35.900x001,47.0900,25000\n"
        + "A2,H1,2,30,3,2026-03-01,2026-03-04,K35.900x001|K35.900x001,,9000\n" // a repeated diagnosis: a warning only
        + "A3,H1,2,30,3,2026-03-01,2026-03-04,J06.900,,2000\n" // no group in the catalog
        + "A4,H1,2,30,0,2026-03-01,2026-03-04,K35.900x001,,2000\n"; // length of stay against the dates: rejected

    [Fact]
    public void An_accepted_record_scores_as_its_case_and_a_rejected_one_is_refused()
    {
        var scorer = Scorer(Catalog(Group("K35.9-47.09", "K35.9", 1_000m, 20_000m, "47.0900"), Group("K35.9", "K35.9", 600m, 9_000m)), "national-dip-1.0");
        var records = CaseCsvReader.Read(new StringReader(Cases)).ToList();
        Assert.Equal(3, records.Count(r => !r.IsRejected));
        foreach (var record in records.Where(r => !r.IsRejected))
        {
            Assert.Equal(scorer.Score(record.Value!, Level3A), scorer.Score(record, Level3A));
        }

        Assert.Equal(DipCaseStatus.Scored, scorer.Score(records[0], Level3A).Status);
        var rejected = records.Single(r => r.IsRejected);
        Assert.Throws<ArgumentException>(() => scorer.Score(rejected, Level3A));
        Assert.Throws<ArgumentNullException>(() => scorer.Score((ReadRecord<InpatientCase>)null!, Level3A));
    }
}
