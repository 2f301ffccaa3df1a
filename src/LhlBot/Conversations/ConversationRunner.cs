using System.Text.Json;
using LhlBot.Conversations.Dialogs;
using LhlBot.Conversations.Prompts;
using LhlBot.People;
using LhlBot.Protocol;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.Conversations;

/// <summary>
/// The bot's turn: loads the conversation's state, routes the turn, and commits state and any data the turn wrote
/// in one transaction. Concurrency is optimistic: if another turn (or another bot instance) saved the conversation
/// meanwhile, this attempt is thrown away — nothing of it was saved or sent — and the turn runs again on fresh state.
/// </summary>
internal sealed class ConversationRunner(
    IServiceScopeFactory scopes,
    PromptRenderer prompts,
    TimeProvider clock,
    Hosting.Readiness readiness,
    Hosting.BotTelemetry telemetry,
    ILogger<ConversationRunner> logger) : IBot
{
    /// <summary>Twelve turns at once in one conversation on a loaded 2-core machine exhausted six attempts on PostgreSQL.</summary>
    private const int MaxAttempts = 10;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var type = turnContext.Activity.Type;
        using var span = telemetry.Source.StartActivity("turn");
        span?.SetTag("lhlbot.activity.type", type);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        telemetry.TurnsActive.Add(1);
        try
        {
            await RunTurnAsync(turnContext, cancellationToken);
        }
        finally
        {
            telemetry.TurnsActive.Add(-1);
            telemetry.TurnDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                new KeyValuePair<string, object?>("lhlbot.activity.type", type));
        }
    }

    private async Task RunTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            logger.LogWarning("Activity {Type} without a conversation id ignored.", activity.Type);
            return;
        }

        // Over HTTP the start-up gate answers 503 before this; an in-process caller (the terminal chat) waits.
        await readiness.WaitForDatabaseAsync(cancellationToken);

        var claim = ActivityDeduplication.ClaimFor(activity, clock);
        if (claim is not null)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await ActivityDeduplication.IsProcessedAsync(scope.ServiceProvider.GetRequiredService<LhlDbContext>(), claim, cancellationToken))
            {
                await AcknowledgeDuplicateAsync(turnContext, claim, cancellationToken);
                return;
            }
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<LhlDbContext>();
            var buffer = new BufferedTurnContext(turnContext);

            var record = await db.Set<ConversationRecord>().FindAsync([conversationId], cancellationToken);
            if (record is null)
            {
                record = new ConversationRecord { Id = conversationId, ChannelId = activity.ChannelId ?? "" };
                db.Add(record);
            }
            var state = ReadState(record);
            var user = await services.GetRequiredService<CurrentUser>().GetAsync(buffer, cancellationToken);
            var dc = new DialogContext(buffer, state, services.GetRequiredService<DialogSet>(), UserInput.From(activity), prompts, clock, user);
            dc.Context.TurnState[nameof(ConversationRecord)] = record;

            try
            {
                await services.GetRequiredService<TurnRouter>().RunAsync(dc, cancellationToken);
            }
            catch (Exception ex) when (dc.Input.CardValue is not null && IsInputFault(ex))
            {
                // Card data of a shape no job expected (a number where text belongs, a list for a choice): the user
                // is told in Norwegian, nothing of the attempt is saved, and the operator gets the details.
                logger.LogWarning(ex, "Card data in conversation {ConversationId} could not be read; the turn was not saved.", LogText.Safe(conversationId));
                await turnContext.SendActivityAsync(MessageFactory.Text(UnreadableCardText), cancellationToken);
                if (activity.Type == ActivityTypes.Invoke)
                {
                    await turnContext.SendInvokeResponseAsync(200, new { statusCode = 200, type = ContentTypes.ActivityMessage, value = "OK" }, cancellationToken);
                }
                return;
            }

            record.StateJson = JsonSerializer.Serialize(state, StateJson);
            record.ReferenceJson = JsonSerializer.Serialize(activity.GetConversationReference(), ProtocolJson.Options);
            record.UserAadObjectId = activity.From?.AadObjectId ?? record.UserAadObjectId;
            record.ChannelId = activity.ChannelId ?? record.ChannelId;
            record.UpdatedAt = clock.GetUtcNow();
            record.Version++;
            if (claim is not null) db.Add(new ProcessedActivity { ConversationId = claim.ConversationId, ActivityId = claim.ActivityId, ReceivedAt = claim.ReceivedAt });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ActivityDeduplication.IsUniqueViolation(ex))
            {
                if (claim is not null && await IsProcessedElsewhereAsync(claim, cancellationToken))
                {
                    // A re-delivery of this activity committed first (here or on another instance): this attempt counts for nothing.
                    await AcknowledgeDuplicateAsync(turnContext, claim, cancellationToken);
                    return;
                }
                telemetry.TurnRetries.Add(1);
                logger.LogInformation("Conversation {ConversationId} changed during the turn (attempt {Attempt}); running it again.", conversationId, attempt);
                await Task.Delay(Random.Shared.Next(5, 40) * attempt, cancellationToken);
                continue;
            }

            foreach (var work in services.GetRequiredService<TurnOutbox>().Pending)
            {
                try { await work(cancellationToken); }
                catch (Exception ex) { logger.LogError(ex, "Follow-up work after the turn in {ConversationId} failed.", conversationId); }
            }
            await buffer.FlushAsync(cancellationToken);
            if (activity.Type == ActivityTypes.Invoke)
            {
                // Universal Actions: the card's button is answered in the HTTP response; the replies went as messages.
                await turnContext.SendInvokeResponseAsync(200, new { statusCode = 200, type = ContentTypes.ActivityMessage, value = "OK" }, cancellationToken);
            }
            return;
        }

        await turnContext.SendActivityAsync(MessageFactory.Text("Beklager, det kom mange meldinger samtidig, og jeg rakk ikke å lagre din. Prøv igjen."), cancellationToken);
    }

    internal const string UnreadableCardText = "Jeg klarte ikke å lese det som ble sendt fra kortet – et felt hadde en verdi jeg ikke forventet. Ingenting er lagret. Fyll ut kortet på nytt, eller skriv «avbryt».";

    /// <summary>Exceptions that reading unexpected input raises (casts, parsing), as opposed to storage or network failures.</summary>
    private static bool IsInputFault(Exception ex) => ex is InvalidCastException or FormatException or JsonException or KeyNotFoundException
        or OverflowException or IndexOutOfRangeException or NullReferenceException or ArgumentException
        || (ex is InvalidOperationException && ex is not ObjectDisposedException && ex.GetType() == typeof(InvalidOperationException));

    internal static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    private ConversationState ReadState(ConversationRecord record)
    {
        try
        {
            return JsonSerializer.Deserialize<ConversationState>(record.StateJson, StateJson) ?? new ConversationState();
        }
        catch (JsonException ex)
        {
            // A state written by an incompatible version: start the conversation afresh rather than fail every turn.
            logger.LogWarning(ex, "Unreadable state for conversation {ConversationId}; starting afresh.", record.Id);
            return new ConversationState();
        }
    }

    private async Task<bool> IsProcessedElsewhereAsync(ProcessedActivity claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ActivityDeduplication.IsProcessedAsync(scope.ServiceProvider.GetRequiredService<LhlDbContext>(), claim, cancellationToken);
    }

    private async Task AcknowledgeDuplicateAsync(ITurnContext turnContext, ProcessedActivity claim, CancellationToken cancellationToken)
    {
        telemetry.Duplicates.Add(1);
        logger.LogInformation("Activity {ActivityId} in {ConversationId} was already processed; acknowledged without processing.",
            LogText.Safe(claim.ActivityId), LogText.Safe(claim.ConversationId));
        if (turnContext.Activity.Type == ActivityTypes.Invoke)
        {
            await turnContext.SendInvokeResponseAsync(200, new { statusCode = 200, type = ContentTypes.ActivityMessage, value = "OK" }, cancellationToken);
        }
    }
}
