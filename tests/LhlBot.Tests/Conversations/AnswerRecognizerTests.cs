using System.Text.Json.Nodes;
using LhlBot.Conversations.Prompts;

namespace LhlBot.Tests.Conversations;

public sealed class AnswerRecognizerTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(1)));

    private static readonly Prompt Phase = new("phase", PromptKind.Choice, "Fase")
    {
        Choices =
        [
            new("1", "Forberedelse"),
            new("2", "Kartlegging og planlegging"),
            new("3", "Gjennomføring"),
            new("4", "Evaluering"),
        ],
    };

    private static readonly Prompt Areas = new("areas", PromptKind.MultiChoice, "Innsatsområder")
    {
        Choices =
        [
            new("agefriendly", "Et aldersvennlig samfunn"),
            new("activity", "Aktivitet og fellesskap"),
            new("food", "Mat og måltider"),
            new("health", "Helsehjelp"),
            new("coherence", "Sammenheng i tjenestene"),
        ],
    };

    [Theory]
    [InlineData("3", "3")]
    [InlineData(" 3. ", "3")]
    [InlineData("Gjennomføring", "3")]
    [InlineData("gjennomforing", "3")]
    [InlineData("GJENNOMFØ", "3")]
    [InlineData("kart", "2")]
    [InlineData("evaluering", "4")]
    public void Single_choice_accepts_number_title_or_an_unambiguous_start(string typed, string expected)
    {
        var result = AnswerRecognizer.Recognize(Phase, typed, Clock);
        Assert.True(result.Ok, result.Error);
        Assert.Equal(expected, (string?)result.Value);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("banan")]
    public void Single_choice_refuses_what_is_not_a_choice_with_a_norwegian_message(string typed)
    {
        var result = AnswerRecognizer.Recognize(Phase, typed, Clock);
        Assert.False(result.Ok);
        Assert.Contains("Svar med nummeret eller navnet", result.Error);
    }

    [Theory]
    [InlineData("1, 3", new[] { "agefriendly", "food" })]
    [InlineData("3 1", new[] { "agefriendly", "food" })]
    [InlineData("helsehjelp og mat og maaltider", new[] { "food", "health" })]
    [InlineData("Sammenheng; aktivitet", new[] { "activity", "coherence" })]
    public void Multi_choice_reads_lists_of_numbers_and_titles_in_declared_order(string typed, string[] expected)
    {
        var result = AnswerRecognizer.Recognize(Areas, typed, Clock);
        Assert.True(result.Ok, result.Error);
        Assert.Equal(expected, result.Value!.AsArray().Select(v => (string)v!).ToArray());
    }

    [Theory]
    [InlineData("ja", true)]
    [InlineData("Jo", true)]
    [InlineData("OK", true)]
    [InlineData("ja takk", true)]
    [InlineData("nei", false)]
    [InlineData("Nei takk", false)]
    [InlineData("ikkje", false)]
    public void Yes_no_understands_bokmal_and_nynorsk(string typed, bool expected)
    {
        var result = AnswerRecognizer.Recognize(new Prompt("q", PromptKind.YesNo, "?"), typed, Clock);
        Assert.True(result.Ok);
        Assert.Equal(expected, result.Value!.GetValue<bool>());
    }

    [Fact]
    public void Yes_no_refuses_anything_else()
    {
        var result = AnswerRecognizer.Recognize(new Prompt("q", PromptKind.YesNo, "?"), "kanskje", Clock);
        Assert.False(result.Ok);
        Assert.Equal("Svar «ja» eller «nei».", result.Error);
    }

    [Theory]
    [InlineData("15.03.2026", "2026-03-15")]
    [InlineData("15.3.26", "2026-03-15")]
    [InlineData("2026-03-15", "2026-03-15")]
    [InlineData("15. mars 2026", "2026-03-15")]
    [InlineData("15. mars", "2027-03-15")]   // said in November: next March
    [InlineData("1. desember", "2026-12-01")]
    [InlineData("i dag", "2026-11-23")]
    [InlineData("i morgon", "2026-11-24")]
    public void Dates_are_read_as_norwegians_type_them(string typed, string expected)
    {
        var result = AnswerRecognizer.Recognize(new Prompt("d", PromptKind.Date, "Dato"), typed, Clock);
        Assert.True(result.Ok, result.Error);
        Assert.Equal(expected, (string?)result.Value);
    }

    [Theory]
    [InlineData("31.02.2026")]
    [InlineData("i går kveld")]
    public void Impossible_dates_are_refused(string typed)
    {
        Assert.False(AnswerRecognizer.Recognize(new Prompt("d", PromptKind.Date, "Dato"), typed, Clock).Ok);
    }

    [Fact]
    public void Date_range_is_enforced()
    {
        var prompt = new Prompt("d", PromptKind.Date, "Vedtaksdato") { MaxDate = new DateOnly(2026, 11, 23) };
        var result = AnswerRecognizer.Recognize(prompt, "24.11.2026", Clock);
        Assert.Equal("Datoen kan ikke være etter 23.11.2026.", result.Error);
    }

    [Fact]
    public void Required_answers_cannot_be_skipped_but_optional_ones_can()
    {
        Assert.False(AnswerRecognizer.Recognize(Phase, " ", Clock).Ok);
        var optional = new Prompt("c", PromptKind.Text, "Kommentar") { Required = false };
        var skipped = AnswerRecognizer.Recognize(optional, "-", Clock);
        Assert.True(skipped.Ok);
        Assert.Null(skipped.Value);
    }

    [Fact]
    public void Text_longer_than_allowed_is_refused_with_its_length()
    {
        var prompt = new Prompt("c", PromptKind.Text, "Kommentar") { MaxLength = 10 };
        Assert.Equal("Svaret er for langt (11 tegn). Skriv høyst 10 tegn.", AnswerRecognizer.Recognize(prompt, "abcdefghijk", Clock).Error);
    }

    [Fact]
    public void Submitted_card_values_are_read_as_values_not_titles()
    {
        var result = AnswerRecognizer.RecognizeSubmitted(Areas, JsonValue.Create("health,agefriendly"), Clock);
        Assert.Equal(new[] { "agefriendly", "health" }, result.Value!.AsArray().Select(v => (string)v!).ToArray());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("test", now.Offset, "test", "test");
    }
}
