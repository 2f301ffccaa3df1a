using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LhlBot.Bookings;

/// <summary>
/// Instants are stored as UTC <see cref="DateTime"/> (SQLite text that sorts and compares correctly, unlike
/// DateTimeOffset), and read back marked as UTC so that nothing downstream mistakes them for local time.
/// </summary>
internal static class UtcDateTime
{
    public static readonly ValueConverter<DateTime, DateTime> Converter = new(
        value => DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc),
        stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    public static readonly ValueConverter<DateTime?, DateTime?> NullableConverter = new(
        value => value.HasValue ? DateTime.SpecifyKind(value.Value.ToUniversalTime(), DateTimeKind.Utc) : null,
        stored => stored.HasValue ? DateTime.SpecifyKind(stored.Value, DateTimeKind.Utc) : null);
}
