using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LhlBot.Conversations.Prompts;
using LhlBot.People;
using LhlBot.Reform;

namespace LhlBot.StatusReports.Dashboard;

/// <summary>
/// The status dashboard's body, rendered on the server as HTML with inline SVG bars: the same
/// <see cref="RoundSummary"/> the bot's summary card and `report` use, and behind every bar the municipalities it
/// counts, each linked to its report. The page (web/status.html) fetches it with the caller's sign-in.
/// </summary>
internal static class DashboardView
{
    /// <summary>One chart: a topic, its choices counted now and in the previous round, and who is behind each bar.</summary>
    private sealed record Chart(string Id, string Title, IReadOnlyList<Bar> Bars, bool Multi);

    private sealed record Bar(string Label, int Now, int Before, IReadOnlyList<MunicipalityEntry> Municipalities);

    public static string Render(RoundSummary summary, IReadOnlyList<ReportRow> rows, IReadOnlyList<ReportingRound> rounds, string? office)
    {
        var html = new StringBuilder();
        var now = summary.Now;
        html.Append("<section class=\"headline\" data-round=\"").Append(E(summary.Round.Id)).Append("\" data-scope=\"").Append(E(summary.Scope)).Append("\">");
        html.Append("<h2>").Append(E(SummaryText.Heading(summary))).Append("</h2>");
        html.Append("<p class=\"compare\">Sammenlignet med runden per ").Append(E(summary.PreviousRound.Title)).Append(" (grå strek).");
        if (office is not null) html.Append(" <a class=\"all-offices\" href=\"?round=").Append(E(summary.Round.Id)).Append("\">Vis alt du har tilgang til</a>");
        html.Append("</p>");
        html.Append("<div class=\"tiles\">");
        Tile(html, "Rapportert", now.Reported, now.Municipalities, summary.Before.Reported, "list-reported-0");
        Tile(html, "Vedtatt eller vil vedta plan i år", now.AdoptedOrWillAdopt, now.Municipalities, summary.Before.AdoptedOrWillAdopt, null);
        Tile(html, "I fase 3 (gjennomføring)", now.InImplementation, now.Municipalities, summary.Before.InImplementation, "list-phase-2");
        Tile(html, "Ønsker hjelp", now.WantHelp, now.Reported, summary.Before.WantHelp, "list-help-0");
        html.Append("</div></section>");

        html.Append("<section class=\"text\"><h3>Oppsummering</h3><ul>");
        foreach (var (topic, line) in SummaryText.Lines(summary)) html.Append("<li><b>").Append(E(topic)).Append(":</b> ").Append(E(line)).Append("</li>");
        html.Append("</ul></section>");

        if (summary.PerOffice.Count > 0)
        {
            html.Append("<section class=\"chart\" id=\"chart-offices\"><h3>Per embete: rapportert</h3><p class=\"compare\">Velg et embete for å se bare dets kommuner.</p>");
            var max = summary.PerOffice.Max(o => o.Now.Municipalities);
            foreach (var (entry, figures, earlier) in summary.PerOffice)
            {
                html.Append("<div class=\"bar-row\"><a class=\"label office-link\" href=\"?round=").Append(E(summary.Round.Id)).Append("&amp;office=")
                    .Append(E(Uri.EscapeDataString(entry.Name))).Append("\">").Append(E(entry.Name)).Append("</a>");
                html.Append("<span class=\"value\">").Append(figures.Reported).Append(" av ").Append(figures.Municipalities).Append("</span>");
                html.Append(StackedSvg(figures.Reported, figures.Municipalities, max, earlier.Reported));
                html.Append("</div>");
            }
            html.Append("</section>");
        }

        var before = summary.Before;
        var charts = new List<Chart>
        {
            new("reported", "Rapportert", [
                new("Har rapportert", now.Reported, before.Reported,
                    rows.Where(r => r.Report is not null).Select(r => r.Municipality).ToList()),
                new("Ikke rapportert ennå", now.NotReported.Count, before.NotReported.Count, now.NotReported)], false),
            Counted("planStatus", "Planstatus", PlanStatus.Choices, StatusReportForm.PlanStatusId, now, before, false),
            Counted("network", "Nettverk", NetworkParticipation.Choices, StatusReportForm.NetworkId, now, before, false),
            new("networkInvited", "Invitert til læringsnettverk (deltar, eller sier de er invitert)", [
                new("Invitert", now.NetworkInvited.Count, before.NetworkInvited.Count, now.NetworkInvited)], false),
            new("dialogue", "Dialogmøter med Statsforvalteren, KS og USHT siden forrige runde", [
                new("Fått tilbud (booket)", now.DialogueOffered.Count, before.DialogueOffered.Count, now.DialogueOffered),
                new("Gjennomført", now.DialogueHeld.Count, before.DialogueHeld.Count, now.DialogueHeld)], false),
            Counted("phase", "Fase", ReformPhase.Choices, StatusReportForm.PhaseId, now, before, false),
            Counted("focusAreas", "Innsatsområder (flere valg)", FocusArea.Choices, StatusReportForm.FocusAreasId, now, before, true),
            Counted("involvement", "Involvering (flere valg)", Involvement.Choices, StatusReportForm.InvolvementId, now, before, true),
            new("help", "Ønsker hjelp fra støtteapparatet", [
                new("Ønsker hjelp", now.WantHelp, before.WantHelp, now.Who(StatusReportForm.HelpWantedId, ""))], false),
        };
        foreach (var chart in charts) RenderChart(html, chart, summary.Round.Id, chart.Id is "reported" or "help" or "dialogue" ? now.Municipalities : Math.Max(now.Reported, 1));

        html.Append("<section class=\"rounds\"><h3>Runder</h3><p>");
        foreach (var round in rounds)
        {
            html.Append("<a href=\"?round=").Append(E(round.Id)).Append(office is null ? "" : "&amp;office=" + E(Uri.EscapeDataString(office))).Append("\"")
                .Append(round.Id == summary.Round.Id ? " aria-current=\"true\"" : "").Append('>').Append(E(round.Title)).Append("</a> ");
        }
        html.Append("</p></section>");
        return html.ToString();
    }

    /// <summary>One municipality's report as the bot's «se rapporten» shows it: each visible question and its answer.</summary>
    public static string Report(MunicipalityEntry municipality, ReportingRound round, StatusReport? report, JsonObject answers, DateOnly today)
    {
        var html = new StringBuilder("<article class=\"report\" data-municipality=\"").Append(E(municipality.Number)).Append("\">");
        html.Append("<h3>").Append(E(municipality.UniqueName)).Append(" – rapport per ").Append(E(round.Title)).Append("</h3>");
        if (report is null)
        {
            html.Append("<p>").Append(E(municipality.UniqueName)).Append(" har ikke rapportert i denne runden.</p></article>");
            return html.ToString();
        }
        html.Append("<p class=\"meta\">Versjon ").Append(report.Version).Append(", sendt av ").Append(E(report.SubmittedByName)).Append(' ')
            .Append(E(TimeZoneInfo.ConvertTime(report.SubmittedAt, Oslo).ToString("d. MMMM yyyy 'kl.' HH:mm", Norwegian))).Append("</p><dl>");
        var form = StatusReportForm.Build(today);
        foreach (var field in form.Visible(answers).Where(f => answers[f.Prompt.Id] is not null))
        {
            html.Append("<dt>").Append(E(field.Prompt.Question)).Append("</dt><dd>").Append(E(field.Prompt.Display(answers[field.Prompt.Id]))).Append("</dd>");
        }
        html.Append("</dl></article>");
        return html.ToString();
    }

    /// <summary>A question's choices as the summary counts them, with the municipalities the summary puts behind each (<see cref="Figures.Who"/>).</summary>
    private static Chart Counted(string id, string title, IReadOnlyList<Choice> choices, string question, Figures now, Figures before, bool multi) =>
        new(id, title, choices.Select(c => new Bar(c.Title, now.Who(question, c.Value).Count, before.Who(question, c.Value).Count, now.Who(question, c.Value))).ToList(), multi);

    private static void RenderChart(StringBuilder html, Chart chart, string roundId, int total)
    {
        html.Append("<section class=\"chart\" id=\"chart-").Append(chart.Id).Append("\"><h3>").Append(E(chart.Title)).Append("</h3>");
        var max = Math.Max(total, chart.Bars.Select(b => Math.Max(b.Now, b.Before)).DefaultIfEmpty(1).Max());
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var listId = $"list-{chart.Id}-{i}";
            html.Append("<div class=\"bar-row\"><a class=\"label\" href=\"#").Append(listId).Append("\" data-list=\"").Append(listId).Append("\">")
                .Append(E(bar.Label)).Append("</a><span class=\"value\">").Append(bar.Now).Append("</span>");
            html.Append(BarSvg(bar.Now, bar.Before, max)).Append("</div>");
            html.Append("<details class=\"municipalities\" id=\"").Append(listId).Append("\"><summary>")
                .Append(E(bar.Label)).Append(": ").Append(bar.Municipalities.Count).Append(' ').Append(bar.Municipalities.Count == 1 ? "kommune" : "kommuner").Append("</summary>");
            if (bar.Municipalities.Count > 0)
            {
                html.Append("<ul>");
                foreach (var m in bar.Municipalities.OrderBy(m => m.Name, StringComparer.Create(Norwegian, false)))
                {
                    html.Append("<li><a class=\"municipality\" href=\"?round=").Append(E(roundId)).Append("&amp;report=").Append(E(m.Number)).Append("\" data-report=\"").Append(E(m.Number)).Append("\">")
                        .Append(E(m.UniqueName)).Append("</a> <span class=\"office\">").Append(E(m.OfficeName)).Append("</span></li>");
                }
                html.Append("</ul>");
            }
            html.Append("</details>");
        }
        html.Append("</section>");
    }

    private static void Tile(StringBuilder html, string title, int value, int of, int before, string? listId)
    {
        html.Append("<div class=\"tile\"><div class=\"number\">").Append(value).Append("<small> av ").Append(of).Append("</small></div><div>")
            .Append(E(title)).Append("</div><div class=\"before\">forrige runde: ").Append(before).Append("</div>");
        if (listId is not null) html.Append("<a href=\"#").Append(listId).Append("\" data-list=\"").Append(listId).Append("\">vis kommunene</a>");
        html.Append("</div>");
    }

    /// <summary>A bar for now and a thin grey line for the previous round, scaled to the largest bar.</summary>
    private static string BarSvg(int now, int before, int max)
    {
        var w = max == 0 ? 0 : 100.0 * now / max;
        var b = max == 0 ? 0 : 100.0 * before / max;
        return FormattableString.Invariant(
            $"<svg class=\"bar\" viewBox=\"0 0 100 12\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{now} nå, {before} forrige runde\"><rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"8\"/><rect class=\"now\" x=\"0\" y=\"0\" width=\"{w:0.##}\" height=\"8\"/><rect class=\"before\" x=\"0\" y=\"10\" width=\"{b:0.##}\" height=\"2\"/></svg>");
    }

    /// <summary>Reported out of all municipalities of an office, scaled to the largest office.</summary>
    private static string StackedSvg(int reported, int total, int max, int before)
    {
        var all = max == 0 ? 0 : 100.0 * total / max;
        var done = max == 0 ? 0 : 100.0 * reported / max;
        var b = max == 0 ? 0 : 100.0 * before / max;
        return FormattableString.Invariant(
            $"<svg class=\"bar\" viewBox=\"0 0 100 12\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{reported} av {total} har rapportert\"><rect class=\"track\" x=\"0\" y=\"0\" width=\"{all:0.##}\" height=\"8\"/><rect class=\"now\" x=\"0\" y=\"0\" width=\"{done:0.##}\" height=\"8\"/><rect class=\"before\" x=\"0\" y=\"10\" width=\"{b:0.##}\" height=\"2\"/></svg>");
    }

    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
