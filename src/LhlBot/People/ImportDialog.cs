using LhlBot.Conversations.Dialogs;
using LhlBot.Conversations.Prompts;

namespace LhlBot.People;

/// <summary>
/// Import in Teams: an administrator or advisor pastes the CSV text (header included); the same checks as the
/// CLI, and the import is committed with the turn, so a file with errors changes nothing.
/// </summary>
internal sealed class ImportDialog : WaterfallDialog
{
    public const string DialogId = "people.import";

    public ImportDialog(PeopleImporter importer, CurrentUser currentUser)
    {
        var paste = Declare(new Prompt("importCsv", PromptKind.Text, "Lim inn CSV-teksten du vil importere, med overskriftslinjen først.")
        {
            Help = "Kontaktpersoner: municipality;name;email;aadObjectId. Rådgivere (bare administratorer): office;organisation;centre;name;email;aadObjectId.",
            MaxLength = 200_000,
            Validate = v => PeopleImporter.Detect((string)v!) is null
                ? "Første linje må være «municipality;name;email;aadObjectId» (kontaktpersoner) eller «office;organisation;centre;name;email;aadObjectId» (rådgivere)."
                : null,
        });
        AddStep((step, ct) => step.PromptAsync(paste, ct));
        AddStep(async (step, ct) =>
        {
            var text = (string)step.Result!;
            var person = await currentUser.GetAsync(step.Dialogs.Context, ct);
            if (!person.CanImportPeople())
            {
                await step.Dialogs.SendAsync("Bare administratorer og rådgivere i støtteapparatet kan importere personer.", ct);
                return await step.EndAsync(null, ct);
            }
            var result = await importer.ImportAsync(PeopleImporter.Detect(text)!.Value, text, person, ct);
            await step.Dialogs.SendAsync(result.Describe(), ct);
            return await step.EndAsync(null, ct);
        });
    }

    public override string Id => DialogId;
}
