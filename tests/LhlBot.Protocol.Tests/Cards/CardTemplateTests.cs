using System.Text.Json.Nodes;
using LhlBot.Protocol.Cards;

namespace LhlBot.Protocol.Tests.Cards;

public sealed class CardTemplateTests
{
    private static JsonObject Expand(string template, string? data = null) =>
        CardTemplate.Parse("test", template).Expand(data is null ? null : JsonNode.Parse(data));

    /// <summary>Expands {"v": valueTemplate} and returns the bound value.</summary>
    private static JsonNode? Value(string valueTemplate, string data = "{}") =>
        Expand($$"""{"v": {{JsonValue.Create(valueTemplate)!.ToJsonString()}}}""", data)["v"];

    private static string? Text(string valueTemplate, string data = "{}") => Value(valueTemplate, data)?.GetValue<string>();

    [Fact]
    public void WholeStringExpressionKeepsItsJsonType()
    {
        var data = """{"n": 42, "f": 1.5, "b": true, "o": {"x": 1}, "a": [1, 2], "s": "hi"}""";
        Assert.Equal(42, Value("${n}", data)!.GetValue<int>());
        Assert.Equal(1.5, Value("${f}", data)!.GetValue<double>());
        Assert.True(Value("${b}", data)!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"x": 1}"""), Value("${o}", data)));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[1, 2]"), Value("${a}", data)));
        Assert.Equal("hi", Text("${s}", data));
    }

    [Fact]
    public void NumbersInDataBuiltInCodeBindLikeParsedOnes()
    {
        // The bot builds card data as JsonObject with CLR ints; these must bind and compare like parsed JSON.
        var data = new JsonObject { ["count"] = 3, ["big"] = 10_000_000_000L, ["price"] = 12.5m };
        var card = CardTemplate.Parse("test", """{"a": "${count}", "b": "${count > 2}", "c": "${big}", "d": "${price}"}""").Expand(data);
        Assert.Equal(3, card["a"]!.GetValue<int>());
        Assert.True(card["b"]!.GetValue<bool>());
        Assert.Equal(10_000_000_000L, card["c"]!.GetValue<long>());
        Assert.Equal(12.5, card["d"]!.GetValue<double>());
    }

    [Fact]
    public void ComputedValuesHaveTheirNaturalType()
    {
        Assert.Equal(3, Value("${1 + 2}")!.GetValue<int>());
        Assert.Equal(0.5, Value("${1.5 - 1}")!.GetValue<double>());
        Assert.True(Value("${2 > 1}")!.GetValue<bool>());
    }

    [Fact]
    public void MixedStringConcatenatesAsText()
    {
        var data = """{"name": "Kari", "age": 71, "ok": true, "tags": ["a", "b"]}""";
        Assert.Equal("Kari is 71 (true)", Text("${name} is ${age} (${ok})", data));
        Assert.Equal("tags: [\"a\",\"b\"]", Text("tags: ${tags}", data));
        Assert.Equal("plain text stays", Text("plain text stays", data));
        Assert.Equal("$5 and {braces}", Text("$5 and {braces}", data));
    }

    [Fact]
    public void UndefinedPathsStayLiteral()
    {
        var data = """{"user": {"name": "Ola"}}""";
        Assert.Equal("Hello ${user.title} Ola", Text("Hello ${user.title} ${user.name}", data));
        Assert.Equal("${missing}", Text("${missing}", data));
        Assert.Equal("${user.first.inner}", Text("${user.first.inner}", data));
        Assert.Equal("${items[3]}", Text("${items[3]}", data));
    }

    [Fact]
    public void PathsSupportDotIndexAndQuotedKeys()
    {
        var data = """{"a": {"list": [{"x": "first"}, {"x": "second"}], "odd key": "k"}, "i": 1}""";
        Assert.Equal("second", Text("${a.list[1].x}", data));
        Assert.Equal("second", Text("${a.list[i].x}", data));
        Assert.Equal("k", Text("${a['odd key']}", data));
        Assert.Equal("k", Text("${a[\"odd key\"]}", data));
        Assert.Equal("first", Text("${$data.a.list[0].x}", data));
        Assert.Equal("first", Text("${$root.a.list[0]['x']}", data));
    }

    [Fact]
    public void NullSafePathsDoNotThrow()
    {
        var data = """{"a": null, "s": "text", "n": 3}""";
        Assert.Equal("${a.b.c}", Text("${a.b.c}", data));
        Assert.Equal("${s.length}", Text("${s.length}", data));
        Assert.Equal("${n[0]}", Text("${n[0]}", data));
    }

    [Fact]
    public void JsonNullKeepsNullAndIsEmptyInText()
    {
        var card = Expand("""{"v": "${a}", "t": "[${a}]"}""", """{"a": null}""");
        Assert.True(card.ContainsKey("v"));
        Assert.Null(card["v"]);
        Assert.Equal("[]", card["t"]!.GetValue<string>());
    }

    [Fact]
    public void ArrayDataRepeatsTheObjectWithIndexAndRoot()
    {
        var card = Expand(
            """
            {"type": "AdaptiveCard", "body": [
              {"type": "TextBlock", "text": "Header"},
              {"type": "TextBlock", "$data": "${people}", "text": "${$index}: ${name} of ${$root.team}", "n": "${$index}"},
              {"type": "TextBlock", "text": "Footer"}
            ]}
            """,
            """{"team": "Blue", "people": [{"name": "Ada"}, {"name": "Bo"}]}""");
        var texts = card["body"]!.AsArray().Select(b => b!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(["Header", "0: Ada of Blue", "1: Bo of Blue", "Footer"], texts);
        Assert.Equal(1, card["body"]![2]!["n"]!.GetValue<int>());
        Assert.False(card["body"]![1]!.AsObject().ContainsKey("$data"));
    }

    [Fact]
    public void EmptyArrayDataEmitsNothing()
    {
        var card = Expand("""{"body": [{"$data": "${items}", "text": "${x}"}, {"text": "kept"}]}""", """{"items": []}""");
        Assert.Single(card["body"]!.AsArray());
    }

    [Fact]
    public void LiteralArrayDataRepeats()
    {
        var card = Expand("""{"body": [{"$data": [{"x": "a"}, {"x": "b"}], "text": "${x}"}]}""");
        Assert.Equal(["a", "b"], card["body"]!.AsArray().Select(b => b!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void NestedDataRescopesAndIndexIsTheInnermost()
    {
        var card = Expand(
            """
            {"body": [{"$data": "${groups}", "type": "Container", "title": "${name}", "items": [
                {"$data": "${members}", "text": "${$index}:${name}@${$root.org}"}
            ]}]}
            """,
            """{"org": "LHL", "groups": [{"name": "G1", "members": [{"name": "m1"}, {"name": "m2"}]}, {"name": "G2", "members": [{"name": "m3"}]}]}""");
        var body = card["body"]!.AsArray();
        Assert.Equal(2, body.Count);
        Assert.Equal("G1", body[0]!["title"]!.GetValue<string>());
        Assert.Equal(["0:m1@LHL", "1:m2@LHL"], body[0]!["items"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()));
        Assert.Equal(["0:m3@LHL"], body[1]!["items"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void ObjectDataRescopesWithoutRepeating()
    {
        var card = Expand("""{"$data": "${inner}", "text": "${name}", "other": "${$root.top}"}""", """{"top": "T", "inner": {"name": "N"}}""");
        Assert.Equal("N", card["text"]!.GetValue<string>());
        Assert.Equal("T", card["other"]!.GetValue<string>());
    }

    [Fact]
    public void RootDataLiteralIsUsedLikeTheDesignerSample()
    {
        var card = Expand("""{"$data": {"name": "Sample"}, "text": "${name}", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json"}""");
        Assert.Equal("Sample", card["text"]!.GetValue<string>());
        Assert.False(card.ContainsKey("$data"));
        Assert.True(card.ContainsKey("$schema"));
    }

    [Fact]
    public void WhenKeepsOnlyBooleanTrue()
    {
        var card = Expand(
            """
            {"body": [
              {"id": "true", "$when": "${show}"},
              {"id": "false", "$when": "${!show}"},
              {"id": "number", "$when": "${count}"},
              {"id": "string", "$when": "${'true'}"},
              {"id": "undefined", "$when": "${missing}"},
              {"id": "compare", "$when": "${count > 2}"},
              {"id": "error", "$when": "${count + true}"},
              {"id": "mixed", "$when": "x ${show}"}
            ]}
            """,
            """{"show": true, "count": 3}""");
        Assert.Equal(["true", "compare"], card["body"]!.AsArray().Select(b => b!["id"]!.GetValue<string>()));
        Assert.False(card["body"]![0]!.AsObject().ContainsKey("$when"));
    }

    [Fact]
    public void WhenIsEvaluatedPerRepeatedItem()
    {
        var card = Expand(
            """{"body": [{"$data": "${items}", "$when": "${done == false}", "text": "${$index} ${title}"}]}""",
            """{"items": [{"title": "a", "done": true}, {"title": "b", "done": false}, {"title": "c", "done": false}]}""");
        Assert.Equal(["1 b", "2 c"], card["body"]!.AsArray().Select(b => b!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void WhenSeesUndefinedAsUndefinedNotAsLiteralText()
    {
        var card = Expand("""{"body": [{"id": "a", "$when": "${exists(note)}"}, {"id": "b", "$when": "${!exists(note)}"}]}""", "{}");
        Assert.Equal(["b"], card["body"]!.AsArray().Select(b => b!["id"]!.GetValue<string>()));
    }

    [Fact]
    public void LiteralWhenIsIgnoredAsInTheReference()
    {
        // adaptivecards-templating only evaluates expression strings; the designer shows this element.
        var card = Expand("""{"body": [{"id": "a", "$when": false}]}""");
        Assert.Single(card["body"]!.AsArray());
    }

    [Fact]
    public void DroppedObjectPropertyBecomesNull()
    {
        var card = Expand("""{"selectAction": {"$when": "${false}", "type": "Action.Submit"}, "x": 1}""");
        Assert.True(card.ContainsKey("selectAction"));
        Assert.Null(card["selectAction"]);
    }

    [Fact]
    public void RootDroppedThrows()
    {
        var ex = Assert.Throws<CardTemplateException>(() => Expand("""{"$when": "${false}", "type": "AdaptiveCard"}"""));
        Assert.Contains("'test'", ex.Message);
    }

    [Fact]
    public void ExpandDoesNotMutateTheTemplateAndIsRepeatable()
    {
        var template = CardTemplate.Parse("t", """{"body": [{"$data": "${items}", "text": "${x}"}]}""");
        var first = template.Expand(JsonNode.Parse("""{"items": [{"x": "1"}, {"x": "2"}]}"""));
        var second = template.Expand(JsonNode.Parse("""{"items": [{"x": "3"}]}"""));
        Assert.Equal(2, first["body"]!.AsArray().Count);
        Assert.Single(second["body"]!.AsArray());
        Assert.Equal("3", second["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void ConcurrentExpansionsAreIndependent()
    {
        var template = CardTemplate.Parse("t", """{"body": [{"$data": "${items}", "text": "${$index}-${v}"}]}""");
        Parallel.For(0, 200, i =>
        {
            var card = template.Expand(new { Items = Enumerable.Range(0, i % 7).Select(j => new { V = i }).ToArray() });
            var body = card["body"]!.AsArray();
            Assert.Equal(i % 7, body.Count);
            for (var j = 0; j < body.Count; j++)
            {
                Assert.Equal($"{j}-{i}", body[j]!["text"]!.GetValue<string>());
            }
        });
    }

    [Fact]
    public void PlainObjectsAreSerialisedCamelCaseWithoutNulls()
    {
        var card = CardTemplate.Parse("t", """{"a": "${firstName}", "b": "${nickName}"}""")
            .Expand(new { FirstName = "Per", NickName = (string?)null });
        Assert.Equal("Per", card["a"]!.GetValue<string>());
        Assert.Equal("${nickName}", card["b"]!.GetValue<string>());
    }

    [Fact]
    public void OperatorsFollowAdaptiveExpressions()
    {
        var data = """{"a": 2, "b": 3, "s": "x", "t": true, "f": false}""";
        Assert.True(Value("${a == 2 && b != 2}", data)!.GetValue<bool>());
        Assert.True(Value("${a < b && a <= 2 && b > a && b >= 3}", data)!.GetValue<bool>());
        Assert.True(Value("${f || t}", data)!.GetValue<bool>());
        Assert.True(Value("${!f}", data)!.GetValue<bool>());
        Assert.Equal(5, Value("${a + b}", data)!.GetValue<int>());
        Assert.Equal("x2", Text("${s + a}", data));
        Assert.Equal("2x", Text("${a + s}", data));
        Assert.Equal(8, Value("${(a + 2) * 2}", data)!.GetValue<int>());
        Assert.Equal(6, Value("${a + 2 * 2}", data)!.GetValue<int>());
        Assert.Equal(-1, Value("${-1}", data)!.GetValue<int>());
        Assert.Equal(1, Value("${b - a}", data)!.GetValue<int>());
        Assert.Equal(1, Value("${b % a}", data)!.GetValue<int>());
        Assert.Equal(8, Value("${a ^ b}", data)!.GetValue<int>());
        Assert.Equal(1, Value("${b / a}", data)!.GetValue<int>());
        Assert.Equal("2x", Text("${a & s}", data));
        Assert.True(Value("${a <> b}", data)!.GetValue<bool>());
        // AEL names may contain '-', so "b-a" is a (missing) path, not a subtraction.
        Assert.Equal("${b-a}", Text("${b-a}", data));
        Assert.True(Value("${'abc' < 'abd'}", data)!.GetValue<bool>());
    }

    [Fact]
    public void QuotedStringsAndEscapes()
    {
        Assert.Equal("it's", Text("${'it\\'s'}"));
        Assert.Equal("say \"hi\"", Text("${\"say \\\"hi\\\"\"}"));
        Assert.Equal("a}b", Text("${'a}b'}"));
        Assert.Equal("double \"quotes\" in text: ok", Text("double \"quotes\" in text: ${'ok'}"));
        Assert.Equal("back\\slash ok", Text("back\\slash ${'ok'}"));
        Assert.Equal("line\nbreak", Text("${'line\\nbreak'}"));
    }

    [Fact]
    public void FunctionIf()
    {
        var data = """{"n": 0, "ok": true}""";
        Assert.Equal("yes", Text("${if(ok, 'yes', 'no')}", data));
        Assert.Equal("no", Text("${if(!ok, 'yes', 'no')}", data));
        // AEL truthiness: 0 is true, only false/null/undefined are false.
        Assert.Equal("yes", Text("${if(n, 'yes', 'no')}", data));
        Assert.Equal(2, Value("${if(ok, 2, 'x')}", data)!.GetValue<int>());
    }

    [Fact]
    public void FunctionJsonAndString()
    {
        Assert.Equal(2, Value("${json(s).a[1]}", """{"s": "{\"a\": [1, 2]}"}""")!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":[1,2]}"""), Value("${json(s)}", """{"s": "{\"a\": [1, 2]}"}""")));
        Assert.Equal("42", Text("${string(n)}", """{"n": 42}"""));
        Assert.Equal("true", Text("${string(b)}", """{"b": true}"""));
        Assert.Equal("{\"x\":1}", Text("${string(o)}", """{"o": {"x": 1}}"""));
        Assert.Equal("same", Text("${string('same')}"));
    }

    [Fact]
    public void FunctionJsonOfInvalidTextFailsTheWholeStringExpression()
    {
        var ex = Assert.Throws<CardTemplateException>(() => Value("${json('{nope')}"));
        Assert.Contains("'test'", ex.Message);
        Assert.Contains("json('{nope')", ex.Message);
        // Inside a larger string the failing piece stays literal, as the reference does.
        Assert.Equal("x ${json('[')}", Text("x ${json('[')}"));
    }

    [Fact]
    public void FunctionConcatAndJoin()
    {
        var data = """{"a": ["x", "y"], "b": ["z"], "n": [1, 2, 3]}""";
        Assert.Equal("ab1true", Text("${concat('a', 'b', 1, true)}", data));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["x","y","z"]"""), Value("${concat(a, b)}", data)));
        Assert.Equal("x, y", Text("${join(a, ', ')}", data));
        Assert.Equal("1, 2 and 3", Text("${join(n, ', ', ' and ')}", data));
        Assert.Equal("", Text("${join(json('[]'), ', ')}", data));
    }

    [Fact]
    public void FunctionCountLengthEmptyExists()
    {
        var data = """{"a": [1, 2, 3], "s": "abcd", "e": [], "es": "", "o": {}, "z": 0, "nul": null}""";
        Assert.Equal(3, Value("${count(a)}", data)!.GetValue<int>());
        Assert.Equal(4, Value("${length(s)}", data)!.GetValue<int>());
        Assert.Equal(4, Value("${count(s)}", data)!.GetValue<int>());
        Assert.Equal(3, Value("${length(a)}", data)!.GetValue<int>());
        Assert.True(Value("${empty(e)}", data)!.GetValue<bool>());
        Assert.True(Value("${empty(es)}", data)!.GetValue<bool>());
        Assert.True(Value("${empty(o)}", data)!.GetValue<bool>());
        Assert.True(Value("${empty(nul)}", data)!.GetValue<bool>());
        Assert.False(Value("${empty(a)}", data)!.GetValue<bool>());
        Assert.False(Value("${empty(z)}", data)!.GetValue<bool>());
        Assert.True(Value("${exists(z)}", data)!.GetValue<bool>());
        Assert.False(Value("${exists(nul)}", data)!.GetValue<bool>());
    }

    [Fact]
    public void ExistsOfUndefinedInAValueSeesTheSubstitutedTextAsInTheReference()
    {
        // The reference substitutes "${path}" for undefined paths before exists() runs; use exists in $when.
        Assert.True(Value("${exists(missing)}")!.GetValue<bool>());
    }

    [Fact]
    public void FunctionLogic()
    {
        var data = """{"t": true, "f": false}""";
        Assert.False(Value("${not(t)}", data)!.GetValue<bool>());
        Assert.True(Value("${and(t, not(f))}", data)!.GetValue<bool>());
        Assert.False(Value("${and(t, f)}", data)!.GetValue<bool>());
        Assert.True(Value("${or(f, t)}", data)!.GetValue<bool>());
        Assert.False(Value("${or(f, f)}", data)!.GetValue<bool>());
        Assert.True(Value("${equals(1, 1.0)}", data)!.GetValue<bool>());
        Assert.False(Value("${equals('1', 1)}", data)!.GetValue<bool>());
        Assert.True(Value("${equals(json('[1,2]'), json('[1,2]'))}", data)!.GetValue<bool>());
    }

    [Fact]
    public void FunctionFormatNumber()
    {
        var data = """{"n": 1234.567, "i": 7}""";
        Assert.Equal("1,234.57", Text("${formatNumber(n, 2)}", data));
        Assert.Equal("1,235", Text("${formatNumber(n, 0)}", data));
        Assert.Equal("7.0", Text("${formatNumber(i, 1)}", data));
        Assert.Equal("Total: 1,234.6 kr", Text("Total: ${formatNumber(n, 1)} kr", data));
    }

    [Fact]
    public void FunctionCaseAndContains()
    {
        var data = """{"s": "Hei Verden", "list": ["a", "b"], "o": {"k": 1}}""";
        Assert.Equal("HEI VERDEN", Text("${toUpper(s)}", data));
        Assert.Equal("hei verden", Text("${toLower(s)}", data));
        Assert.True(Value("${contains(s, 'Verden')}", data)!.GetValue<bool>());
        Assert.False(Value("${contains(s, 'verden')}", data)!.GetValue<bool>());
        Assert.True(Value("${contains(list, 'b')}", data)!.GetValue<bool>());
        Assert.False(Value("${contains(list, 'c')}", data)!.GetValue<bool>());
        Assert.True(Value("${contains(o, 'k')}", data)!.GetValue<bool>());
    }

    [Theory]
    [InlineData("${a +}")]
    [InlineData("${(a}")]
    [InlineData("${a ==}")]
    [InlineData("${'unterminated}")]
    [InlineData("text ${a")]
    [InlineData("${}")]
    [InlineData("${a = 1}")]
    [InlineData("${a ? 1 : 2}")]
    public void SyntaxErrorFailsAtParseNamingTemplateAndExpression(string text)
    {
        var json = $$"""{"body": [{"text": {{JsonValue.Create(text)!.ToJsonString()}}}]}""";
        var ex = Assert.Throws<CardTemplateException>(() => CardTemplate.Parse("welcome", json));
        Assert.Contains("'welcome'", ex.Message);
    }

    [Fact]
    public void SyntaxErrorMessageQuotesTheExpression()
    {
        var ex = Assert.Throws<CardTemplateException>(() => CardTemplate.Parse("welcome", """{"text": "Hi ${name +}"}"""));
        Assert.Contains("${name +}", ex.Message);
    }

    [Fact]
    public void UnknownFunctionFailsAtParse()
    {
        var ex = Assert.Throws<CardTemplateException>(() => CardTemplate.Parse("summary", """{"text": "${frobnicate(x)}"}"""));
        Assert.Contains("'summary'", ex.Message);
        Assert.Contains("frobnicate", ex.Message);
    }

    [Fact]
    public void FunctionNamesAreCaseSensitiveAndArityIsChecked()
    {
        Assert.Throws<CardTemplateException>(() => CardTemplate.Parse("t", """{"$when": "${ToUpper(x)}"}"""));
        var ex = Assert.Throws<CardTemplateException>(() => CardTemplate.Parse("t", """{"text": "${if(a, b)}"}"""));
        Assert.Contains("if", ex.Message);
    }

    [Fact]
    public void InvalidJsonTemplateThrows()
    {
        var ex = Assert.Throws<CardTemplateException>(() => CardTemplate.Parse("broken", """{"type": """));
        Assert.Contains("'broken'", ex.Message);
    }

    [Fact]
    public void NonStringValuesAndKeysArePassedThrough()
    {
        var card = Expand("""{"${notAKey}": 1, "n": 2.50, "b": false, "nul": null, "arr": [1, null, "x"]}""", "{}");
        Assert.Equal(1, card["${notAKey}"]!.GetValue<int>());
        Assert.Equal(2.5, card["n"]!.GetValue<double>());
        Assert.False(card["b"]!.GetValue<bool>());
        Assert.True(card.ContainsKey("nul"));
        // Like the reference, nulls are removed from arrays.
        Assert.Equal(2, card["arr"]!.AsArray().Count);
    }
}
