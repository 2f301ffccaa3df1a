using LhlBot.Bookings.Dialogs;

namespace LhlBot.Tests.Bookings;

public sealed class BookingDatesTests
{
    private static readonly DateOnly Today = new(2026, 3, 4); // Wednesday

    [Theory]
    [InlineData("neste uke", 2026, 3, 9)]
    [InlineData("neste veke", 2026, 3, 9)]
    [InlineData("etter 15. mars", 2026, 3, 16)]
    [InlineData("fra 20.03.2026", 2026, 3, 20)]
    [InlineData("20.03", 2026, 3, 20)]
    [InlineData("uke 14", 2026, 3, 30)]
    [InlineData("torsdag", 2026, 3, 5)]
    [InlineData("etter fredag", 2026, 3, 7)]
    [InlineData("tysdag", 2026, 3, 10)]
    public void Reads_when_the_user_wants_times_from(string text, int year, int month, int day)
    {
        Assert.True(BookingDates.TryParse(text, Today, out var from));
        Assert.Equal(new DateOnly(year, month, day), from);
    }

    [Fact]
    public void Does_not_take_other_words_for_a_date() => Assert.False(BookingDates.TryParse("hva er dette", Today, out _));
}
