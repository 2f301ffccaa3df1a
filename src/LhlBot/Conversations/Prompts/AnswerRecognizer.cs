using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LhlBot.Conversations.Prompts;

/// <summary>
/// Reads an answer to a <see cref="Prompt"/>, typed or submitted from a card. Typed answers accept a choice's
/// number ("2"), its title or an unambiguous start of it, ja/jo/nei/ok for yes/no, and Norwegian dates;
/// case, spacing and æøå typed as ae/o/aa are ignored.
/// </summary>
internal static class AnswerRecognizer
{
    private static readonly HashSet<string> Yes = ["ja", "jo", "j", "ok", "okei", "okay", "yes", "jepp", "ja takk", "gjerne", "stemmer", "riktig", "sant", "true"];
    private static readonly HashSet<string> No = ["nei", "n", "no", "nei takk", "ikke", "ikkje", "feil", "false"];

    public static Recognition Recognize(Prompt prompt, string? text, TimeProvider clock)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0 || text == "-")
        {
            return prompt.Required
                ? Recognition.Fail("Dette spørsmålet må besvares.")
                : Recognition.Empty;
        }

        var result = prompt.Kind switch
        {
            PromptKind.Choice => RecognizeChoice(prompt, text),
            PromptKind.MultiChoice => RecognizeChoices(prompt, text),
            PromptKind.YesNo => RecognizeYesNo(text),
            PromptKind.Date => RecognizeDate(prompt, text, clock),
            _ => text.Length > prompt.MaxLength
                ? Recognition.Fail($"Svaret er for langt ({text.Length} tegn). Skriv høyst {prompt.MaxLength} tegn.")
                : Recognition.Success(JsonValue.Create(text)),
        };
        return ApplyRule(prompt, result);
    }

    /// <summary>Reads a value submitted from a card input (Teams sends every input as a string).</summary>
    public static Recognition RecognizeSubmitted(Prompt prompt, JsonNode? submitted, TimeProvider clock)
    {
        var text = submitted switch
        {
            null => "",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => (string)v!,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
            _ => submitted.ToJsonString(),
        };
        if (prompt.Kind == PromptKind.MultiChoice && text.Length > 0)
        {
            // ChoiceSet with isMultiSelect submits "a,b,c" of values.
            var values = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (values.All(v => prompt.FindChoice(v) is not null))
            {
                return ApplyRule(prompt, Recognition.Success(InDeclaredOrder(prompt, values.Select(v => prompt.FindChoice(v)!))));
            }
        }
        if (prompt.Kind == PromptKind.Choice && prompt.FindChoice(text) is { } exact)
        {
            return ApplyRule(prompt, Recognition.Success(JsonValue.Create(exact.Value)));
        }
        return Recognize(prompt, text, clock);
    }

    private static Recognition ApplyRule(Prompt prompt, Recognition result)
    {
        if (!result.Ok || result.Value is null || prompt.Validate is null) return result;
        var error = prompt.Validate(result.Value);
        return error is null ? result : Recognition.Fail(error);
    }

    private static Recognition RecognizeChoice(Prompt prompt, string text)
    {
        var choice = MatchChoice(prompt.Choices, text, out var ambiguous);
        if (choice is not null) return Recognition.Success(JsonValue.Create(choice.Value));
        return Recognition.Fail(ambiguous.Count > 1
            ? $"«{text}» kan være flere av valgene ({string.Join(", ", ambiguous.Select(c => c.Title))}). Skriv nummeret."
            : $"Jeg forstod ikke «{Shorten(text)}». Svar med nummeret eller navnet på et av valgene.");
    }

    private static Recognition RecognizeChoices(Prompt prompt, string text)
    {
        var parts = SplitList(prompt.Choices, text);
        var picked = new List<Choice>();
        foreach (var part in parts)
        {
            var choice = MatchChoice(prompt.Choices, part, out _);
            if (choice is null)
            {
                return Recognition.Fail($"Jeg forstod ikke «{Shorten(part)}». Svar med numrene på valgene, for eksempel «1, 3».");
            }
            if (!picked.Contains(choice)) picked.Add(choice);
        }
        if (picked.Count == 0) return Recognition.Fail("Velg minst ett av valgene.");
        return Recognition.Success(InDeclaredOrder(prompt, picked));
    }

    /// <summary>Keeps the declared order, so stored answers compare equal whatever order they were picked in.</summary>
    private static JsonArray InDeclaredOrder(Prompt prompt, IEnumerable<Choice> picked)
    {
        var set = picked.ToHashSet();
        return new JsonArray(prompt.Choices.Where(set.Contains).Select(c => (JsonNode)JsonValue.Create(c.Value)!).ToArray());
    }

    /// <summary>
    /// Splits "1, 3", "1 3" and "helsehjelp og mat og måltider" into the choices meant. "og" both joins list items
    /// and stands inside titles ("Mat og måltider"), so the longest run of "og"-joined words that names a choice wins.
    /// </summary>
    private static IEnumerable<string> SplitList(IReadOnlyList<Choice> choices, string text)
    {
        var parts = text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1 && parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } words && words.All(w => w.All(char.IsDigit)))
        {
            return words;
        }
        var result = new List<string>();
        foreach (var part in parts)
        {
            var pieces = part.Split([" og ", " and ", " + "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var start = 0; start < pieces.Length;)
            {
                var end = pieces.Length;
                while (end > start + 1 && MatchChoice(choices, string.Join(" og ", pieces[start..end]), out _) is null) end--;
                result.Add(string.Join(" og ", pieces[start..end]));
                start = end;
            }
        }
        return result;
    }

    /// <summary>Number, value, title, synonym, or an unambiguous start of a title (at least two letters).</summary>
    internal static Choice? MatchChoice(IReadOnlyList<Choice> choices, string text, out List<Choice> candidates)
    {
        candidates = [];
        var typed = TextMatching.Normalize(text).TrimEnd('.');
        if (typed.Length == 0) return null;

        if (int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= choices.Count ? choices[number - 1] : null;
        }

        foreach (var choice in choices)
        {
            if (Names(choice).Any(n => n == typed)) return choice;
        }

        if (typed.Length >= 2)
        {
            candidates = choices.Where(c => Names(c).Any(n => n.StartsWith(typed, StringComparison.Ordinal))).ToList();
            if (candidates.Count == 1) return candidates[0];
        }
        return null;
    }

    private static IEnumerable<string> Names(Choice choice) =>
        new[] { choice.Title, choice.Value }.Concat(choice.Synonyms).Select(TextMatching.Normalize);

    private static Recognition RecognizeYesNo(string text)
    {
        var typed = TextMatching.Normalize(text);
        if (Yes.Contains(typed) || typed.StartsWith("ja ", StringComparison.Ordinal)) return Recognition.Success(JsonValue.Create(true));
        if (No.Contains(typed) || typed.StartsWith("nei ", StringComparison.Ordinal)) return Recognition.Success(JsonValue.Create(false));
        return Recognition.Fail("Svar «ja» eller «nei».");
    }

    private static Recognition RecognizeDate(Prompt prompt, string text, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (!NorwegianDates.TryParse(text, today, out var date))
        {
            return Recognition.Fail("Jeg forstod ikke datoen. Skriv den som 15.03.2026 eller «15. mars 2026».");
        }
        if (prompt.MinDate is { } min && date < min)
            return Recognition.Fail($"Datoen kan ikke være før {min:dd.MM.yyyy}.");
        if (prompt.MaxDate is { } max && date > max)
            return Recognition.Fail($"Datoen kan ikke være etter {max:dd.MM.yyyy}.");
        return Recognition.Success(JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";
}
