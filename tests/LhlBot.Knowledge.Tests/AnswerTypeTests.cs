using LhlBot.Knowledge.Search;

namespace LhlBot.Knowledge.Tests;

public class AnswerTypeTests
{
    [Theory]
    [InlineData("Hvor mange kommuner har vedtatt plan?", "Amount")]
    [InlineData("Kor mykje får kvar kommune?", "Amount")]
    [InlineData("Når startar nettverket?", "Time")]
    [InlineData("Kva tid kjem rapporten?", "Time")]
    [InlineData("Hvordan når Statsforvalteren ut med informasjon?", "Any")]
    [InlineData("Kven leier nettverket?", "Any")]
    [InlineData("Hvor lenge gjelder avtalen?", "Duration")]
    [InlineData("kor lenge varer reformperioden", "Duration")]
    [InlineData("Hvor ofte møtes kontaktpersonene?", "Frequency")]
    [InlineData("kor ofte er det samlingar?", "Frequency")]
    [InlineData("Har Nordland en årlig konferanse?", "Frequency")]
    [InlineData("Er det jamlege samlingar for kontaktpersonane?", "Frequency")]
    [InlineData("Hva koster en plass i nettverket?", "Money")]
    [InlineData("kor mykje pengar fekk USHT?", "Money")]
    [InlineData("Hvem kan få Leve hele livet-prisen?", "Any")]   // the reform's award, not a price
    [InlineData("har dere noen tips til nettverk?", "Advice")]
    [InlineData("Bør vi koble planen til kommuneplanen?", "Advice")]
    [InlineData("Hva er sølvøkonomi?", "Definition")]
    [InlineData("kva tyder samskaping i kommunen", "Definition")]
    [InlineData("Hvordan definerer Oslo og Viken et nettverk?", "Definition")]
    [InlineData("Hva er fristen for statusrapporteringen?", "Deadline")] // a deadline, not a definition of «fristen»
    [InlineData("Når er søknadsfristen?", "Deadline")]
    [InlineData("Hvorfor er Oslo kommune med?", "Reason")]
    [InlineData("kvifor blir ikkje LHL prioritert?", "Reason")]
    [InlineData("Hva er det første steget i planleggingen?", "Any")]
    public void Question_words_give_the_answer_type(string question, string expected) =>
        Assert.Equal(expected, AnswerTypes.Of(question).ToString());
}
