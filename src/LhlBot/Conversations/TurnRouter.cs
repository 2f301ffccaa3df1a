using System.Text.Json.Nodes;
using LhlBot.Conversations.Dialogs;
using LhlBot.Conversations.Prompts;
using LhlBot.Protocol;
using LhlBot.Welcome;

namespace LhlBot.Conversations;

/// <summary>
/// Decides what a turn is about: a welcome, a command that works anywhere ("avbryt", "hjelp", "start på nytt"),
/// the answer to the active dialog, a question asked in the middle of one, the start of a job, or a question.
/// </summary>
internal sealed class TurnRouter(IEnumerable<IBotFeature> features, IQuestionAnswerer questions, WelcomeCard welcome, DialogSet dialogs, Requests.RequestRecognizer requests)
{
    public const string HelpAction = "help";
    public const string MenuAction = "menu";
    private static readonly string[] YesWords = ["ja", "ja takk", "jepp", "ok", "gjerne", "ja, gjerne", "stemmer", "riktig"];
    private static readonly string[] NoWords = ["nei", "nei takk", "nope", "feil"];
    private static readonly string[] ExplicitMenuWords = ["meny", "menu", "vis menyen", "hovedmeny"];
    private static readonly string[] CancelWords = ["avbryt", "stopp", "slutt", "cancel", "avslutt"];
    private static readonly string[] RestartWords = ["start på nytt", "start paa nytt", "begynn på nytt", "restart", "byrj på nytt"];
    private static readonly string[] HelpWords = ["hjelp", "help", "hjelp meg"];
    private static readonly string[] MenuWords = ["meny", "menu", "hei", "hallo", "heisann", "god morgen", "start"];
    private static readonly string[] ResumeWords = ["fortsett", "hvor var vi", "kor var vi", "held fram"];

    public async Task RunAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var activity = dc.Context.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when BotWasAdded(activity):
            case ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade":
                await welcome.SendAsync(dc, features, firstContact: true, cancellationToken);
                return;
            case ActivityTypes.Message:
            case ActivityTypes.Invoke when activity.Name == "adaptiveCard/action":
                await OnInputAsync(dc, cancellationToken);
                return;
        }
    }

    private async Task OnInputAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var input = dc.Input;
        if (input.IsEmpty) return;

        if (dc.BelongsToSomeoneElse)
        {
            // In a group chat a report or booking is answered and cancelled only by the person who started it.
            if (input.CardValue is null && TextMatching.LooksLikeQuestion(input.Text))
            {
                await questions.AnswerAsync(dc, input.Text, cancellationToken);
                return;
            }
            var owner = Markdown.Name(dc.State.Stack[0].OwnerName ?? "en annen");
            await dc.SendAsync($"Det er {owner} som holder på med dette skjemaet, og bare {owner} kan svare på det eller avbryte det. " +
                "Du kan stille spørsmål her, eller skrive til meg i en privat chat for å starte ditt eget.", cancellationToken);
            return;
        }

        if (input.Action is { } pressed && await IsStaleAsync(dc, pressed, cancellationToken)) return;

        if (input.Action == CardActions.Cancel || input.IsCommand(CancelWords))
        {
            var hadDialog = dc.CancelAll() == DialogTurnStatus.Cancelled;
            await dc.SendAsync(hadDialog
                ? "Greit, jeg har avbrutt. Ingenting av det du holdt på med er lagret. Skriv «meny» for å se hva jeg kan hjelpe med."
                : "Det er ingenting å avbryte. Skriv «meny» for å se hva jeg kan hjelpe med.", cancellationToken);
            return;
        }
        if (input.IsCommand(RestartWords))
        {
            dc.CancelAll();
            await welcome.SendAsync(dc, features, firstContact: false, cancellationToken);
            return;
        }
        if (input.Action == HelpAction || input.IsCommand(HelpWords))
        {
            await SendHelpAsync(dc, cancellationToken);
            return;
        }

        if (dc.ActiveDialog is { } active)
        {
            if (input.Action is { } jobAction && input.DialogKey is null && !dialogs.IsDialogAction(jobAction))
            {
                // A job's button (👍 on an answer, «Book» on an old menu) pressed while a dialog is active.
                var feature = features.FirstOrDefault(f => f.WorksMidDialog(jobAction));
                if (feature is not null && await feature.TryStartAsync(dc, cancellationToken)) return;
                if (jobAction == MenuAction || (dc.State.Memory[MenuOverDialogKey] is JsonValue shown && (long?)shown + 1 == dc.TurnNumber))
                {
                    // Chosen from the menu shown over the dialog: the dialog is left, the choice runs.
                    dc.State.Memory.Remove(MenuOverDialogKey);
                    dc.CancelAll();
                    await StartAsync(dc, cancellationToken);
                    return;
                }
                await dc.SendAsync("Vi er midt i noe – gjør det ferdig eller skriv «avbryt» først. Her er der vi slapp:", cancellationToken);
                await dc.RepromptAsync(cancellationToken);
                return;
            }
            if (input.Action == MenuAction || input.IsCommand(ExplicitMenuWords))
            {
                // The menu, as asked; what is open waits. Choosing from the menu leaves it (nothing of it is stored yet).
                await welcome.SendAsync(dc, features, firstContact: false, cancellationToken);
                dc.State.Memory[MenuOverDialogKey] = dc.TurnNumber;
                await dc.SendAsync("Du er midt i noe. Velger du noe fra menyen, avbrytes det uten at noe lagres. Skriv «fortsett» for å gå tilbake dit du var.", cancellationToken);
                return;
            }
            if (dc.State.Memory[MenuOverDialogKey] is JsonValue menuShown && (long?)menuShown + 1 == dc.TurnNumber
                && input.CardValue is null && int.TryParse(input.Normalized, out _) && Requests.PendingStep.Take(dc) is { } menu)
            {
                // A number picked from the menu shown over the dialog: the dialog is left, the item runs.
                var running = dc.State.Stack.ToList();
                dc.CancelAll();
                if (await AnswerPendingAsync(dc, menu, cancellationToken)) return;
                dc.State.Stack.AddRange(running);
            }
            if (input.IsCommand(ResumeWords) || input.IsCommand(MenuWords))
            {
                await dc.SendAsync("Vi er midt i noe – her er der vi slapp. Skriv «avbryt» for å avbryte.", cancellationToken);
                await dc.RepromptAsync(cancellationToken);
                return;
            }
            if (!active.Accepts(dc) && input.CardValue is null && TextMatching.LooksLikeQuestion(input.Text))
            {
                // A question in the middle of a dialog is answered, and the dialog waits where it was.
                await questions.AnswerAsync(dc, input.Text, cancellationToken);
                await dc.SendAsync("Vi fortsetter der vi slapp:", cancellationToken);
                await dc.RepromptAsync(cancellationToken);
                return;
            }
            await dc.ContinueDialogAsync(cancellationToken);
            return;
        }

        if (input.Action == MenuAction || input.IsCommand(MenuWords))
        {
            await welcome.SendAsync(dc, features, firstContact: false, cancellationToken);
            return;
        }
        if (Requests.PendingStep.Take(dc) is { } pending && input.CardValue is null && await AnswerPendingAsync(dc, pending, cancellationToken)) return;
        if (await StartAsync(dc, cancellationToken)) return;
        if (input.Text.Length > 0 && input.Normalized.Length == 0)
        {
            // «🙂», «?», «...»: no words to search for, and no feedback either.
            await dc.SendAsync("Skriv gjerne et spørsmål om reformen, eller «meny» for å se hva jeg kan hjelpe med.", cancellationToken);
            return;
        }
        if (input.Text.Length > 0)
        {
            var request = requests.Recognize(input.Text);
            switch (request.Verdict)
            {
                case Requests.RequestVerdict.Start:
                    if (await RunAsAsync(dc, request.ActionData(), cancellationToken)) return;
                    break;
                case Requests.RequestVerdict.Ask:
                    await AskMeantAsync(dc, request, cancellationToken);
                    return;
            }
            await questions.AnswerAsync(dc, input.Text, cancellationToken);
            return;
        }
        if (input.CardValue is null) return;
        // A button nobody knows (a card from an older version of the bot).
        await SendEndedAsync(dc, null, cancellationToken);
    }

    private const string MenuOverDialogKey = "menuOverDialog";

    /// <summary>Offers the input to the jobs (their buttons and exact words) and the front door; true when one took it.</summary>
    private async Task<bool> StartAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Input.Action == HelpAction)
        {
            await SendHelpAsync(dc, cancellationToken);
            return true;
        }
        if (dc.Input.Action == MenuAction)
        {
            await welcome.SendAsync(dc, features, firstContact: false, cancellationToken);
            return true;
        }
        foreach (var feature in features)
        {
            if (await feature.TryStartAsync(dc, cancellationToken)) return true;
        }
        return false;
    }

    /// <summary>Runs typed text as the card action it stands for (a recognised request, a menu number, «ja» to «Mente du …?»).</summary>
    private Task<bool> RunAsAsync(DialogContext dc, JsonObject data, CancellationToken cancellationToken)
    {
        dc.ReplaceInput(dc.Input.As(data));
        return StartAsync(dc, cancellationToken);
    }

    private async Task<bool> AnswerPendingAsync(DialogContext dc, JsonObject pending, CancellationToken cancellationToken)
    {
        var input = dc.Input;
        switch ((string?)pending["kind"])
        {
            case "municipality" when requests.Entities.BareMunicipality(input.Text) is { } municipality:
                return await RunAsAsync(dc, new JsonObject { ["action"] = (string?)pending["action"], [(string?)pending["field"] ?? "municipality"] = municipality.Number }, cancellationToken);
            case "yesno" when input.IsCommand(YesWords) && pending["yes"] is JsonObject yes:
                return await RunAsAsync(dc, yes.DeepClone().AsObject(), cancellationToken);
            case "yesno" when input.IsCommand(NoWords) && (string?)pending["question"] is { } question:
                await questions.AnswerAsync(dc, question, cancellationToken);
                return true;
            case "menu" when int.TryParse(input.Normalized, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                             && pending["actions"] is JsonArray actions && number >= 1 && number <= actions.Count:
                return await RunAsAsync(dc, new JsonObject { ["action"] = (string?)actions[number - 1] }, cancellationToken);
        }
        return false;
    }

    /// <summary>«Mente du å booke et veiledningsmøte?» — yes runs the job with what the text said; no answers it as a question.</summary>
    private async Task AskMeantAsync(DialogContext dc, Requests.RecognizedRequest request, CancellationToken cancellationToken)
    {
        var yes = request.ActionData();
        var meaning = request.Declaration!.Meaning;
        Requests.PendingStep.ExpectYesNo(dc, yes, dc.Input.Text);
        var text = $"Mente du {meaning}? Svar «ja», eller «nei» for å få svar fra veiledningsdokumentene.";
        if (!dc.CardsSupported)
        {
            await dc.SendAsync(text, cancellationToken);
            return;
        }
        await dc.SendCardAsync("summary", new JsonObject
        {
            ["title"] = $"Mente du {meaning}?",
            ["intro"] = "",
            ["facts"] = new JsonArray(),
            ["actions"] = new JsonArray(
                PromptRenderer.Action("Ja, " + meaning, yes),
                PromptRenderer.Action("Nei, søk i dokumentene", new JsonObject { ["action"] = "questions.search", ["text"] = dc.Input.Text })),
        }, text, cancellationToken);
    }

    /// <summary>
    /// A press on a card of a dialog instance that is not the active one — ended, cancelled, double-clicked,
    /// or an older form — is refused before anything reads it: nothing is stored, the active dialog is untouched.
    /// </summary>
    private async Task<bool> IsStaleAsync(DialogContext dc, string action, CancellationToken cancellationToken)
    {
        var key = dc.Input.DialogKey;
        if (key is null && !dialogs.IsDialogAction(action)) return false;
        if (dc.ActiveInstance is { } active && active.Key == key) return false;
        await SendEndedAsync(dc, dc.Input.CardString(CardActions.DialogIdKey), cancellationToken);
        if (dc.ActiveInstance is not null) await dc.RepromptAsync(cancellationToken);
        return true;
    }

    private async Task SendEndedAsync(DialogContext dc, string? dialogId, CancellationToken cancellationToken)
    {
        var restart = dialogId is null ? null : dialogs.Find(dialogId)?.RestartAction;
        var busy = dc.ActiveInstance is not null;
        var text = "Det skjemaet er avsluttet, så jeg har ikke lagret noe fra det." +
                   (busy ? " Du er midt i noe annet – her er der vi slapp." : " Skriv «meny» for å begynne på nytt.");
        if (!dc.CardsSupported || busy)
        {
            await dc.SendAsync(text, cancellationToken);
            return;
        }
        var actions = new JsonArray();
        if (restart is not null) actions.Add(PromptRenderer.Action("Begynn på nytt", new JsonObject { ["action"] = restart }));
        actions.Add(PromptRenderer.Action("Vis menyen", new JsonObject { ["action"] = MenuAction }));
        await dc.SendCardAsync("summary", new JsonObject
        {
            ["title"] = "Det skjemaet er avsluttet",
            ["intro"] = "Jeg har ikke lagret noe fra det. Vil du begynne på nytt?",
            ["facts"] = new JsonArray(),
            ["actions"] = actions,
        }, text, cancellationToken);
    }

    private async Task SendHelpAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.ActiveDialog is { } active)
        {
            var help = active.Help(dc);
            await dc.SendAsync(
                (help is null ? "" : help + "\n\n") +
                "Skriv «avbryt» for å avbryte uten å lagre, eller «start på nytt» for å gå til menyen. " +
                "Du kan også stille et spørsmål om reformen underveis.", cancellationToken);
            await dc.RepromptAsync(cancellationToken);
            return;
        }
        await welcome.SendHelpAsync(dc, features, cancellationToken);
    }

    private static bool BotWasAdded(Activity activity) =>
        activity.MembersAdded?.Any(m => string.Equals(m.Id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase)) == true;
}
