using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Consortium;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Drg.Rules;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Outpatient;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Demo;

/// <summary>
/// 示例地区 — the demo region (示例市, "demo city") written by this project so that quick starts, samples and tests run
/// on a fresh machine without national tables: a CHS-DRG-format rule pack of two MDCs, DRG weights and a base rate,
/// a DIP catalog, five hospitals, a DIP clearing policy and a deterministic generator of a year of cases.
/// </summary>
/// <remarks>
/// The data is illustrative, not any region's published tables. It is loaded once, through the same loaders a region
/// uses for its own files, into immutable objects; the instance is thread-safe.
/// </remarks>
public sealed class DemoRegion
{
    /// <summary>The demo DRG edition id (示例分组方案).</summary>
    public const string DrgEdition = "demo-drg-1";

    /// <summary>The name of the DIP policy profile the demo uses (national DIP 1.0 deviation rule).</summary>
    public const string DipProfileName = "national-dip-1.0";

    /// <summary>The demo's settlement year.</summary>
    public const int Year = 2026;

    private static readonly Lazy<DemoRegion> Instance = new(() => new DemoRegion());

    private readonly Dictionary<string, Hospital> _hospitalsById;

    private DemoRegion()
    {
        DrgRuleFolder = EmbeddedData.ExtractDrgRuleFolder();
        var load = RuleTextLoader.Load(DrgRuleFolder, DrgEdition);
        DrgRulePack = load.Pack;
        using (var reader = EmbeddedData.Reader("drg-weights.csv"))
        {
            DrgWeights = DrgWeightTable.Read(reader, "embedded demo drg-weights.csv");
        }

        DipCatalog = DipCatalogFiles.FromJson(EmbeddedData.ReadText("dip-catalog.json"), "embedded demo dip-catalog.json");
        DipProfile = DipPolicyProfiles.BuiltIn(DipProfileName);
        using (var reader = EmbeddedData.Reader("procedure-attributes.csv"))
        {
            ProcedureAttributes = ProcedureAttributeTable.ReadCsv(reader, "embedded demo procedure-attributes.csv");
        }

        using (var reader = EmbeddedData.Reader("hospitals.csv"))
        {
            SettlementHospitals = SettlementCsv.ReadHospitals(reader).Select(r => r.Value!).ToArray();
        }

        Hospitals = SettlementHospitals.Select(h => h.Hospital).ToArray();
        _hospitalsById = Hospitals.ToDictionary(h => h.Id, StringComparer.Ordinal);
        SettlementPolicy = SettlementPolicyLoader.Parse(EmbeddedData.ReadText("settlement-policy.json"), "embedded demo settlement-policy.json");
        CapitationPolicy = CapitationPolicyLoader.Parse(EmbeddedData.ReadText("capitation-policy.json"), "embedded demo capitation-policy.json");
        using (var reader = EmbeddedData.Reader("primary-care.csv"))
        {
            CapitationInstitutions = SettlementCsv.ReadHospitals(reader).Select(r => r.Value!)
                .Concat(SettlementHospitals.Where(h => h.Id == "DEMO-H5")).ToArray();
        }

        OutpatientCombinations = CombinationTableLoader.Parse(EmbeddedData.ReadText("outpatient-combinations.json"), "embedded demo outpatient-combinations.json");
        ChronicPolicy = ChronicPolicyLoader.Parse(EmbeddedData.ReadText("chronic-policy.json"), "embedded demo chronic-policy.json");
        ConsortiumPolicy = ConsortiumPolicyLoader.Parse(EmbeddedData.ReadText("consortium-policy.json"), "embedded demo consortium-policy.json");
        using (var reader = EmbeddedData.Reader("consortium-members.csv"))
        {
            ConsortiumMembers = ConsortiumCsv.ReadMembers(reader).Select(r => r.Value!).ToArray();
        }

        AuxiliaryTyping = new DipAuxiliaryTypingData(
            DrgRulePack.Complications.Values.Where(c => c.Level == ComplicationLevel.Cc).Select(c => c.Code),
            DrgRulePack.Complications.Values.Where(c => c.Level == ComplicationLevel.Mcc).Select(c => c.Code),
            Array.Empty<string>(),
            Array.Empty<string>(),
            Array.Empty<string>(),
            Array.Empty<string>());
    }

    /// <summary>The demo region, loaded on first use.</summary>
    /// <returns>The shared instance.</returns>
    public static DemoRegion Load() => Instance.Value;

    /// <summary>地区名称 — the region's name.</summary>
    public string Name { get; } = "示例市 demo city";

    /// <summary>The folder the embedded DRG rule text was written to (a region would point at its own tables).</summary>
    public string DrgRuleFolder { get; }

    /// <summary>DRG规则包 — the demo CHS-DRG rule pack (MDCF, MDCG; 7 ADRGs; 14 DRGs).</summary>
    public RulePack DrgRulePack { get; }

    /// <summary>DRG权重 — relative weight per DRG code.</summary>
    public IReadOnlyDictionary<string, RelativeWeight> DrgWeights { get; }

    /// <summary>DRG费率 — the demo base rate: yuan per unit of relative weight.</summary>
    public PointValue DrgBaseRate { get; } = new(10_000m);

    /// <summary>DIP病种目录 — the demo DIP catalog.</summary>
    public DipCatalog DipCatalog { get; }

    /// <summary>DIP政策配置 — the DIP policy profile used by the demo (<see cref="DipProfileName"/>).</summary>
    public DipPolicyProfile DipProfile { get; }

    /// <summary>年初点值 — the demo's start-of-year DIP point value (yuan per point).</summary>
    public PointValue DipStartOfYearPointValue { get; } = new(9.5m);

    /// <summary>手术操作属性表 — procedure attributes for DIP comprehensive groups.</summary>
    public ProcedureAttributeTable ProcedureAttributes { get; }

    /// <summary>辅助分型数据 — CC/MCC lists for DIP disease-severity typing (taken from the demo DRG pack).</summary>
    public DipAuxiliaryTypingData AuxiliaryTyping { get; }

    /// <summary>定点医疗机构 — the five demo hospitals.</summary>
    public IReadOnlyList<Hospital> Hospitals { get; }

    /// <summary>The hospitals with their clearing parameters (assessment score, prior-year fund spend).</summary>
    public IReadOnlyList<SettlementHospital> SettlementHospitals { get; }

    /// <summary>清算方案 — the demo clearing policy (DIP, floating settlement point value).</summary>
    public SettlementPolicy SettlementPolicy { get; }

    /// <summary>按人头付费政策 — the demo capitation policy (four classes, referral cost capped at 300, the bands of payment-rules.md §4).</summary>
    public CapitationPolicy CapitationPolicy { get; }

    /// <summary>
    /// 基层医疗机构 — the three primary-care institutions paid by capitation: two community health centres (DEMO-C1,
    /// DEMO-C2) and the township health centre DEMO-H5, with their assessment scores.
    /// </summary>
    public IReadOnlyList<SettlementHospital> CapitationInstitutions { get; }

    /// <summary>
    /// 门诊诊疗组合目录 — the demo table (money, 2026): two surgical (SS01 体表肿物切除, SS02 清创缝合), two internal-medicine
    /// (NK01 糖尿病随访, NK02 急性上呼吸道感染) and two auxiliary-service (FZ01 换药, FZ02 康复理疗) combinations priced at
    /// levels 2 and 3 (SS01 also 3A); fund shares 0.8 employee / 0.7 resident, item shares 0.7 / 0.6.
    /// </summary>
    public CombinationTable OutpatientCombinations { get; }

    /// <summary>
    /// 门诊慢特病政策 — the demo chronic and special outpatient disease policy: hypertension (MT01), diabetes (MT02),
    /// outpatient cancer treatment (MT03), per-person ceilings, and the old list's hypertension (L-GXY) kept for persons
    /// certified before 2025-01-01 until 2028-01-01 (老人老办法).
    /// </summary>
    public ChronicPolicy ChronicPolicy { get; }

    /// <summary>
    /// Generates outpatient item lines (门诊费用明细) at the demo hospitals in export order — claims by service date, the
    /// lines of a claim together — spread evenly over the demo year (deterministic for a seed), streamed.
    /// </summary>
    /// <param name="lines">How many item lines.</param>
    /// <param name="persons">How many distinct persons.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The lines, lazily.</returns>
    public IEnumerable<OutpatientItem> GenerateOutpatientItems(long lines, int persons = 200_000, int seed = 20260306) =>
        DemoOutpatientItemGenerator.Items(Hospitals.Where(h => h.Level.Tier >= HospitalTier.Secondary).Select(h => h.Id).ToArray(), "DEMO-H5", lines, Year, Math.Max(1, persons), seed);

    /// <summary>医共体打包付费政策 — the demo consortium policy: one county consortium (DEMO-GC) with its base, growth and adjustments.</summary>
    public ConsortiumPolicy ConsortiumPolicy { get; }

    /// <summary>医共体成员 — the consortium's three members: county hospital DEMO-H3, county TCM hospital DEMO-H4, township DEMO-H5.</summary>
    public IReadOnlyList<ConsortiumMember> ConsortiumMembers { get; }

    /// <summary>
    /// Generates the demo capitation roster (参保人员名册): persons spread over <see cref="CapitationInstitutions"/>, one in
    /// ten moving to the next institution in July (deterministic for a seed).
    /// </summary>
    /// <param name="persons">How many persons.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The roster rows, in person order.</returns>
    public IReadOnlyList<RosterEntry> GenerateCapitationRoster(int persons = 2400, int seed = 20260303) =>
        DemoOutpatientGenerator.Roster(CapitationInstitutionIds, persons, seed);

    /// <summary>
    /// Generates the demo year of outpatient claims (门诊结算记录) of a roster: visits at the enrolled institution (DEMO-C1
    /// below its budget, DEMO-C2 above, DEMO-H5 near it) and one visit in 150 a referral to DEMO-H3 (deterministic for a seed).
    /// </summary>
    /// <param name="roster">The roster (<see cref="GenerateCapitationRoster"/>).</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The claims, in roster order.</returns>
    public IReadOnlyList<OutpatientClaim> GenerateOutpatientClaims(IReadOnlyList<RosterEntry> roster, int seed = 20260304) =>
        DemoOutpatientGenerator.Claims(CapitationPolicy, roster ?? throw new ArgumentNullException(nameof(roster)), CapitationInstitutionIds, [330, 395, 335], "DEMO-H3", Year, seed);

    /// <summary>Generates the consortium population's claims outside the consortium (医共体外就医), deterministic for a seed.</summary>
    /// <param name="count">How many claims.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The claims.</returns>
    public IReadOnlyList<OutsideClaim> GenerateConsortiumOutsideClaims(int count = 120, int seed = 20260305) =>
        DemoOutpatientGenerator.Outside(ConsortiumPolicy.Packages[0].Id, count, Year, seed);

    private string[] CapitationInstitutionIds => CapitationInstitutions.Select(h => h.Id).ToArray();

    /// <summary>Finds a hospital by id.</summary>
    /// <param name="hospitalId">The id.</param>
    /// <returns>The hospital, or null.</returns>
    public Hospital? FindHospital(string hospitalId) =>
        hospitalId is not null && _hospitalsById.TryGetValue(hospitalId, out var hospital) ? hospital : null;

    /// <summary>The DIP hospital context (level and no explicit coefficient) of a hospital.</summary>
    /// <param name="hospitalId">The id.</param>
    /// <returns>The context, or <see cref="DipHospitalContext.Unknown"/>.</returns>
    public DipHospitalContext DipHospital(string hospitalId) =>
        FindHospital(hospitalId) is { } h ? new DipHospitalContext(h.Level, null) : DipHospitalContext.Unknown;

    /// <summary>Generates the demo year of cases (deterministic for a seed).</summary>
    /// <param name="count">How many cases.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The cases, in id order.</returns>
    public IReadOnlyList<InpatientCase> GenerateYear(int count = 6000, int seed = 20260101) =>
        DemoCaseGenerator.Generate(Hospitals, Year, count, seed);

    /// <summary>
    /// Generates the demo year's stays for the other inpatient methods — per diem, single disease, day surgery, fee for
    /// service (<see cref="DemoCaseGenerator.GenerateOtherMethods"/>); priced under <c>example-mix-2025</c> together with
    /// <see cref="GenerateYear"/> and settled under <c>example-mixed-2025</c> in the quick start.
    /// </summary>
    /// <param name="count">How many stays.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The stays, in id order.</returns>
    public IReadOnlyList<DemoStay> GenerateOtherMethodsYear(int count = 600, int seed = 20260202) =>
        DemoCaseGenerator.GenerateOtherMethods(Hospitals, Year, count, seed);
}
