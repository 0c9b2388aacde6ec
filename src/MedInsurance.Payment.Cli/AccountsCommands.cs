using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Accounts;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// <c>medpay accounts credit|spend</c>: employee personal accounts (职工医保个人账户). <c>credit</c> computes each person-month's
/// credit; its output is the <c>--credits</c> input of <c>spend</c>, which posts credits and spends in date order per account
/// and writes every spend's result and every account's reconciled balance.
/// </summary>
internal static class AccountsCommands
{
    public static Command Create()
    {
        var accounts = new Command("accounts", "Employee personal accounts (职工医保个人账户): monthly credits by dated rules, spending by relation and use, balances that reconcile to the fen.");
        accounts.Subcommands.Add(CreditCommand());
        accounts.Subcommands.Add(SpendCommand());
        return accounts;
    }

    private static Option<FileInfo> PolicyOption() => new("--policy", "-p") { Description = "Account profile JSON (docs/accounts.md).", Required = true };

    private static Command CreditCommand()
    {
        var policy = PolicyOption();
        var months = new Option<FileInfo>("--months") { Description = "Person-months CSV: account_id,month (yyyy-MM),status (active|retired)[,contribution_base].", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Credits CSV to write (one row per input row, in order; the --credits input of accounts spend).", Required = true };
        var encoding = CaseFiles.EncodingOption();
        var command = new Command("credit", "Monthly credits (个人账户月度计入) of every person-month. Exit 0 all rows credited, 1 some rows rejected, 2 input or configuration unusable (nothing written).");
        foreach (var option in new Option[] { policy, months, output, encoding })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Credit(parse.GetValue(policy)!, parse.GetValue(months)!, parse.GetValue(output)!, parse.GetValue(encoding)));
        return command;
    }

    private static Command SpendCommand()
    {
        var policy = PolicyOption();
        var credits = new Option<FileInfo>("--credits") { Description = "Credits CSV written by `medpay accounts credit` (rows with status accepted are posted on the first day of their month).", Required = true };
        var spends = new Option<FileInfo>("--spends") { Description = "Spends CSV: spend_id,account_id,date (yyyy-MM-dd),relation,use,amount; per account in date order.", Required = true };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for spend-results.csv and balances.csv.", Required = true };
        var encoding = CaseFiles.EncodingOption();
        var command = new Command("spend", "Spending from personal accounts (个人账户支出): who may spend on what, never beyond the balance; balances reconciled. Exit 0 all spends paid, 1 some rows rejected, 2 input or configuration unusable (nothing written).");
        foreach (var option in new Option[] { policy, credits, spends, output, encoding })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Spend(parse.GetValue(policy)!, parse.GetValue(credits)!, parse.GetValue(spends)!, parse.GetValue(output)!, parse.GetValue(encoding)));
        return command;
    }

    private static AccountPolicy? LoadPolicy(FileInfo file)
    {
        try
        {
            return AccountPolicyLoader.LoadFile(file.FullName);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("medpay: " + ex.Message);
            return null;
        }
    }

    private static int Credit(FileInfo policyFile, FileInfo monthsFile, FileInfo outputFile, string? encoding)
    {
        if (!CliFiles.AllExist(policyFile, monthsFile) || CaseFiles.Options(encoding) is not { } options || LoadPolicy(policyFile) is not { } policy)
        {
            return 2;
        }

        if (CapitationCommands.MissingColumns(monthsFile, ["account_id", "month", "status"]) is { } missing)
        {
            Console.Error.WriteLine("medpay: " + monthsFile.Name + ": the header lacks " + missing);
            return 2;
        }

        if (!CliFiles.Writable(outputFile.Directory!))
        {
            return 2;
        }

        CsvReadReport? report = null;
        long accepted = 0, rejected = 0, creditedFen = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using (var stream = File.OpenRead(monthsFile.FullName))
        using (var writer = CliOutput.Open(outputFile.FullName))
        using (var csv = CliOutput.Csv(writer))
        {
            foreach (var header in new[] { "row", "account_id", "month", "holder_status", "contribution_base", "amount", "status", "formula", "issues" })
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var record in AccountFiles.ReadMonths(stream, options, r => report = r))
            {
                var m = record.Value;
                AccountCredit? credit = null;
                var issues = record.Issues;
                if (!record.IsRejected)
                {
                    credit = AccountCreditFormulas.Monthly(policy, m.AccountId, m.Status, m.ContributionBase, m.Year, m.Month);
                    issues = issues.Concat(credit.Issues).ToList();
                    if (!credit.IsRejected && !seen.Add(m.AccountId + "\u0001" + AccountFiles.MonthText(m.Year, m.Month)))
                    {
                        issues = issues.Append(Validation.ValidationIssue.Error(AccountIssueCodes.CreditDuplicated, "month", "同一账户同一月份重复计入", "The account is credited twice for this month.")).ToList();
                    }
                }

                var ok = credit is not null && !issues.Any(i => i.IsError);
                accepted += ok ? 1 : 0;
                rejected += ok ? 0 : 1;
                creditedFen += ok ? credit!.Amount.Fen : 0;
                csv.WriteField(record.Row.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(record.Id);
                csv.WriteField(m.Year == 0 ? string.Empty : AccountFiles.MonthText(m.Year, m.Month));
                csv.WriteField(m.Status switch { AccountHolderStatus.Active => "active", AccountHolderStatus.Retired => "retired", _ => string.Empty });
                csv.WriteField(m.ContributionBase?.ToString() ?? string.Empty);
                csv.WriteField(ok ? credit!.Amount.ToString() : string.Empty);
                csv.WriteField(ok ? "accepted" : "rejected");
                csv.WriteField(ok ? credit!.Formula : string.Empty);
                csv.WriteField(ResultCsv.Issues(issues));
                csv.NextRecord();
            }
        }

        Console.Error.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "accounts credit: {0} rows, {1} credited, {2} rejected; credited {3} yuan",
            report?.Rows ?? accepted + rejected,
            accepted,
            rejected,
            Money.FromFen(creditedFen)));
        return rejected > 0 ? 1 : 0;
    }

    private static int Spend(FileInfo policyFile, FileInfo creditsFile, FileInfo spendsFile, DirectoryInfo folder, string? encoding)
    {
        if (!CliFiles.AllExist(policyFile, creditsFile, spendsFile) || CaseFiles.Options(encoding) is not { } options || LoadPolicy(policyFile) is not { } policy)
        {
            return 2;
        }

        if (CapitationCommands.MissingColumns(creditsFile, ["account_id", "month", "amount", "status"]) is { } missingCredits)
        {
            Console.Error.WriteLine("medpay: " + creditsFile.Name + ": the header lacks " + missingCredits);
            return 2;
        }

        if (CapitationCommands.MissingColumns(spendsFile, ["spend_id", "account_id", "date", "relation", "use", "amount"]) is { } missingSpends)
        {
            Console.Error.WriteLine("medpay: " + spendsFile.Name + ": the header lacks " + missingSpends);
            return 2;
        }

        if (!CliFiles.Writable(folder))
        {
            return 2;
        }

        // Credits per account, posted on the first day of their month when the account's next spend (or the end) reaches it.
        // Memory: one entry per accepted credit row (the credits of a year), the spends stream.
        var pending = new Dictionary<string, List<AccountCreditRow>>(StringComparer.Ordinal);
        long creditRows = 0, creditRejected = 0, creditsFen = 0;
        using (var stream = File.OpenRead(creditsFile.FullName))
        {
            foreach (var record in AccountFiles.ReadCredits(stream, options, null))
            {
                creditRows++;
                if (record.IsRejected)
                {
                    creditRejected++;
                    continue;
                }

                if (!pending.TryGetValue(record.Value.AccountId, out var list))
                {
                    pending.Add(record.Value.AccountId, list = []);
                }

                list.Add(record.Value);
                creditsFen += record.Value.Amount.Fen;
            }
        }

        var accounts = new Dictionary<string, (AccountBalance State, int Next)>(StringComparer.Ordinal);
        foreach (var pair in pending)
        {
            pair.Value.Sort((a, b) => ((a.Year * 12) + a.Month).CompareTo((b.Year * 12) + b.Month));
            accounts[pair.Key] = (AccountBalance.Open(pair.Key), 0);
        }

        long spendRows = 0, paid = 0, rejected = 0, fromAccountFen = 0, byPersonFen = 0;
        CsvReadReport? report = null;
        using (var stream = File.OpenRead(spendsFile.FullName))
        using (var writer = CliOutput.Open(Path.Combine(folder.FullName, "spend-results.csv")))
        using (var csv = CliOutput.Csv(writer))
        {
            foreach (var header in new[] { "row", "spend_id", "account_id", "date", "amount", "from_account", "by_person", "balance_after", "status", "issues" })
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var record in AccountFiles.ReadSpends(stream, options, r => report = r))
            {
                spendRows++;
                var spend = record.Value;
                var issues = record.Issues;
                AccountSpendResult? result = null;
                if (spend is not null)
                {
                    var (state, next) = accounts.TryGetValue(spend.AccountId, out var found) ? found : (AccountBalance.Open(spend.AccountId), 0);
                    (state, next) = PostCredits(state, next, pending, spend.Date);
                    result = AccountPosting.Spend(policy, state, spend);
                    accounts[spend.AccountId] = (result.After, next);
                    issues = issues.Concat(result.Issues).ToList();
                }

                var ok = result is { IsRejected: false };
                paid += ok ? 1 : 0;
                rejected += ok ? 0 : 1;
                fromAccountFen += result?.FromAccount.Fen ?? 0;
                byPersonFen += ok ? result!.ByPerson.Fen : 0;
                csv.WriteField(record.Row.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(record.Id);
                csv.WriteField(spend?.AccountId ?? string.Empty);
                csv.WriteField(spend is null ? string.Empty : spend.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(spend?.Amount.ToString() ?? string.Empty);
                csv.WriteField(ok ? result!.FromAccount.ToString() : "0.00");
                csv.WriteField(ok ? result!.ByPerson.ToString() : string.Empty);
                csv.WriteField(result?.After.Balance.ToString() ?? string.Empty);
                csv.WriteField(ok ? "paid" : "rejected");
                csv.WriteField(ResultCsv.Issues(issues));
                csv.NextRecord();
            }
        }

        long credited = 0, debited = 0, balances = 0;
        using (var writer = CliOutput.Open(Path.Combine(folder.FullName, "balances.csv")))
        using (var csv = CliOutput.Csv(writer))
        {
            foreach (var header in new[] { "account_id", "credited", "debited", "balance" })
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var id in accounts.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList())
            {
                var (state, _) = PostCredits(accounts[id].State, accounts[id].Next, pending, null);
                credited += state.Credited.Fen;
                debited += state.Debited.Fen;
                balances += state.Balance.Fen;
                csv.WriteField(id);
                csv.WriteField(state.Credited.ToString());
                csv.WriteField(state.Debited.ToString());
                csv.WriteField(state.Balance.ToString());
                csv.NextRecord();
            }
        }

        Console.Error.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "accounts spend: credits {0} rows ({1} not posted); spends {2} rows, {3} paid, {4} rejected; from accounts {5}, by persons {6} yuan",
            creditRows,
            creditRejected,
            report?.Rows ?? spendRows,
            paid,
            rejected,
            Money.FromFen(fromAccountFen),
            Money.FromFen(byPersonFen)));
        var balanced = credited == creditsFen && debited == fromAccountFen && balances == credited - debited;
        Console.Error.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "reconciliation: credited {0} = credits file {1}; debited {2} = paid from accounts {3}; balances {4} = {0} − {2}: {5}",
            Money.FromFen(credited),
            Money.FromFen(creditsFen),
            Money.FromFen(debited),
            Money.FromFen(fromAccountFen),
            Money.FromFen(balances),
            balanced ? "balanced" : "NOT BALANCED"));
        if (!balanced)
        {
            return 3;
        }

        return rejected > 0 || creditRejected > 0 ? 1 : 0;
    }

    /// <summary>Posts the account's credits whose month starts on or before <paramref name="until"/> (all when null).</summary>
    private static (AccountBalance State, int Next) PostCredits(AccountBalance state, int next, Dictionary<string, List<AccountCreditRow>> pending, CalendarDate? until)
    {
        if (!pending.TryGetValue(state.AccountId, out var list))
        {
            return (state, next);
        }

        while (next < list.Count)
        {
            var c = list[next];
            var first = new CalendarDate(c.Year, c.Month, 1);
            if (until is { } limit && first > limit)
            {
                break;
            }

            state = AccountPosting.Credit(state, new AccountCredit(c.AccountId, c.Year, c.Month, c.Amount, string.Empty, []), state.LastPosting is { } last && last > first ? last : first);
            next++;
        }

        return (state, next);
    }
}
