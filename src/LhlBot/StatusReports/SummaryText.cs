using System.Text;
using System.Text.Json.Nodes;
using LhlBot.Conversations.Prompts;
using LhlBot.Reform;

namespace LhlBot.StatusReports;

/// <summary>
/// A round summary in the words of Helsedirektoratet's note ("307 av 356 kommuner har vedtatt eller vil vedta
/// plan i år"), as lines of bokmål that the Teams card, the chat and the CLI all show the same way.
/// </summary>
internal static class SummaryText
{
    public static string Heading(RoundSummary s) => $"Statusrapportering per {s.Round.Title} – {s.Scope}";

    /// <summary>The summary as (topic, sentence) pairs.</summary>
    public static IReadOnlyList<(string Topic, string Text)> Lines(RoundSummary s)
    {
        var now = s.Now;
        var before = s.Before;
        var compare = before.Reported > 0;
        var lines = new List<(string, string)>
        {
            ("Rapportert", $"{now.Reported} av {now.Municipalities} kommuner har rapportert."),
            ("Plan", $"{now.AdoptedOrWillAdopt} av {now.Municipalities} kommuner har vedtatt eller vil vedta plan i år "
                + $"({Figures.Count(now.PlanStatus, PlanStatus.Adopted)} vedtatt, {Figures.Count(now.PlanStatus, PlanStatus.InProcess)} i prosess)."
                + (compare ? $" {Change(now.AdoptedOrWillAdopt, before.AdoptedOrWillAdopt, s.PreviousRound)}" : "")),
        };

        var delayed = Figures.Count(now.PlanStatus, PlanStatus.Delayed);
        var notStarted = Figures.Count(now.PlanStatus, PlanStatus.NotStarted);
        var delayText = new StringBuilder($"{delayed} {Kommuner(delayed)} melder at planarbeidet er forsinket, {notStarted} har ikke startet.");
        if (compare && now.NewlyDelayed > 0)
        {
            delayText.Append($" {now.NewlyDelayed} av dem som i forrige runde sa de ville vedta plan i år, melder nå at de ikke klarer det.");
        }
        lines.Add(("Forsinkelse", delayText.ToString()));
        if (delayed > 0) lines.Add(("Årsaker til forsinkelse", Counted(DelayReason.Choices, now.DelayReasons)));

        lines.Add(("Nettverk",
            $"{Figures.Count(now.Networks, NetworkParticipation.TakesPart)} kommuner oppgir at de deltar i nettverk, "
            + $"{Figures.Count(now.Networks, NetworkParticipation.Plans)} planlegger å delta, og "
            + $"{Figures.Count(now.Networks, NetworkParticipation.DoesNotWant)} ønsker ikke å delta."
            + (compare ? $" {Change(Figures.Count(now.Networks, NetworkParticipation.TakesPart), Figures.Count(before.Networks, NetworkParticipation.TakesPart), s.PreviousRound)}" : "")));

        lines.Add(("Fase",
            $"{now.InImplementation} {Kommuner(now.InImplementation)} melder at de er i fase 3 (gjennomføringsfasen)."
            + (compare ? $" {Change(now.InImplementation, before.InImplementation, s.PreviousRound)}" : "")
            + $" Fase 1: {Figures.Count(now.Phases, "1")}, fase 2: {Figures.Count(now.Phases, "2")}, fase 4: {Figures.Count(now.Phases, "4")}."));
        lines.Add(("Innsatsområder", Counted(FocusArea.Choices, now.FocusAreas)));
        lines.Add(("Involvering", Counted(Involvement.Choices, now.Involvement)));
        lines.Add(("Ønsker hjelp", $"{now.WantHelp} {Kommuner(now.WantHelp)} ønsker hjelp fra støtteapparatet."));
        lines.Add(("Ikke rapportert", now.NotReported.Count == 0
            ? "Alle kommunene har rapportert."
            : $"{now.NotReported.Count}: {string.Join(", ", now.NotReported.Select(m => m.UniqueName))}."));
        return lines;
    }

    public static string AsText(RoundSummary s)
    {
        var text = new StringBuilder("**").Append(Heading(s)).AppendLine("**");
        foreach (var (topic, line) in Lines(s)) text.Append("- **").Append(topic).Append(":** ").AppendLine(line);
        if (s.PerOffice.Count > 0)
        {
            text.AppendLine().AppendLine("**Per embete** (rapportert · vedtatt/vil vedta · fase 3)");
            foreach (var (office, now, _) in s.PerOffice)
            {
                text.Append("- ").Append(office.Name).Append(": ").Append(OfficeLine(now)).AppendLine();
            }
        }
        return text.ToString().TrimEnd();
    }

    public static string OfficeLine(Figures f) =>
        $"{f.Reported} av {f.Municipalities} · {f.AdoptedOrWillAdopt} · {f.InImplementation}";

    /// <summary>Data for cards/status-summary.json.</summary>
    public static JsonObject CardData(RoundSummary s) => new()
    {
        ["heading"] = Heading(s),
        ["lines"] = new JsonArray(Lines(s).Select(l => (JsonNode)new JsonObject { ["title"] = l.Topic, ["value"] = l.Text }).ToArray()),
        ["offices"] = new JsonArray(s.PerOffice.Select(o => (JsonNode)new JsonObject
        {
            ["title"] = o.Office.Name,
            ["value"] = OfficeLine(o.Now),
        }).ToArray()),
        ["officeHeading"] = s.PerOffice.Count > 0 ? "Per embete (rapportert · vedtatt/vil vedta · fase 3)" : "",
    };

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

    private static string Kommuner(int n) => n == 1 ? "kommune" : "kommuner";
}
