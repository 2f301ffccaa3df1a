namespace LhlBot.Conversations.Requests;

/// <summary>The request recogniser's tuning, in one place (section "Requests"); each with why it is what it is.</summary>
internal sealed class RequestSettings
{
    public const string Section = "Requests";

    /// <summary>At or above this a request starts its job at once: most of an example's words, and few others, are there.</summary>
    public double StartScore { get; set; } = 0.5;

    /// <summary>Between this and <see cref="StartScore"/> the bot asks «Mente du …?»; below it the text is a reform question.</summary>
    public double AskScore { get; set; } = 0.4;

    /// <summary>How much the stems (content) count against the words as written (which keep «hvilke», «har», tense).</summary>
    public double StemWeight { get; set; } = 0.75;

    /// <summary>A question that opens «hva er», «hvorfor» … and names no «jeg»/«vi» asks about the thing: its score is multiplied by this.</summary>
    public double QuestionLeadFactor { get; set; } = 0.4;

    /// <summary>Such an opening with «vi»/«vår» in it («Når er møtet vårt?», «Hva skal vi rapportere?») may be either: a milder factor.</summary>
    public double PersonalQuestionLeadFactor { get; set; } = 0.8;

    /// <summary>Any other question without «jeg», «vi», «oss» … is rarely the writer's errand: its score is multiplied by this.</summary>
    public double ImpersonalQuestionFactor { get; set; } = 0.6;

    /// <summary>How much more the example's words found count than the text's other words (F-beta): a request carries its own details.</summary>
    public double RecallBeta { get; set; } = 1.5;

    /// <summary>The weight of an entity's place in an example and a text («{office}»): it helps tell jobs apart, but a name alone («… i Nordland») is no request.</summary>
    public double EntityWeight { get; set; } = 0.5;

    /// <summary>Added when the text has one of a job's cue words: enough to settle a tie between neighbours, too little to make a question a request.</summary>
    public double CueBonus { get; set; } = 0.08;

    /// <summary>Typos are forgiven in words at least this long (shorter ones are too often another word).</summary>
    public int TypoMinLength { get; set; } = 5;
}
