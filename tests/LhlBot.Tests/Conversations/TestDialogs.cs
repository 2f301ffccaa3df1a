using System.Text.Json.Nodes;
using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Conversations.Forms;
using LhlBot.Conversations.Prompts;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Tests.Conversations;

/// <summary>
/// A small form registered only in tests, to exercise the conversation engine on its own:
/// a choice, a multi-choice, a conditional date, a yes/no and an optional comment.
/// </summary>
internal sealed class TestSurveyDialog : FormDialog
{
    public const string DialogId = "test.survey";

    internal static readonly Prompt Colour = new("colour", PromptKind.Choice, "Hvilken farge liker du best?")
    {
        Help = "Velg én farge.",
        Choices = [new("red", "Rød"), new("green", "Grønn"), new("blue", "Blå"), new("grey", "Grå")],
    };

    internal static readonly Prompt Fruits = new("fruits", PromptKind.MultiChoice, "Hvilke frukter spiser du?")
    {
        Choices = [new("apple", "Eple"), new("pear", "Pære"), new("plum", "Plomme")],
    };

    internal static readonly Prompt Visited = new("visited", PromptKind.YesNo, "Har du vært i Bodø?");

    internal static readonly Prompt VisitDate = new("visitDate", PromptKind.Date, "Når var du der?")
    {
        MaxDate = new DateOnly(2030, 1, 1),
    };

    internal static readonly Prompt Comment = new("comment", PromptKind.Text, "Kommentar") { Required = false, MaxLength = 50 };

    protected override FormDefinition Form { get; } = new("testSurvey",
    [
        new FormField(Colour),
        new FormField(Fruits),
        new FormField(Visited),
        new FormField(VisitDate) { ShowIf = answers => (bool?)answers["visited"] == true, ShowIfText = "hvis ja" },
        new FormField(Comment),
    ]);

    public override string Id => DialogId;

    protected override string Title(JsonNode? context) => "Testskjema";

    protected override async Task<DialogTurnStatus> OnCompletedAsync(DialogContext dc, JsonObject answers, JsonNode? context, CancellationToken cancellationToken)
    {
        dc.State.Memory["surveyResult"] = answers.DeepClone();
        await dc.SendAsync("Takk, skjemaet er sendt: " + answers.ToJsonString(), cancellationToken);
        return await dc.EndDialogAsync(answers, cancellationToken);
    }
}

/// <summary>Starts the test form on "testskjema"; "legg til X" appends to a list in the conversation's memory.</summary>
internal sealed class TestFeature : IBotFeature
{
    public IEnumerable<MenuItem> MenuItems(DialogContext dc) => [new("Testskjema", "Et skjema for testene.", "test.survey")];

    public async Task<bool> TryStartAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Input.Action == "test.survey" || dc.Input.IsCommand("testskjema"))
        {
            await dc.BeginDialogAsync(TestSurveyDialog.DialogId, null, cancellationToken);
            return true;
        }
        if (dc.Input.Text.StartsWith("legg til ", StringComparison.Ordinal))
        {
            var list = dc.State.Memory["items"] as JsonArray ?? [];
            list.Add(dc.Input.Text["legg til ".Length..]);
            dc.State.Memory["items"] = list;
            await dc.SendAsync($"La til. Nå {list.Count} ting.", cancellationToken);
            return true;
        }
        if (dc.Input.IsCommand("vis liste"))
        {
            var list = dc.State.Memory["items"] as JsonArray ?? [];
            await dc.SendAsync("Liste: " + string.Join(",", list.Select(i => (string?)i).Order()), cancellationToken);
            return true;
        }
        return false;
    }

    public static void Register(IServiceCollection services)
    {
        services.AddScoped<Dialog, TestSurveyDialog>();
        services.AddScoped<IBotFeature, TestFeature>();
    }
}
