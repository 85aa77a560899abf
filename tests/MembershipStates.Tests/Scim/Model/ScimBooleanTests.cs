using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MembershipStates.Scim;

namespace MembershipStates.Tests.Scim.Model;

/// <summary>
/// The one reader of SCIM booleans: JSON booleans and Entra's strings "True"/"False" in any case. The typed model and
/// the PATCH engine both read through it, so they must agree on every text.
/// </summary>
public sealed class ScimBooleanTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData(" true ", true)]
    [InlineData("False", false)]
    [InlineData("fAlSe", false)]
    public void TryRead_BooleanString_ReadsIt(string text, bool expected)
    {
        ScimBoolean.TryRead(JsonValue.Create(text), out var value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("\"1\"")]
    [InlineData("\"\"")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("null")]
    [InlineData("[true]")]
    [InlineData("{\"value\":true}")]
    public void TryRead_NotABoolean_Refuses(string json)
    {
        ScimBoolean.TryRead(JsonNode.Parse(json), out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void TryRead_JsonBoolean_ReadsIt(string json, bool expected)
    {
        ScimBoolean.TryRead(JsonNode.Parse(json), out var value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [Property(Arbitrary = [typeof(BooleanTexts)], MaxTest = 300)]
    public void TypedModelAndPatchReader_AnyText_AgreeOnWhetherAndWhatItReads(string text)
    {
        var patchReads = ScimBoolean.TryRead(JsonValue.Create(text), out var patchValue);

        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = "ryan@contoso.com",
            ["active"] = text,
        }.ToJsonString());
        var typed = ScimJson.ParseUser(body);

        typed.IsSuccess.Should().Be(patchReads, "both readers accept the same texts ({0})", text);
        if (patchReads)
        {
            typed.Value.Active.Should().Be(patchValue);
        }
    }

    public static class BooleanTexts
    {
        // Toward the plain lower-case word: without padding, then without capitals.
        private static IEnumerable<string> Shrink(string text)
        {
            var trimmed = text.Trim();
            if (trimmed != text)
            {
                yield return trimmed;
            }

            var lower = trimmed.ToLowerInvariant();
            if (lower != trimmed)
            {
                yield return lower;
            }
        }

        public static Arbitrary<string> Arbitrary()
        {
            var word = Gen.Elements("true", "false", "yes", "no", "1", "0", "tru", "falsey", string.Empty);
            var cased =
                from w in word
                from upper in Gen.ArrayOf(Gen.Elements(false, true), w.Length)
                select new string([.. w.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : c)]);
            var padded =
                from w in cased
                from before in Gen.Elements(string.Empty, " ", "\t", "\u00A0")
                from after in Gen.Elements(string.Empty, " ", "\n")
                select before + w + after;
            return Arb.From(padded, Shrink);
        }
    }
}
