using System.Text;
using System.Text.Json.Nodes;
using LhlBot.Conversations.Prompts;
using LhlBot.People;
using LhlBot.Reform;

namespace LhlBot.StatusReports;

/// <summary>The municipalities behind one part of a count («Vedtatt»: Bodø, Rana …).</summary>
internal sealed record SummaryGroup(string Label, IReadOnlyList<MunicipalityEntry> Municipalities);

/// <summary>One line of the summary: its topic, the sentence, and who is behind each figure in it (folded on the card).</summary>
internal sealed record SummaryLine(string Topic, string Text, IReadOnlyList<SummaryGroup> Groups)
{
    public int Named => Groups.Sum(g => g.Municipalities.Count);

    /// <summary>Topic and sentence only, for views that show the municipalities their own way.</summary>
    public void Deconstruct(out string topic, out string text) => (topic, text) = (Topic, Text);
}

/// <summary>
/// A round summary in the words of Helsedirektoratet's note ("307 av 356 kommuner har vedtatt eller vil vedta
/// plan i år"), as lines of bokmål that the Teams card, the chat, the CLI and the dashboard all show the same way,
/// each with the municipalities behind its figures.
/// </summary>
internal static class SummaryText
{
    /// <summary>In plain text, a group longer than this is counted rather than listed (the card and the export list them all).</summary>
    private const int MaxNamesInText = 20;

    public static string Heading(RoundSummary s) => $"Statusrapportering per {s.Round.Title} – {s.Scope}";

    /// <summary>The summary as lines with the municipalities behind them.</summary>
    public static IReadOnlyList<SummaryLine> Lines(RoundSummary s)
    {
        var now = s.Now;
        var before = s.Before;
        var compare = before.Reported > 0;
        var reported = now.Behind.Where(kv => kv.Key.StartsWith(StatusReportForm.PlanStatusId + "/", StringComparison.Ordinal)).SelectMany(kv => kv.Value).Distinct().OrderBy(m => m.Name).ToList();
        SummaryGroup[] Groups(string question, IEnumerable<Choice> choices) =>
            choices.Select(c => new SummaryGroup(c.Title, now.Who(question, c.Value))).Where(g => g.Municipalities.Count > 0).ToArray();

        var lines = new List<SummaryLine>
        {
            new("Rapportert", $"{now.Reported} av {Kommuner(now.Municipalities)} har rapportert.", [new("Rapportert", reported)]),
            new("Plan", $"{now.AdoptedOrWillAdopt} av {Kommuner(now.Municipalities)} har vedtatt eller vil vedta plan i år "
                + $"({Figures.Count(now.PlanStatus, PlanStatus.Adopted)} vedtatt, {Figures.Count(now.PlanStatus, PlanStatus.InProcess)} i prosess)."
                + (compare ? $" {Change(now.AdoptedOrWillAdopt, before.AdoptedOrWillAdopt, s.PreviousRound)}" : ""),
                Groups(StatusReportForm.PlanStatusId, PlanStatus.Choices.Where(c => c.Value is PlanStatus.Adopted or PlanStatus.InProcess))),
        };

        var delayed = Figures.Count(now.PlanStatus, PlanStatus.Delayed);
        var notStarted = Figures.Count(now.PlanStatus, PlanStatus.NotStarted);
        var delayText = new StringBuilder($"{Kommuner(delayed)} melder at planarbeidet er forsinket, {notStarted} har ikke startet.");
        if (compare && now.NewlyDelayed > 0)
        {
            delayText.Append($" {now.NewlyDelayed} av dem som i forrige runde sa de ville vedta plan i år, melder nå at de ikke klarer det.");
        }
        lines.Add(new("Forsinkelse", delayText.ToString(), Groups(StatusReportForm.PlanStatusId, PlanStatus.Choices.Where(c => c.Value is PlanStatus.Delayed or PlanStatus.NotStarted))));
        if (delayed > 0) lines.Add(new("Årsaker til forsinkelse", Counted(DelayReason.Choices, now.DelayReasons), Groups(StatusReportForm.DelayReasonsId, DelayReason.Choices)));

        var takesPart = Figures.Count(now.Networks, NetworkParticipation.TakesPart);
        lines.Add(new("Nettverk",
            $"{Kommuner(now.NetworkInvited.Count)} er invitert til læringsnettverk, og {takesPart} oppgir at de deltar; "
            + $"{Figures.Count(now.Networks, NetworkParticipation.Plans)} planlegger å delta, og "
            + $"{Figures.Count(now.Networks, NetworkParticipation.DoesNotWant)} ønsker ikke å delta."
            + (compare ? $" {Change(takesPart, Figures.Count(before.Networks, NetworkParticipation.TakesPart), s.PreviousRound)}" : ""),
            [new("Invitert", now.NetworkInvited), .. Groups(StatusReportForm.NetworkId, NetworkParticipation.Choices)]));

        lines.Add(new("Dialogmøter",
            $"{Kommuner(now.DialogueOffered.Count)} har fått tilbud om dialogmøte med Statsforvalteren, KS og USHT i perioden, og {now.DialogueHeld.Count} har hatt det.",
            [new("Tilbudt", now.DialogueOffered), new("Holdt", now.DialogueHeld)]));

        lines.Add(new("Fase",
            $"{Kommuner(now.InImplementation)} melder at de er i fase 3 (gjennomføringsfasen)."
            + (compare ? $" {Change(now.InImplementation, before.InImplementation, s.PreviousRound)}" : "")
            + $" Fase 1: {Figures.Count(now.Phases, "1")}, fase 2: {Figures.Count(now.Phases, "2")}, fase 4: {Figures.Count(now.Phases, "4")}.",
            Groups(StatusReportForm.PhaseId, ReformPhase.Choices)));
        lines.Add(new("Innsatsområder", Counted(FocusArea.Choices, now.FocusAreas), Groups(StatusReportForm.FocusAreasId, FocusArea.Choices)));
        lines.Add(new("Involvering", Counted(Involvement.Choices, now.Involvement), Groups(StatusReportForm.InvolvementId, Involvement.Choices)));
        lines.Add(new("Ønsker hjelp", $"{Kommuner(now.WantHelp)} ønsker hjelp fra støtteapparatet.",
            [new("Ønsker hjelp", now.Who(StatusReportForm.HelpWantedId, ""))]));
        lines.Add(new("Ikke rapportert", now.NotReported.Count == 0
            ? "Alle kommunene har rapportert."
            : $"{Kommuner(now.NotReported.Count)} har ikke rapportert ennå.", [new("Ikke rapportert", now.NotReported)]));
        return lines;
    }

    public static string AsText(RoundSummary s)
    {
        var text = new StringBuilder("**").Append(Heading(s)).AppendLine("**");
        foreach (var line in Lines(s))
        {
            text.Append("- **").Append(line.Topic).Append(":** ").AppendLine(line.Text);
            foreach (var group in line.Groups.Where(g => g.Municipalities.Count > 0))
            {
                text.Append("  - ").Append(group.Label).Append(": ").AppendLine(group.Municipalities.Count <= MaxNamesInText
                    ? string.Join(", ", group.Municipalities.Select(m => m.UniqueName))
                    : $"{Kommuner(group.Municipalities.Count)} (se kortet i Teams eller eksporten for navnene)");
            }
        }
        if (s.PerOffice.Count > 0)
        {
            text.AppendLine().AppendLine("**Per embete** (rapportert · vedtatt/vil vedta · fase 3)");
            foreach (var (office, now, _) in s.PerOffice)
            {
                text.Append("- ").Append(office.Name).Append(": ").Append(OfficeLine(now)).AppendLine();
            }
        }
        text.AppendLine().Append("Skriv «vis rapporten for Bodø» (med kommunens navn) for å åpne en kommunes rapport.");
        return text.ToString().TrimEnd();
    }

    public static string OfficeLine(Figures f) =>
        $"{f.Reported} av {f.Municipalities} · {f.AdoptedOrWillAdopt} · {f.InImplementation}";

    /// <summary>Data for cards/status-summary.json: each line folds out the municipalities behind it, each linked to its styringsdata.</summary>
    /// <param name="styringsdata">The municipality's page on ressursportal.no (from the configured template), or null for no links.</param>
    public static JsonObject CardData(RoundSummary s, Func<MunicipalityEntry, string?> styringsdata)
    {
        var lines = Lines(s);
        var reported = lines[0].Groups[0].Municipalities;
        return new JsonObject
        {
            ["heading"] = Heading(s),
            ["round"] = s.Round.Id,
            ["lines"] = new JsonArray(lines.Select((l, i) => (JsonNode)new JsonObject
            {
                ["id"] = $"who{i}",
                ["title"] = l.Topic,
                ["value"] = l.Text,
                ["named"] = l.Named,
                ["toggle"] = $"Vis / skjul kommunene ({l.Named})",
                ["groups"] = new JsonArray(l.Groups.Where(g => g.Municipalities.Count > 0).Select(g => (JsonNode)new JsonObject
                {
                    ["label"] = $"{g.Label} ({g.Municipalities.Count})",
                    ["names"] = string.Join(", ", g.Municipalities.Select(m => styringsdata(m) is { } url ? $"[{m.UniqueName}]({url})" : m.UniqueName)),
                }).ToArray()),
            }).ToArray()),
            ["offices"] = new JsonArray(s.PerOffice.Select(o => (JsonNode)new JsonObject
            {
                ["title"] = o.Office.Name,
                ["value"] = OfficeLine(o.Now),
            }).ToArray()),
            ["officeHeading"] = s.PerOffice.Count > 0 ? "Per embete (rapportert · vedtatt/vil vedta · fase 3)" : "",
            ["reported"] = new JsonArray(reported.Select(m => (JsonNode)new JsonObject { ["title"] = m.UniqueName, ["value"] = m.Number }).ToArray()),
        };
    }

    private static string Change(int now, int before, ReportingRound previous)
    {
        var delta = now - before;
        return $"Per {previous.Title}: {before} ({(delta >= 0 ? "+" : "−")}{Math.Abs(delta)}).";
    }

    private static string Counted(IReadOnlyList<Choice> choices, IReadOnlyDictionary<string, int> counts) =>
        counts.Values.All(v => v == 0)
            ? "ingen oppgitt."
            : string.Join(", ", choices.Where(c => counts.GetValueOrDefault(c.Value) > 0)
                .OrderByDescending(c => counts[c.Value]).Select(c => $"{c.Title} ({counts[c.Value]})")) + ".";

    /// <summary>«1 kommune», «2 kommuner», «0 kommuner».</summary>
    public static string Kommuner(int n) => n == 1 ? "1 kommune" : $"{n} kommuner";
}
