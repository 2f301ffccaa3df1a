using System.Text.Json.Serialization;

namespace LhlBot.Conversations.Requests;

/// <summary>
/// A job's request, declared once as data (a <c>*.requests.json</c> file in the job's folder): the intent's name,
/// the menu action it starts, how «Mente du …?» names it, the entities it takes (entity kind → the field of the
/// action's data it fills) and the examples people write. An example may hold an entity's place: «møte med {organisation}».
/// </summary>
internal sealed record RequestDeclaration
{
    public required string Intent { get; init; }
    public required string Action { get; init; }

    /// <summary>As «Mente du …?» asks it: «å booke et veiledningsmøte».</summary>
    public required string Meaning { get; init; }

    /// <summary>Entity kind (municipality, organisation, week, date, round, office) → field of the action's data.</summary>
    public Dictionary<string, string> Entities { get; init; } = [];

    public List<string> Examples { get; init; } = [];

    /// <summary>Words that tell this job from a neighbour sharing its stems («booket», «avtalene» for the meetings already
    /// made, against «bestille» for a new one); one in the text adds <see cref="RequestSettings.CueBonus"/>.</summary>
    public List<string> Cues { get; init; } = [];
}

/// <summary>One <c>*.requests.json</c> file.</summary>
internal sealed record RequestFile
{
    public List<RequestDeclaration> Requests { get; init; } = [];
}

/// <summary>
/// What tells a request from a question about it, as data (<c>request-shapes.json</c>): words that make a
/// sentence the writer's own errand («jeg», «vi», «oss»), question openings that ask what something is
/// («hva er», «kva betyr», «hvorfor»), and the organisations as people name them.
/// </summary>
internal sealed record RequestShapes
{
    [JsonPropertyName("firstPerson")] public List<string> FirstPerson { get; init; } = [];
    [JsonPropertyName("questionLeads")] public List<string> QuestionLeads { get; init; } = [];
    [JsonPropertyName("organisations")] public Dictionary<string, List<string>> Organisations { get; init; } = [];
    [JsonPropertyName("weekWords")] public List<string> WeekWords { get; init; } = [];
    [JsonPropertyName("nextWeek")] public List<string> NextWeek { get; init; } = [];
    [JsonPropertyName("spring")] public List<string> Spring { get; init; } = [];
    [JsonPropertyName("autumn")] public List<string> Autumn { get; init; } = [];
    [JsonPropertyName("municipalityWords")] public List<string> MunicipalityWords { get; init; } = [];
}
