using LhlBot.Knowledge.Search;

namespace LhlBot.Knowledge.Tests;

public class AnswerTypeTests
{
    [Theory]
    [InlineData("Hvor mange kommuner har vedtatt plan?", "Amount")]
    [InlineData("Kor mykje får kvar kommune?", "Amount")]
    [InlineData("Når startar nettverket?", "Time")]
    [InlineData("Kva tid kjem rapporten?", "Time")]
    [InlineData("Hvordan når Statsforvalteren ut med informasjon?", "Method")]
    [InlineData("Korleis vart veiledaren til?", "Method")]
    [InlineData("Kven leier nettverket?", "Any")]
    [InlineData("Hvor lenge gjelder avtalen?", "Duration")]
    [InlineData("kor lenge varer reformperioden", "Duration")]
    [InlineData("Hvor lang tid fikk kommunene på dialogmøtet?", "Duration")]
    [InlineData("Kor lang oppseiingsfrist har avtalen?", "Duration")]      // how long, though it names a «frist»
    [InlineData("Hvor ofte møtes kontaktpersonene?", "Frequency")]
    [InlineData("kor ofte er det samlingar?", "Frequency")]
    [InlineData("Har Nordland en årlig konferanse?", "Frequency")]
    [InlineData("Hvor mange ganger i året skal statusen rapporteres?", "Frequency")] // «to ganger pr. år», not an amount
    [InlineData("Er det jamlege samlingar for kontaktpersonane?", "Frequency")]
    [InlineData("Hva koster en plass i nettverket?", "Money")]
    [InlineData("kor mykje pengar fekk USHT?", "Money")]
    [InlineData("Hvem kan få Leve hele livet-prisen?", "Any")]   // the reform's award, not a price
    [InlineData("har dere noen tips til nettverk?", "Advice")]
    [InlineData("Bør vi koble planen til kommuneplanen?", "Advice")]
    [InlineData("Hva er velferdsteknologi?", "Definition")]
    [InlineData("kva tyder samskaping i kommunen", "Definition")]
    [InlineData("Hvordan definerer Oslo og Viken et nettverk?", "Definition")]
    [InlineData("Hva er fristen for statusrapporteringen?", "Deadline")] // a deadline, not a definition of «fristen»
    [InlineData("Når er søknadsfristen?", "Deadline")]
    [InlineData("Hvorfor er Oslo kommune med?", "Reason")]
    [InlineData("kvifor blir ikkje LHL prioritert?", "Reason")]
    [InlineData("Hva er det første steget i planleggingen?", "Any")]
    [InlineData("Hvem er kontaktperson for LHL i Nordland?", "Person")]
    [InlineData("kven kan vi kontakte hos USHT?", "Person")]
    [InlineData("Hvem kan vi spørre om Inn på tunet i Nordland?", "Person")]
    [InlineData("kven kan me ringe i Vestland?", "Person")]
    [InlineData("Hvilke kommuner i Agder har ikke vedtatt plan?", "Place")]
    [InlineData("Kva for fylke har flest nettverk?", "Place")]
    [InlineData("Hvilket embete har ansvaret for ressursportalen?", "Place")]
    [InlineData("Hvilken rolle har KS?", "Any")]
    [InlineData("Naar starter nettverket?", "Time")]                      // æøå typed as ae / o / aa, or left out
    [InlineData("Nar kjem rapporten?", "Time")]
    [InlineData("Har Nordland en aarlig konferanse?", "Frequency")]
    [InlineData("hvem kan vi sporre om Inn paa tunet i Nordland?", "Person")]
    [InlineData("Bor vi koble planen til kommuneplanen?", "Advice")]
    [InlineData("Hvor mange paameldte var det?", "Amount")]
    [InlineData("Hvem leder Velferdsprosjektet?", "Any")]        // a group leads it: «hvem» alone asks for roles as often as names
    public void Question_words_give_the_answer_type(string question, string expected) =>
        Assert.Equal(expected, AnswerTypes.Of(question).ToString());

    [Theory]
    [InlineData("Reformen skal evalueres gjennom følgeevaluering i et representativt utvalg av kommuner.", true)]
    [InlineData("Nettverket initieres ved en digital workshop 8. september 2021.", true)]
    [InlineData("Veilederen er utarbeidet på bakgrunn av dialogmøter med ressurspersoner.", true)]
    [InlineData("Det har vore gjennomført fleire webinar gjennom året.", false)]   // «gjennom året» is when, not how
    [InlineData("Kommunene har jobba godt med reformen.", false)]
    public void How_is_answered_by_a_way_of_doing_it(string text, bool expected) =>
        Assert.Equal(expected, AnswerTypes.Phrasings.Single(p => p.Type == AnswerType.Method).Pattern.IsMatch(text));

    [Theory]
    [InlineData("et prosjekt som har pågått siden 2011", true)]
    [InlineData("Det har vore ei klar og tydeleg retning på dette arbeidet sidan 1980-talet.", true)]
    [InlineData("Avtalen gjelder til 31. desember 2023.", true)]
    [InlineData("Nettverket hadde samling 8. september 2021.", false)]   // a date, not how long
    public void How_long_is_answered_by_a_length_an_end_or_a_since(string text, bool expected) =>
        Assert.Equal(expected, AnswerTypes.Phrasings.Single(p => p.Type == AnswerType.Duration).Pattern.IsMatch(text));

    private static readonly Lazy<CorpusModel> Corpus = new(() => CorpusModel.Create(TestSupport.AllPassages(), null));

    [Theory]
    [InlineData("Julie Tangen – Kontaktperson, Helse- og omsorgsavdelinga", true)]
    [InlineData("Spørsmål kan rettes til Thorstein Ouren, tlf. 46899410", true)]
    [InlineData("kontaktperson for Frivillighetsentralene i Nordland; Michelle Here", true)]
    [InlineData("Oslo og Viken har 23 kommuner i nettverket for et Aldersvennlig Norge.", false)] // a network, not a person
    [InlineData("Fylkesmannen i Agder – 1 000 000", false)]
    [InlineData("Statsforvalteren, KS og USHT er likeverdige parter.", false)]
    public void A_person_is_two_capitalised_words_the_documents_never_write_in_lower_case(string text, bool expected) =>
        Assert.Equal(expected, AnswerTypes.NamesPerson(text, Corpus.Value));
}
