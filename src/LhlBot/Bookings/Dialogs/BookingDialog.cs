using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LhlBot.Bookings.Notifications;
using LhlBot.Bookings.Slots;
using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Conversations.Prompts;
using LhlBot.Municipalities;
using LhlBot.People;
using LhlBot.Protocol;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LhlBot.Bookings.Dialogs;

/// <summary>
/// Booking (and moving) a meeting, for a municipality's contact person:
/// which municipality (when they have several) → what the meeting is about (<see cref="BookingFormDialog"/>) →
/// the first free times, more on request or from a date the user names → pick → summary → confirm.
/// The confirmation is decided by the database (<see cref="BookingStore"/>); whoever loses a race for the last
/// time is told so and sees fresh times. Started with {"reschedule": id} it skips to the times of that booking.
/// </summary>
internal sealed class BookingDialog : WaterfallDialog
{
    private readonly LhlDbContext db;
    private readonly SlotQuery slots;
    private readonly BookingStore store;
    private readonly BookingMessages messages;
    private readonly BookingNotifier notifier;
    private readonly TurnOutbox outbox;
    private readonly IOptions<BookingOptions> options;
    private readonly IProactiveReach reach;

    public const string DialogId = "booking";

    public const string SlotAction = "booking.slot";
    public const string MoreAction = "booking.more";
    public const string FromAction = "booking.from";
    public const string ConfirmAction = "booking.confirm";
    public const string OtherAction = "booking.other";
    public const string SlotsTemplate = "booking-slots";

    private const int RenderStep = 3;
    private const string Times = "times";
    private const string Confirm = "confirm";

    private static readonly string[] MoreWords = ["flere", "flere tider", "fleire", "fleire tider", "mer", "neste", "vis flere", "andre tider", "senere", "seinare"];
    private static readonly string[] ConfirmWords = ["ja", "bekreft", "bekrefte", "book", "book den", "ok", "stadfest", "stadfeste", "ja takk", "send"];
    private static readonly string[] OtherWords = ["annen tid", "anna tid", "andre tider", "nei", "tilbake", "vis tider", "velg annen tid"];

    public override string Id => DialogId;

    private static readonly string[] Actions = [SlotAction, MoreAction, FromAction, ConfirmAction, OtherAction, PromptRenderer.PromptAction, CardActions.Cancel];

    public override IReadOnlyCollection<string> OwnActions => Actions;

    /// <summary>«Flere tider» and «Velg en annen tid» move on without the date field.</summary>
    public override bool LeavesForm(string action) => action is MoreAction or OtherAction or CardActions.Cancel;

    public override string? RestartAction => BookingFeature.StartAction;

    private int PageSize => options.Value.TimesPerPage;

    public BookingDialog(LhlDbContext db, SlotQuery slots, BookingStore store, BookingMessages messages,
        BookingNotifier notifier, TurnOutbox outbox, IOptions<BookingOptions> options, IProactiveReach reach)
    {
        this.reach = reach;
        this.db = db;
        this.slots = slots;
        this.store = store;
        this.messages = messages;
        this.notifier = notifier;
        this.outbox = outbox;
        this.options = options;
        // The steps, in the order a contact meets them.
        AddStep(BeginAsync);
        AddStep(MunicipalityChosenAsync);
        AddStep(FormDoneAsync);
        AddStep(RenderAsync);
        AddStep(HandleAsync);
    }

    public override bool Accepts(DialogContext dc)
    {
        // A question typed while times are shown is answered by the router; the dialog then waits where it was.
        var values = dc.ActiveInstance!.State["values"] as JsonObject;
        if ((string?)values?["stage"] is Times or Confirm && dc.Input.CardValue is null && TextMatching.LooksLikeQuestion(dc.Input.Text))
        {
            return false;
        }
        return base.Accepts(dc);
    }

    public override string? Help(DialogContext dc)
    {
        var values = dc.ActiveInstance!.State["values"] as JsonObject;
        return (string?)values?["stage"] switch
        {
            Times => "Velg en tid med nummeret, skriv «flere» for flere tider, eller en dato: «neste uke», «etter 15. mars», «20.03».",
            Confirm => "Skriv «bekreft» for å booke tiden, eller «annen tid» for å velge en annen.",
            _ => base.Help(dc),
        };
    }

    /// <summary>The options a start may carry: {"with": "KS", "from": "2026-12-14", "municipality": "1804"} (each optional).</summary>
    public static JsonObject? StartOptions(JsonObject? card)
    {
        if (card is null) return null;
        var options = new JsonObject();
        if ((string?)card[BookingFormDialog.WithId] is { } with && Enum.TryParse<MeetingWith>(with, out var parsed)) options[BookingFormDialog.WithId] = parsed.ToString();
        if (DateOnly.TryParseExact((string?)card["from"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)) options["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if ((string?)card["municipality"] is { Length: 4 } number) options["municipality"] = number;
        if (card["prefill"] is JsonObject prefill) options["prefill"] = prefill.DeepClone();
        return options.Count > 0 ? options : null;
    }

    // Step 0: who books, for which municipality — or which booking is moved.
    private async Task<DialogTurnStatus> BeginAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var dc = step.Dialogs;
        var person = dc.User;
        if (Guid.TryParse((string?)step.Options?["reschedule"], out var moving))
        {
            var booking = await BookingStore.LoadAsync(db, moving, cancellationToken);
            if (booking is null || booking.Status != BookingStatus.Booked || !BookingAccess.CanChange(person, booking))
            {
                await dc.SendAsync("Jeg finner ingen aktiv avtale du kan flytte. Skriv «mine avtaler» for å se avtalene dine.", cancellationToken);
                return await step.EndAsync(null, cancellationToken);
            }
            var v = step.Values;
            v["reschedule"] = booking.Id.ToString();
            v["municipality"] = booking.MunicipalityNumber;
            v["municipalityName"] = await MunicipalityNameAsync(booking.MunicipalityNumber, cancellationToken);
            v["office"] = booking.OfficeId;
            v[BookingFormDialog.WithId] = booking.With.ToString();
            v[BookingFormDialog.TopicId] = booking.Topic;
            v[BookingFormDialog.FormatId] = booking.Format;
            v[BookingFormDialog.PlaceId] = booking.Place;
            v[BookingFormDialog.DescriptionId] = booking.Description;
            v["current"] = SlotText.Describe(booking.StartUtc, booking.EndUtc);
            StartTimes(v);
            return await step.GoToAsync(RenderStep, null, cancellationToken);
        }

        if (step.Options?["prefill"] is JsonObject prefill)
        {
            // Only the form's own answers are taken over from a pre-filling button.
            var known = new[] { BookingFormDialog.WithId, BookingFormDialog.TopicId, BookingFormDialog.FormatId, BookingFormDialog.DescriptionId };
            step.Values["prefill"] = new JsonObject(prefill.Where(kv => known.Contains(kv.Key) && kv.Value is JsonValue)
                .Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
        }
        var municipalities = person.ContactFor();
        // What the request said: pre-filled on the form, and the first times shown from that date.
        if ((string?)step.Options?[BookingFormDialog.WithId] is { } askedWith)
        {
            var filled = step.Values["prefill"] as JsonObject ?? new JsonObject();
            filled[BookingFormDialog.WithId] = askedWith;
            step.Values["prefill"] = filled;
        }
        if ((string?)step.Options?["from"] is { } askedFrom) step.Values["startFrom"] = askedFrom;
        if (municipalities.Count == 0)
        {
            await dc.SendAsync(
                "Det er kontaktpersonene for Leve hele livet i kommunene som booker veiledningsmøter her. " +
                "Jeg finner deg ikke registrert som kontaktperson. Ta kontakt med Statsforvalteren i fylket ditt, så kan de registrere deg.", cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }
        if (municipalities.Count == 1) return await step.NextAsync(JsonValue.Create(municipalities[0]), cancellationToken);
        if ((string?)step.Options?["municipality"] is { } askedFor && municipalities.Contains(askedFor)) return await step.NextAsync(JsonValue.Create(askedFor), cancellationToken);
        await dc.Prompts.AskAsync(dc, await MunicipalityPromptAsync(municipalities, cancellationToken), cancellationToken: cancellationToken);
        return WaterfallStepContext.Wait();
    }

    // Step 1: the municipality is known; ask what the meeting is about.
    private async Task<DialogTurnStatus> MunicipalityChosenAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var dc = step.Dialogs;
        var number = (string?)step.Result ?? (string?)step.Values["municipality"];
        if (number is null)
        {
            var person = dc.User;
            var prompt = await MunicipalityPromptAsync(person.ContactFor(), cancellationToken);
            var answer = dc.Input.CardValue?["municipality"] is { } submitted
                ? AnswerRecognizer.RecognizeSubmitted(prompt, submitted, dc.Clock)
                : AnswerRecognizer.Recognize(prompt, dc.Input.Text, dc.Clock);
            if (!answer.Ok)
            {
                // Back to step 0, which asks again and waits for the answer to come here.
                await dc.SendAsync("⚠️ " + answer.Error, cancellationToken);
                return await step.GoToAsync(0, null, cancellationToken);
            }
            number = (string?)answer.Value;
        }

        var municipality = await db.Set<Municipality>().FirstOrDefaultAsync(m => m.Number == number, cancellationToken);
        if (municipality is null)
        {
            await dc.SendAsync("Jeg finner ikke kommunen din i kommuneregisteret. Ta kontakt med en administrator.", cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }
        var offered = await slots.OfferedAsync(municipality.OfficeId, cancellationToken);
        if (offered.Count == 0)
        {
            await dc.SendAsync($"Det er ikke registrert rådgivere som tar imot bookinger for {municipality.Name} ennå. Ta kontakt med Statsforvalteren direkte.", cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }
        step.Values["municipality"] = municipality.Number;
        step.Values["municipalityName"] = municipality.Name;
        step.Values["office"] = municipality.OfficeId;
        step.Values["offered"] = new JsonArray(offered.Select(o => (JsonNode)JsonValue.Create(o.ToString())!).ToArray());
        var prefill = step.Values["prefill"]?.DeepClone() ?? new JsonObject();
        return await step.BeginDialogAsync(BookingFormDialog.DialogId, new JsonObject
        {
            ["answers"] = prefill,
            ["context"] = new JsonObject
            {
                ["municipality"] = municipality.Name,
                ["offered"] = string.Join(", ", offered.Select(o => BookingTexts.WithChoice(o).Title)),
            },
        }, cancellationToken);
    }

    // Step 2: the form is filled in; check that the office has who was asked for.
    private async Task<DialogTurnStatus> FormDoneAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not JsonObject answers) return await step.EndAsync(null, cancellationToken);
        var with = Enum.Parse<MeetingWith>((string)answers[BookingFormDialog.WithId]!);
        var offered = step.Values["offered"]!.AsArray().Select(o => (string?)o).ToList();
        if (!offered.Contains(with.ToString()))
        {
            var missing = SlotQuery.Organisations(with).Select(o => o.ToString()).Where(o => !offered.Contains(o));
            await step.Dialogs.SendAsync(
                $"{string.Join(" og ", missing)} har ingen rådgivere registrert for {(string?)step.Values["municipalityName"]} ennå, så det kan ikke bookes. " +
                $"Du kan velge: {string.Join(", ", offered.Select(o => BookingTexts.WithChoice(Enum.Parse<MeetingWith>(o!)).Title))}.", cancellationToken);
            answers.Remove(BookingFormDialog.WithId);
            step.Values["prefill"] = answers.DeepClone();
            return await step.GoToAsync(1, step.Values["municipality"]?.DeepClone(), cancellationToken);
        }
        foreach (var (key, value) in answers) step.Values[key] = value?.DeepClone();
        StartTimes(step.Values);
        if ((string?)step.Values["startFrom"] is { } startFrom) step.Values["from"] = startFrom;
        return await step.GoToAsync(RenderStep, null, cancellationToken);
    }

    // Step 3: shows what the user decides on now — the free times, or the summary to confirm.
    private async Task<DialogTurnStatus> RenderAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var dc = step.Dialogs;
        var v = step.Values;
        var error = (string?)v["error"];
        v.Remove("error");
        if (error is not null && (bool?)v["quiet"] == true)
        {
            v.Remove("quiet");
            await dc.SendAsync(error, cancellationToken);
            return WaterfallStepContext.Wait();
        }
        v.Remove("quiet");
        if ((string?)v["stage"] == Confirm) await SendSummaryAsync(dc, v, cancellationToken);
        else await SendTimesAsync(dc, v, error, cancellationToken);
        return WaterfallStepContext.Wait();
    }

    // Step 4: a time picked, more times, another date, or the confirmation.
    private async Task<DialogTurnStatus> HandleAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var dc = step.Dialogs;
        var v = step.Values;
        var input = dc.Input;
        if ((string?)v["stage"] == Confirm)
        {
            if (input.Action == ConfirmAction || (input.Action is null && input.IsCommand(ConfirmWords))) return await CommitAsync(step, cancellationToken);
            if (input.Action == OtherAction || (input.Action is null && input.IsCommand(OtherWords)))
            {
                v["stage"] = Times;
                return await step.GoToAsync(RenderStep, null, cancellationToken);
            }
            if (input.Action != SlotAction)
            {
                return await Quietly(step, "Skriv «bekreft» for å booke tiden, «annen tid» for å velge en annen, eller «avbryt».", cancellationToken);
            }
        }

        if (input.Action == SlotAction && DateTime.TryParse(input.CardString("start"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var picked))
        {
            return await ChooseAsync(step, picked, cancellationToken);
        }
        if (input.Action == MoreAction || (input.Action is null && input.IsCommand(MoreWords)))
        {
            v["offset"] = ((int?)v["offset"] ?? 0) + PageSize;
            return await step.GoToAsync(RenderStep, null, cancellationToken);
        }
        var today = SlotFinder.Today(dc.Clock.GetUtcNow());
        if (input.Action == FromAction)
        {
            if (DateOnly.TryParseExact(input.CardString("fromDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fromDate))
            {
                return await FromAsync(step, fromDate, cancellationToken);
            }
            return await Quietly(step, "Velg en dato i datofeltet først, eller skriv den, for eksempel «etter 15. mars».", cancellationToken);
        }
        var shown = v["shown"] as JsonArray ?? [];
        if (int.TryParse(input.Normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (number >= 1 && number <= shown.Count)
            {
                return await ChooseAsync(step, DateTime.Parse((string)shown[number - 1]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), cancellationToken);
            }
            return await Quietly(step, shown.Count > 0 ? $"Velg et nummer fra 1 til {shown.Count}, skriv «flere», eller en dato." : "Skriv en dato, for eksempel «neste uke» eller «etter 15. mars».", cancellationToken);
        }
        if (input.Text.Length > 0 && BookingDates.TryParse(input.Text, today, out var from))
        {
            return await FromAsync(step, from, cancellationToken);
        }
        return await Quietly(step,
            "Jeg forstod ikke det. Skriv nummeret på en tid, «flere» for flere tider, eller en dato som «neste uke», «etter 15. mars» eller «20.03». «avbryt» avbryter.",
            cancellationToken);
    }

    private async Task<DialogTurnStatus> FromAsync(WaterfallStepContext step, DateOnly from, CancellationToken cancellationToken)
    {
        var last = SlotFinder.LastBookableDay(step.Dialogs.Clock.GetUtcNow(), slots.Rules);
        if (from > last)
        {
            return await Quietly(step, $"Det går bare an å booke fram til {SlotText.Date(last)}. Velg en tidligere dato.", cancellationToken);
        }
        step.Values["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        step.Values["offset"] = 0;
        step.Values["stage"] = Times;
        return await step.GoToAsync(RenderStep, null, cancellationToken);
    }

    private Task<DialogTurnStatus> ChooseAsync(WaterfallStepContext step, DateTime startUtc, CancellationToken cancellationToken)
    {
        step.Values["start"] = startUtc.ToString("o", CultureInfo.InvariantCulture);
        step.Values["end"] = startUtc.AddMinutes(slots.Rules.MeetingMinutes).ToString("o", CultureInfo.InvariantCulture);
        step.Values["stage"] = Confirm;
        return step.GoToAsync(RenderStep, null, cancellationToken);
    }

    private static Task<DialogTurnStatus> Quietly(WaterfallStepContext step, string message, CancellationToken cancellationToken)
    {
        step.Values["error"] = message;
        step.Values["quiet"] = true;
        return step.GoToAsync(RenderStep, null, cancellationToken);
    }

    private async Task<DialogTurnStatus> CommitAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var dc = step.Dialogs;
        var v = step.Values;
        var person = dc.User;
        var start = DateTime.Parse((string)v["start"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var municipalityName = (string?)v["municipalityName"] ?? "";
        BookingResult result;
        bool moved;
        if (Guid.TryParse((string?)v["reschedule"], out var movingId))
        {
            moved = true;
            var existing = await BookingStore.LoadAsync(db, movingId, cancellationToken);
            if (existing is null || !BookingAccess.CanChange(person, existing))
            {
                await dc.SendAsync("Jeg finner ikke avtalen lenger. Skriv «mine avtaler» for å se avtalene dine.", cancellationToken);
                return await step.EndAsync(null, cancellationToken);
            }
            result = await store.RescheduleAsync(movingId, start, cancellationToken);
        }
        else
        {
            moved = false;
            if (person is null || !person.ContactFor().Contains((string)v["municipality"]!))
            {
                await dc.SendAsync("Du kan bare booke for kommunen du er kontaktperson for.", cancellationToken);
                return await step.EndAsync(null, cancellationToken);
            }
            var draft = new BookingDraft(
                (string)v["municipality"]!, (int)v["office"]!, Enum.Parse<MeetingWith>((string)v[BookingFormDialog.WithId]!),
                (string)v[BookingFormDialog.TopicId]!, (string)v[BookingFormDialog.FormatId]!, (string?)v[BookingFormDialog.PlaceId],
                (string?)v[BookingFormDialog.DescriptionId] ?? "");
            result = await store.BookAsync(Guid.Parse((string)v["bookingId"]!), draft, start, person.Id, cancellationToken);
        }

        switch (result.Outcome)
        {
            case BookingOutcome.Done when result.Booking is { } booking:
            {
                var heading = moved ? "Avtalen er flyttet ✅" : "Møtet er booket ✅";
                var intro = ReachTexts.WhoIsTold(reach, booking.Advisors.Select(a => a.Person).OfType<Person>(), moved ? "nytt tidspunkt" : "invitasjon");
                var activity = messages.Build(booking, municipalityName, heading, intro, dc.CardsSupported,
                    new JsonArray(BookingMessages.Action("Mine avtaler", BookingFeature.MineAction)));
                if (!dc.CardsSupported) activity.Text += "\n\nSkriv «mine avtaler» for å se, flytte eller avlyse avtalene dine.";
                await dc.SendAsync(activity, cancellationToken);
                var change = moved ? BookingChange.Moved : BookingChange.Booked;
                var actor = person?.Id;
                outbox.AfterCommit(ct => notifier.NotifyAsync(booking.Id, change, actor, ct));
                return await step.EndAsync(null, cancellationToken);
            }
            case BookingOutcome.NotFound:
                await dc.SendAsync("Avtalen er avlyst eller finnes ikke lenger, så den kan ikke flyttes.", cancellationToken);
                return await step.EndAsync(null, cancellationToken);
            default:
                // Lost the race (or the time is no longer free): nothing was written; show what is free now.
                v["stage"] = Times;
                v["offset"] = 0;
                v["bookingId"] = Guid.NewGuid().ToString();
                v["error"] = $"Beklager – {SlotText.Describe(start, start.AddMinutes(slots.Rules.MeetingMinutes))} ble nettopp tatt av noen andre. Her er de ledige tidene nå:";
                return await step.GoToAsync(RenderStep, null, cancellationToken);
        }
    }

    private async Task SendTimesAsync(DialogContext dc, JsonObject v, string? error, CancellationToken cancellationToken)
    {
        var offset = (int?)v["offset"] ?? 0;
        DateOnly? from = DateOnly.TryParseExact((string?)v["from"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : null;
        var with = Enum.Parse<MeetingWith>((string)v[BookingFormDialog.WithId]!);
        Guid? ignore = Guid.TryParse((string?)v["reschedule"], out var moving) ? moving : null;
        var found = await slots.FindAsync((int)v["office"]!, with, from, offset, PageSize + 1, ignore, cancellationToken);
        var page = found.Take(PageSize).ToList();
        var hasMore = found.Count > PageSize;
        v["shown"] = new JsonArray(page.Select(s => (JsonNode)JsonValue.Create(s.StartUtc.ToString("o", CultureInfo.InvariantCulture))!).ToArray());

        var who = BookingTexts.With(with);
        var heading = v["reschedule"] is not null ? $"Flytt avtalen (nå: {(string?)v["current"]})" : $"Ledige tider med {who}";
        var fromText = from is { } d ? $" fra {SlotText.Date(d)}" : "";
        string intro;
        if (page.Count == 0)
        {
            intro = offset > 0
                ? "Det er ingen flere ledige tider innenfor bookingperioden. Skriv en dato for å se tider fra den, eller «avbryt»."
                : $"Jeg finner ingen ledige tider{fromText} innenfor de neste {slots.Rules.HorizonWeeks} ukene. Prøv en annen dato, velg et annet møte, eller ta kontakt direkte.";
        }
        else
        {
            intro = (offset > 0 ? "Flere ledige tider" : "De første ledige tidene") + fromText + (with == MeetingWith.Joint ? " der alle tre kan." : ".");
        }

        if (dc.CardsSupported)
        {
            var actions = new JsonArray();
            if (hasMore) actions.Add(PromptRenderer.Action("Flere tider", new JsonObject { ["action"] = MoreAction }));
            actions.Add(PromptRenderer.Action("Vis fra datoen", new JsonObject { ["action"] = FromAction }));
            actions.Add(PromptRenderer.Action("Avbryt", new JsonObject { ["action"] = CardActions.Cancel }));
            var data = new JsonObject
            {
                ["heading"] = heading,
                ["intro"] = intro,
                ["error"] = error ?? "",
                ["slots"] = new JsonArray(page.Select(s => (JsonNode)PromptRenderer.Action(SlotText.Short(s.StartUtc, s.EndUtc),
                    new JsonObject { ["action"] = SlotAction, ["start"] = s.StartUtc.ToString("o", CultureInfo.InvariantCulture) })).ToArray()),
                ["fromDate"] = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                ["minDate"] = SlotFinder.FirstBookableDay(dc.Clock.GetUtcNow(), slots.Rules).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["maxDate"] = SlotFinder.LastBookableDay(dc.Clock.GetUtcNow(), slots.Rules).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["actions"] = actions,
            };
            await dc.SendAsync(MessageFactory.Attachment(dc.Prompts.Cards.Render(SlotsTemplate, data)), cancellationToken);
            return;
        }

        var text = new StringBuilder();
        if (error is not null) text.AppendLine(error).AppendLine();
        text.Append("**").Append(heading).AppendLine("**").AppendLine(intro);
        for (var i = 0; i < page.Count; i++) text.Append(i + 1).Append(". ").AppendLine(SlotText.Short(page[i].StartUtc, page[i].EndUtc));
        text.AppendLine().Append(page.Count > 0 ? "Svar med nummeret på tiden. " : "")
            .Append(hasMore ? "Skriv «flere» for flere tider, eller " : "Skriv ")
            .Append("en dato som «neste uke» eller «etter 15. mars». «avbryt» avbryter.");
        await dc.SendAsync(text.ToString(), cancellationToken);
    }

    private async Task SendSummaryAsync(DialogContext dc, JsonObject v, CancellationToken cancellationToken)
    {
        var start = DateTime.Parse((string)v["start"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var end = DateTime.Parse((string)v["end"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var with = Enum.Parse<MeetingWith>((string)v[BookingFormDialog.WithId]!);
        var facts = new List<(string Title, string Value)>
        {
            ("Når", SlotText.Describe(start, end)),
            ("Kommune", (string?)v["municipalityName"] ?? ""),
            ("Med", BookingTexts.With(with)),
            ("Tema", BookingTexts.Topic((string)v[BookingFormDialog.TopicId]!)),
            ("Form", BookingTexts.Format((string)v[BookingFormDialog.FormatId]!, (string?)v[BookingFormDialog.PlaceId])),
        };
        if ((string?)v[BookingFormDialog.DescriptionId] is { Length: > 0 } description) facts.Add(("Beskrivelse", description));
        var moving = v["reschedule"] is not null;
        var heading = moving ? "Flytte avtalen hit?" : "Se over og bekreft";
        if (dc.CardsSupported)
        {
            var data = new JsonObject
            {
                ["heading"] = heading,
                ["intro"] = moving ? $"Avtalen flyttes fra {(string?)v["current"]}." : "Trykk «Bekreft» for å booke tiden.",
                ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value }).ToArray()),
                ["note"] = "",
                ["actions"] = new JsonArray(
                    PromptRenderer.Action("Bekreft", new JsonObject { ["action"] = ConfirmAction }),
                    PromptRenderer.Action("Velg en annen tid", new JsonObject { ["action"] = OtherAction }),
                    PromptRenderer.Action("Avbryt", new JsonObject { ["action"] = CardActions.Cancel })),
            };
            await dc.SendAsync(MessageFactory.Attachment(dc.Prompts.Cards.Render(BookingMessages.DetailsTemplate, data)), cancellationToken);
            return;
        }
        var text = new StringBuilder().Append("**").Append(heading).AppendLine("**");
        foreach (var (title, value) in facts) text.Append("- ").Append(title).Append(": ").AppendLine(value);
        text.AppendLine().Append("Skriv «bekreft» for å booke, «annen tid» for å velge en annen tid, eller «avbryt».");
        await dc.SendAsync(text.ToString(), cancellationToken);
    }

    private static void StartTimes(JsonObject v)
    {
        v["stage"] = Times;
        v["offset"] = 0;
        v.Remove("from");
        v["bookingId"] = Guid.NewGuid().ToString();
    }

    private async Task<Prompt> MunicipalityPromptAsync(IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        var names = await db.Set<Municipality>().Where(m => numbers.Contains(m.Number)).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        return new Prompt("municipality", PromptKind.Choice, "Hvilken kommune gjelder møtet?")
        {
            Choices = names.Select(m => new Choice(m.Number, m.Name)).ToList(),
        };
    }

    private async Task<string> MunicipalityNameAsync(string number, CancellationToken cancellationToken) =>
        await db.Set<Municipality>().Where(m => m.Number == number).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken) ?? number;
}
