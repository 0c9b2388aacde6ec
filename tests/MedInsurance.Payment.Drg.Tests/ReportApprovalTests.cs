using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.TestSupport;
using static MedInsurance.Payment.Drg.Tests.MiniRuleText;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>Approval tests of the texts people read: the load report and the bilingual trace (mini rule text).</summary>
public sealed class ReportApprovalTests
{
    [Fact]
    public void Load_report_of_the_mini_rule_text() => Approvals.Verify(Loaded.Report.Render(), "load-report");

    [Fact]
    public void Trace_in_chinese_and_english()
    {
        var r = Grouper().Group(Case("I63.900", "J96.000|E11.900|E11.900", "88.4100"));
        Approvals.Verify(r.Trace.Render(TraceLanguage.Chinese) + "\n" + r.Trace.Render(TraceLanguage.English), "trace");
    }
}
