using LhlBot.Bookings.Availability;
using LhlBot.Bookings.Cli;
using LhlBot.Bookings.Dialogs;
using LhlBot.Bookings.Notifications;
using LhlBot.Bookings.Reminders;
using LhlBot.Bookings.Slots;
using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Bookings;

// In the Hosting namespace so LhlBotServices calls services.AddBookings() with no extra using line.
namespace LhlBot.Hosting;

/// <summary>The booking job's registrations; called from LhlBotServices before the Questions job (menu order).</summary>
internal static class BookingServices
{
    public static IServiceCollection AddBookings(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BookingOptions>(configuration.GetSection("Bookings"));
        // Bookings stand on the people registry (who advises which office, whom to notify); registered once.
        LhlBot.People.PeopleServices.AddPeople(services);

        // Availability, slots and the one write that must be decided at once
        services.AddScoped<SlotQuery>();
        services.AddSingleton<BookingStore>();
        services.AddScoped<ISeeder, DemoAvailabilitySeeder>();

        // Messages to the other side (tests replace the messenger with a recording one)
        services.AddSingleton<BookingMessages>();
        services.AddSingleton<BookingNotifier>();

        // Conversation
        services.AddScoped<Dialog, BookingDialog>();
        services.AddScoped<Dialog, BookingFormDialog>();
        services.AddScoped<Dialog, CancelBookingDialog>();
        services.AddScoped<Dialog, AvailabilityDialog>();
        services.AddScoped<BookingFeature>();
        services.AddScoped<IBotFeature>(provider => provider.GetRequiredService<BookingFeature>());
        services.AddScoped<IFollowUpOffer>(provider => provider.GetRequiredService<BookingFeature>());

        // Reminders the day before
        services.AddSingleton<ReminderJob>();
        services.AddHostedService<ReminderService>();

        // CLI
        services.AddSingleton<ICliCommand, BookingsListCommand>();
        services.AddSingleton<ICliCommand, AvailabilityImportCommand>();
        return services;
    }
}
