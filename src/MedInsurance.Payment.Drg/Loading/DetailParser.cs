using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Drg.Loading;

/// <summary>Parses 4_ADRG_DETAIL.txt: MDC headers and main tables, ADRG headers and their condition sections.</summary>
internal sealed class DetailParser
{
    private const string File = RuleTextLoader.DetailFile;

    private readonly ReportBuilder _report;
    private string? _mdc;
    private AdrgBuilder? _adrg;
    private Section _section;
    private int _tableNumber;
    private string _region = string.Empty;

    private DetailParser(ReportBuilder report) => _report = report;

    private enum Section
    {
        None,
        MdcHeader,
        MdcTable,
        MainDiagnoses,
        AnyDiagnoses,
        MainProcedures,
        Table,
    }

    public Dictionary<string, List<string>> MdcTables { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, string>> TraumaRegions { get; } = new(StringComparer.Ordinal);

    /// <summary>MDC → code → the regions after the first that the table also lists the code under (e.g. S12.910).</summary>
    public Dictionary<string, Dictionary<string, List<string>>> AdditionalTraumaRegions { get; } = new(StringComparer.Ordinal);

    public List<AdrgBuilder> Adrgs { get; } = new();

    public static DetailParser Parse(string folder, ReportBuilder report)
    {
        var parser = new DetailParser(report);
        var lines = RuleText.ReadLines(Path.Combine(folder, File));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0)
            {
                parser.Line(lines[i], i + 1);
            }
        }

        return parser;
    }

    private void Line(string line, int number)
    {
        var mdc = RuleTextLoader.MatchDetailMdc(line);
        if (mdc.Success)
        {
            _mdc = "MDC" + mdc.Groups[1].Value;
            _adrg = null;
            _region = string.Empty;
            _section = mdc.Groups[2].Value.Replace(" ", string.Empty).StartsWith("主诊表", StringComparison.Ordinal) ? Section.MdcTable : Section.MdcHeader;
            if (_section == Section.MdcTable && !MdcTables.ContainsKey(_mdc))
            {
                MdcTables[_mdc] = new List<string>();
            }

            return;
        }

        var adrg = RuleTextLoader.MatchDetailAdrg(line);
        var leadingCode = RuleText.Diagnosis.Match(line);
        if (adrg.Success && !(leadingCode.Success && leadingCode.Index == 0))
        {
            var code = adrg.Groups[1].Value;
            var mdcCode = _mdc ?? "MDC" + code[0];
            if (_mdc is null || mdcCode[3] != code[0])
            {
                _report.Note(string.Format(CultureInfo.InvariantCulture, "{0}:{1}: ADRG {2} appears under {3}; filed under MDC{4}.", File, number, code, _mdc ?? "no MDC", code[0]));
                mdcCode = "MDC" + code[0];
            }

            _adrg = new AdrgBuilder(code, adrg.Groups[2].Value.Replace(" ", string.Empty), mdcCode, number);
            Adrgs.Add(_adrg);
            _section = Section.None;
            _tableNumber = 0;
            return;
        }

        var compact = line.Replace(" ", string.Empty);
        if (Header(compact, line, number))
        {
            return;
        }

        var diagnoses = RuleText.Diagnosis.Matches(line);
        var procedures = RuleText.Procedure.Matches(line);
        if (diagnoses.Count == 0 && procedures.Count == 0)
        {
            _report.Unparsed(File, number, line, "neither a header nor a code");
            return;
        }

        if (diagnoses.Count + procedures.Count > 1)
        {
            _report.Note(string.Format(CultureInfo.InvariantCulture, "{0}:{1}: {2} codes on one line; split.", File, number, diagnoses.Count + procedures.Count));
        }

        var wantsDiagnosis = _section is Section.MdcTable or Section.MainDiagnoses or Section.AnyDiagnoses;
        var wantsProcedure = _section is Section.MainProcedures or Section.Table;
        foreach (Match m in diagnoses)
        {
            if (wantsDiagnosis)
            {
                AddDiagnosis(m.Value);
            }
            else
            {
                _report.Unparsed(File, number, m.Value, "diagnosis code outside a diagnosis section");
            }
        }

        foreach (Match m in procedures)
        {
            if (wantsProcedure && _adrg is not null)
            {
                if (_section == Section.MainProcedures)
                {
                    _adrg.MainProcedures.Add(m.Value);
                }
                else
                {
                    _adrg.Table(_tableNumber).Add(m.Value);
                }
            }
            else
            {
                _report.Unparsed(File, number, m.Value, "procedure code outside a procedure section");
            }
        }
    }

    private void AddDiagnosis(string code)
    {
        if (_section == Section.MdcTable && _mdc is not null)
        {
            MdcTables[_mdc].Add(code);
            if (_region.Length > 0)
            {
                if (!TraumaRegions.TryGetValue(_mdc, out var regions))
                {
                    regions = new Dictionary<string, string>(StringComparer.Ordinal);
                    TraumaRegions[_mdc] = regions;
                }

                if (!regions.TryGetValue(code, out var first))
                {
                    regions[code] = _region;
                }
                else if (!string.Equals(first, _region, StringComparison.Ordinal))
                {
                    if (!AdditionalTraumaRegions.TryGetValue(_mdc, out var more))
                    {
                        more = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                        AdditionalTraumaRegions[_mdc] = more;
                    }

                    if (!more.TryGetValue(code, out var list))
                    {
                        list = new List<string>();
                        more[code] = list;
                    }

                    if (!list.Contains(_region))
                    {
                        list.Add(_region);
                    }
                }
            }

            return;
        }

        if (_adrg is null)
        {
            return;
        }

        (_section == Section.AnyDiagnoses ? _adrg.AnyDiagnoses : _adrg.MainDiagnoses).Add(code);
    }

    private bool Header(string compact, string line, int number)
    {
        switch (compact)
        {
            case "包含以下主要诊断：":
            case "主要诊断：":
                _section = _adrg is null && _mdc is not null && MdcTables.ContainsKey(_mdc) ? Section.MdcTable : Section.MainDiagnoses;
                return true;
            case "包含以下主要手术或操作：":
                _section = Section.MainProcedures;
                return true;
            case "主要诊断或其他诊断中包含以下诊断：":
            case "包含以下诊断：":
                _section = _adrg is null && _mdc is not null && MdcTables.ContainsKey(_mdc) ? Section.MdcTable : Section.AnyDiagnoses;
                return true;
            case "同时包含以下手术：":
            case "手术同时包含：":
                RequireAdrg(line, number);
                _tableNumber = _adrg?.NewTable(startsCombination: true) ?? 0;
                _section = Section.Table;
                return true;
            case "手术包含：":
                RequireAdrg(line, number);
                _tableNumber = _adrg?.NewTable(startsCombination: true) ?? 0;
                _section = Section.Table;
                return true;
            case "和":
                RequireAdrg(line, number);
                _tableNumber = _adrg?.NewTable(startsCombination: false) ?? 0;
                _section = Section.Table;
                return true;
            case "全部手术":
            case "包含全部手术":
                RequireAdrg(line, number);
                if (_adrg is not null)
                {
                    _adrg.AnyOperatingRoomProcedure = true;
                }

                return true;
            case "入组条件一：":
            case "入组条件二：":
            case "入组条件三：":
                return true;
        }

        if (compact.StartsWith("符合MDC", StringComparison.Ordinal) && compact.EndsWith("无手术", StringComparison.Ordinal))
        {
            RequireAdrg(line, number);
            if (_adrg is not null)
            {
                _adrg.NoProcedure = true;
            }

            return true;
        }

        if (RuleTextLoader.IsCombinationHeader(compact, out _, out var tables))
        {
            RequireAdrg(line, number);
            _adrg?.Combinations.Add(tables.ToList());
            _section = Section.None;
            return true;
        }

        var table = RuleTextLoader.MatchTableHeader(compact);
        if (table.Success)
        {
            RequireAdrg(line, number);
            _tableNumber = int.Parse(table.Groups[1].Value, CultureInfo.InvariantCulture);
            _adrg?.Table(_tableNumber);
            _section = Section.Table;
            return true;
        }

        if (_adrg is null && _section is Section.MdcTable or Section.MdcHeader && compact.EndsWith("创伤", StringComparison.Ordinal) && compact.Length <= 12 && !RuleText.Diagnosis.IsMatch(compact))
        {
            _region = compact;
            _section = Section.MdcTable;
            return true;
        }

        return false;
    }

    private void RequireAdrg(string line, int number)
    {
        if (_adrg is null)
        {
            _report.Unparsed(File, number, line, "condition header outside an ADRG");
        }
    }

    internal sealed class AdrgBuilder
    {
        private readonly SortedDictionary<int, List<string>> _tables = new();

        public AdrgBuilder(string code, string name, string mdc, int line)
        {
            Code = code;
            Name = name;
            Mdc = mdc;
            Line = line;
        }

        public string Code { get; }

        public string Name { get; }

        public string Mdc { get; }

        public int Line { get; }

        public List<string> MainDiagnoses { get; } = new();

        public List<string> AnyDiagnoses { get; } = new();

        public List<string> MainProcedures { get; } = new();

        public List<List<int>> Combinations { get; } = new();

        public bool AnyOperatingRoomProcedure { get; set; }

        public bool NoProcedure { get; set; }

        public List<string> Table(int number)
        {
            if (!_tables.TryGetValue(number, out var list))
            {
                list = new List<string>();
                _tables[number] = list;
            }

            return list;
        }

        public int NewTable(bool startsCombination)
        {
            var number = _tables.Count == 0 ? 1 : _tables.Keys.Max() + 1;
            Table(number);
            if (startsCombination || Combinations.Count == 0)
            {
                Combinations.Add(new List<int> { number });
            }
            else
            {
                Combinations[Combinations.Count - 1].Add(number);
            }

            return number;
        }

        public AdrgRule Build(DetailParser parser, ReportBuilder report, EditionConventions conventions)
        {
            var mainProcedures = MainProcedures.ToList();
            var reference = RuleTextLoader.MatchCrossReference(Name);
            if (reference.Success && mainProcedures.Count == 0 && _tables.Count == 0)
            {
                var target = parser.Adrgs.FirstOrDefault(a => a.Code == reference.Groups[1].Value);
                if (target is null)
                {
                    report.Unparsed(File, Line, Name, "cross-reference to an unknown ADRG " + reference.Groups[1].Value);
                }
                else
                {
                    mainProcedures.AddRange(target.MainProcedures);
                    report.Note(string.Format(CultureInfo.InvariantCulture, "{0}:{1}: {2} takes the procedure list of {3} (“{4}”).", File, Line, Code, target.Code, reference.Value));
                }
            }

            var hasCondition = MainDiagnoses.Count + AnyDiagnoses.Count + mainProcedures.Count + _tables.Count > 0 || AnyOperatingRoomProcedure || NoProcedure;
            var surgicalWithoutProcedures = conventions.KindOf(Code) == AdrgKind.Surgical && mainProcedures.Count == 0 && _tables.Count == 0;
            if (!hasCondition && !surgicalWithoutProcedures)
            {
                report.Unparsed(File, Line, Code + " " + Name, "ADRG without any condition; it can never be chosen");
            }
            else if (!hasCondition)
            {
                report.Note(string.Format(CultureInfo.InvariantCulture, "{0}:{1}: surgical ADRG {2} states no list; it admits any operating-room procedure.", File, Line, Code));
            }

            foreach (var combo in Combinations)
            {
                foreach (var n in combo.Where(n => !_tables.ContainsKey(n) || _tables[n].Count == 0))
                {
                    report.Unparsed(File, Line, Code + " 手术表 " + n.ToString(CultureInfo.InvariantCulture), "procedure table named in a condition but empty");
                }
            }

            // The age band a name states; otherwise the newborn band in an infant MDC (MDCP in 1.1), unbounded elsewhere.
            var ageBand = ChsDrgProseRules.AgeBandOf(' ', Name);
            if (!ageBand.IsBounded && conventions.InfantMdcs.Contains(Mdc))
            {
                ageBand = new AgeBand(0, ChsDrgProseRules.NewbornMaximumAgeDays);
            }

            return new AdrgRule(
                Code,
                Name,
                Mdc,
                MainDiagnoses,
                AnyDiagnoses,
                mainProcedures,
                _tables.Select(t => new ProcedureTable(t.Key, t.Value)),
                Combinations.Select(c => (IEnumerable<int>)c),
                AnyOperatingRoomProcedure || surgicalWithoutProcedures,
                NoProcedure,
                ageBand,
                ChsDrgProseRules.BirthWeightBandOf(Name),
                new SourceLocation(File, Line));
        }
    }
}
