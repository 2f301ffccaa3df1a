using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LhlBot.People;

namespace LhlBot.StatusReports;

/// <summary>
/// The round as Hdir wants it delivered: one row per municipality (those that have not reported too), every
/// answer and comment in its own column, headed by the question as the form asks it. CSV for Excel
/// (UTF-8 with BOM, semicolons), XLSX, and JSON with the summary figures.
/// </summary>
internal static class ReportExport
{
    private static readonly TimeZoneInfo Norway = TryZone("Europe/Oslo");

    public static IReadOnlyList<string> Header(DateOnly today) =>
        ["Kommunenummer", "Kommune", "Fylke", "Embete", "Rapportert", "Versjon", "Sendt av", "Sendt",
         .. StatusReportForm.Build(today).Fields.Select(f => f.Prompt.Question)];

    /// <summary>
    /// One row per municipality, each value typed: text (the kommunenummer too, for its leading zero), int, bool,
    /// DateOnly (the decision date) and DateTime (Oslo time sent). CSV prints them; XLSX stores them as such.
    /// </summary>
    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<ReportRow> rows, IReadOnlyList<OfficeEntry> offices, DateOnly today)
    {
        var form = StatusReportForm.Build(today);
        foreach (var row in rows)
        {
            var m = row.Municipality;
            var r = row.Report;
            yield return
            [
                m.Number, m.Name, m.County, offices.FirstOrDefault(o => o.Id == m.OfficeId)?.DisplayName ?? "",
                r is not null,
                r?.Version,
                r?.SubmittedByName ?? "",
                r is null ? null : TimeZoneInfo.ConvertTime(r.SubmittedAt, Norway).DateTime,
                .. form.Fields.Select(f => Typed(f.Prompt, row.Answers[f.Prompt.Id])),
            ];
        }
    }

    private static object? Typed(Conversations.Prompts.Prompt prompt, JsonNode? answer) => answer switch
    {
        null => null,
        _ when prompt.Kind == Conversations.Prompts.PromptKind.Date && DateOnly.TryParseExact((string?)answer, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => prompt.Display(answer),
    };

    /// <summary>A typed value as the CSV shows it: «Ja»/«Nei», ISO dates, invariant numbers.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "Ja" : "Nei",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static void WriteCsv(Stream stream, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.NewLine = "\r\n";
        writer.WriteLine(string.Join(';', header.Select(Csv.Field)));
        foreach (var row in rows) writer.WriteLine(string.Join(';', row.Select(v => Csv.Field(Format(v)))));
    }

    /// <summary>Cell styles: 0 general, 1 date (built-in format 14), 2 date and time.</summary>
    private const uint DateStyle = 1, DateTimeStyle = 2;

    public static void WriteXlsx(Stream stream, string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 1 },
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 3 });
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(header.Cast<object?>()));
        foreach (var row in rows) data.Append(Row(row));
        sheetPart.Worksheet = new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            data);
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        // Excel limits sheet names to 31 characters without []:*?/\.
        var name = new string(sheetName.Where(c => !"[]:*?/\\".Contains(c)).ToArray());
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = name.Length > 31 ? name[..31] : name });
        workbook.Workbook.Save();
    }

    public static JsonObject Json(RoundSummary summary, IReadOnlyList<ReportRow> rows)
    {
        static JsonObject Counts(IReadOnlyDictionary<string, int> counts) =>
            new(counts.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
        static JsonObject FiguresJson(Figures f) => new()
        {
            ["municipalities"] = f.Municipalities,
            ["reported"] = f.Reported,
            ["adoptedOrWillAdopt"] = f.AdoptedOrWillAdopt,
            ["planStatus"] = Counts(f.PlanStatus),
            ["delayReasons"] = Counts(f.DelayReasons),
            ["newlyDelayed"] = f.NewlyDelayed,
            ["networks"] = Counts(f.Networks),
            ["phases"] = Counts(f.Phases),
            ["focusAreas"] = Counts(f.FocusAreas),
            ["involvement"] = Counts(f.Involvement),
            ["wantHelp"] = f.WantHelp,
            ["notReported"] = new JsonArray(f.NotReported.Select(m => (JsonNode)JsonValue.Create(m.Number)!).ToArray()),
            ["dialogueMeetingsOffered"] = new JsonArray(f.DialogueOffered.Select(m => (JsonNode)JsonValue.Create(m.Number)!).ToArray()),
            ["dialogueMeetingsHeld"] = new JsonArray(f.DialogueHeld.Select(m => (JsonNode)JsonValue.Create(m.Number)!).ToArray()),
            ["networkInvited"] = new JsonArray(f.NetworkInvited.Select(m => (JsonNode)JsonValue.Create(m.Number)!).ToArray()),
        };
        return new JsonObject
        {
            ["round"] = summary.Round.Id,
            ["previousRound"] = summary.PreviousRound.Id,
            ["scope"] = summary.Scope,
            ["text"] = new JsonArray(SummaryText.Lines(summary).Select(l => (JsonNode)JsonValue.Create($"{l.Topic}: {l.Text}")!).ToArray()),
            ["lines"] = new JsonArray(SummaryText.Lines(summary).Select(l => (JsonNode)new JsonObject
            {
                ["topic"] = l.Topic,
                ["text"] = l.Text,
                ["municipalities"] = new JsonObject(l.Groups.Select(g => KeyValuePair.Create(g.Label,
                    (JsonNode?)new JsonArray(g.Municipalities.Select(m => (JsonNode)JsonValue.Create(m.Number)!).ToArray())))),
            }).ToArray()),
            ["figures"] = FiguresJson(summary.Now),
            ["previousFigures"] = FiguresJson(summary.Before),
            ["offices"] = new JsonArray(summary.PerOffice.Select(o => (JsonNode)new JsonObject { ["office"] = o.Office.Name, ["figures"] = FiguresJson(o.Now) }).ToArray()),
            ["reports"] = new JsonArray(rows.Where(r => r.Report is not null).Select(r => (JsonNode)new JsonObject
            {
                ["municipality"] = r.Municipality.Number,
                ["name"] = r.Municipality.Name,
                ["version"] = r.Report!.Version,
                ["submittedBy"] = r.Report.SubmittedByName,
                ["submittedAt"] = r.Report.SubmittedAt,
                ["answers"] = r.Answers.DeepClone(),
            }).ToArray()),
        };
    }

    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Row Row(IEnumerable<object?> values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.Append(value switch
            {
                null => new Cell(),
                bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
                int n => new Cell { DataType = CellValues.Number, CellValue = new CellValue(n) },
                double d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
                DateOnly d => new Cell { CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()), StyleIndex = DateStyle },
                DateTime t => new Cell { CellValue = new CellValue(t.ToOADate()), StyleIndex = DateTimeStyle },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Format(value)) { Space = SpaceProcessingModeValues.Preserve }) },
            });
        }
        return row;
    }

    private static TimeZoneInfo TryZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Local; }
    }
}
