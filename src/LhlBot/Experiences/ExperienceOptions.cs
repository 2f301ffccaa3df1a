namespace LhlBot.Experiences;

/// <summary>The "Experiences" section: how the experience bank (erfaringsbanken) is searched and shown.</summary>
internal sealed class ExperienceOptions
{
    /// <summary>Words that ask for measures rather than describe them («tiltak», «andre kommuner»), one a line; relative to the application folder.</summary>
    public string CueWordsFile { get; set; } = "data/erfaringsbank-ord.txt";

    /// <summary>Share of the question's content words an entry must hold: 0.75 lets one of four words miss, but not one of two.</summary>
    public double MinCoverage { get; set; } = 0.75;

    /// <summary>Entries shown beside an answer: three fit on a Teams card without scrolling.</summary>
    public int MaxShown { get; set; } = 3;

    /// <summary>Entries listed per office in «erfaringsbanken»: the latest ten, the rest by CSV export.</summary>
    public int MaxListed { get; set; } = 10;
}
