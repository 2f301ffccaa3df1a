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

/// <summary>`roles log [--limit N]`: the audit log of role grants, approvals, rejections and identity changes, newest first.</summary>
internal sealed class RoleLogCliCommand(IServiceScopeFactory scopes) : ICliCommand
{
    public string Name => "roles log";
    public string Usage => "roles log [--limit N]   – rolleloggen: roller gitt, godkjent, avvist og identiteter endret (nyeste først)";

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var limit = 100;
        if (args.Length == 2 && args[0] == "--limit" && int.TryParse(args[1], out var n) && n > 0) limit = n;
        else if (args.Length != 0)
        {
            output.WriteLine("Bruk: " + Usage);
            return 2;
        }
        await using var scope = scopes.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<RoleAudit>().LatestAsync(limit, cancellationToken);
        output.Write(entries.Count == 0 ? "Rolleloggen er tom.\n" : RoleAudit.Format(entries));
        return 0;
    }
}
