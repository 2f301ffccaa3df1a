using LhlBot.People;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LhlBot.Tests.StatusReports.StatusTestHost;

namespace LhlBot.Tests.People;

public sealed class ImportTests
{
    [Fact]
    public async Task Bad_rows_are_reported_with_line_and_reason_and_nothing_is_imported()
    {
        await using var host = await StartAsync();
        var result = await ImportAsync(host, ImportKind.Contacts,
            "municipality;name;email;aadObjectId\n" +
            "1804;Kari Bodø;kari@bodo.kommune.no;\n" +
            "180;Feil Nummer;feil@x.no;\n" +
            "9999;Ingen Kommune;ingen@x.no;\n" +
            "1806;;mangler@x.no;\n" +
            "1806;Dårlig Epost;ikke-epost;\n" +
            "1806;Dårlig Id;id@x.no;ikke-en-guid\n" +
            "1806;For Få Felt\n");
        Assert.False(result.Ok);
        var text = result.Describe();
        Assert.Contains("Linje 3: kommunenummeret «180» må være fire sifre", text);
        Assert.Contains("Linje 4: kommunenummeret 9999 finnes ikke", text);
        Assert.Contains("Linje 5: navn mangler", text);
        Assert.Contains("Linje 6: «ikke-epost» er ikke en gyldig e-postadresse", text);
        Assert.Contains("Linje 7: aadObjectId «ikke-en-guid» er ikke en GUID", text);
        Assert.Contains("Linje 8: har 2 felt", text);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<LhlDbContext>().Set<Person>().CountAsync());
    }

    [Fact]
    public async Task Advisors_are_imported_with_office_names_old_and_new_and_usht_needs_a_centre()
    {
        await using var host = await StartAsync();
        var bad = await ImportAsync(host, ImportKind.Advisors,
            "office;organisation;centre;name;email;aadObjectId\n" +
            "Fylkesmannen i Nordland;USHT;;Uten Senter;u@usht.no;\n" +
            "Narnia;KS;;Ingen Embete;n@ks.no;\n" +
            "Nordland;Kommunen;;Feil Org;f@x.no;\n");
        Assert.Equal([2, 3, 4], bad.Problems.Select(p => p.Line));

        var ok = await ImportAsync(host, ImportKind.Advisors,
            "office;organisation;centre;name;email;aadObjectId\n" +
            "Oslo og Viken;KS;;Ola KS;ola@ks.no;\n" +
            "Statsforvalteren i Nordland;USHT;USHT Nordland (Bodø);Una USHT;una@usht.no;\n");
        Assert.True(ok.Ok, ok.Describe());
        Assert.Equal(2, ok.PeopleCreated);

        // Importing the same file again changes nothing.
        var again = await ImportAsync(host, ImportKind.Advisors,
            "office;organisation;centre;name;email;aadObjectId\nOslo og Viken;KS;;Ola KS;ola@ks.no;\n");
        Assert.Equal((0, 0), (again.PeopleCreated, again.RolesAdded));
    }
}
