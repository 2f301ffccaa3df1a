using LhlBot.Hosting;
using LhlBot.Storage;

namespace LhlBot.People;

/// <summary>`contacts import FILE.csv` and `advisors import FILE.csv`: as the operator, all or nothing.</summary>
internal abstract class PeopleImportCliCommand(IServiceScopeFactory scopes, ImportKind kind) : ICliCommand
{
    public abstract string Name { get; }
    public abstract string Usage { get; }

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Length != 1)
        {
            output.WriteLine("Bruk: " + Usage);
            return 2;
        }
        if (!File.Exists(args[0]))
        {
            output.WriteLine($"Finner ikke fila {args[0]}.");
            return 1;
        }
        var text = await File.ReadAllTextAsync(args[0], cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<PeopleImporter>();
        var result = await importer.ImportAsync(kind, text, actor: null, cancellationToken);
        if (result.Ok) await scope.ServiceProvider.GetRequiredService<LhlDbContext>().SaveChangesAsync(cancellationToken);
        output.WriteLine(result.Describe());
        return result.Ok ? 0 : 1;
    }
}

internal sealed class ContactsImportCliCommand(IServiceScopeFactory scopes) : PeopleImportCliCommand(scopes, ImportKind.Contacts)
{
    public override string Name => "contacts import";
    public override string Usage => "contacts import FIL.csv   – importer kontaktpersoner (municipality;name;email;aadObjectId)";
}

internal sealed class AdvisorsImportCliCommand(IServiceScopeFactory scopes) : PeopleImportCliCommand(scopes, ImportKind.Advisors)
{
    public override string Name => "advisors import";
    public override string Usage => "advisors import FIL.csv   – importer rådgivere (office;organisation;centre;name;email;aadObjectId)";
}
