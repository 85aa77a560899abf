using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MembershipStates.Scim;

namespace MembershipStates.Tests.Scim.Model;

/// <summary>
/// Render → parse → render over generated users: mixed-case and non-ASCII text, optional attributes, several
/// e-mails, unknown top-level attributes and unknown extension schemas.
/// </summary>
public sealed class ScimUserPropertyTests
{
    public sealed record EmailSpec(string Value, string? Type, bool? Primary);

    public sealed record UserSpec(
        string UserName,
        bool? Active,
        string? ExternalId,
        string? GivenName,
        string? FamilyName,
        string? DisplayName,
        string? Locale,
        IReadOnlyList<EmailSpec> Emails,
        string? Department,
        string? ManagerId,
        IReadOnlyList<(string Key, string Json)> Unknown)
    {
        public override string ToString() => ToJsonNode(this).ToJsonString();

        private static JsonObject ToJsonNode(UserSpec spec) => new JsonObject
        {
            ["userName"] = spec.UserName,
            ["active"] = spec.Active,
            ["emails"] = new JsonArray([.. spec.Emails.Select(e => (JsonNode)new JsonObject { ["value"] = e.Value, ["type"] = e.Type, ["primary"] = e.Primary })]),
            ["unknown"] = new JsonArray([.. spec.Unknown.Select(u => (JsonNode)(u.Key + "=" + u.Json))]),
            ["rest"] = $"{spec.ExternalId}|{spec.GivenName}|{spec.FamilyName}|{spec.DisplayName}|{spec.Locale}|{spec.Department}|{spec.ManagerId}",
        };
    }

    public static class Users
    {
        // Fragments that exercise case, escaping and UTF-16 surrogate pairs.
        private static readonly Gen<string> Fragment = Gen.Elements(
            "a", "Z", "ann", "ANN", "Ann", "runscope300", "Hfluaklab151", "@", ".", "-", "_", "+", " ",
            "Å", "ö", "ß", "Ç", "İ", "山田", "😀", "\"", "\\", "/", "<", "&", "'", "\n", "\t", "\u0001", "é");

        private static readonly Gen<string> Text =
            from count in Gen.Choose(1, 6)
            from parts in Gen.ArrayOf(Fragment, count)
            select string.Concat(parts);

        private static readonly Gen<string?> OptionalText = Gen.Frequency(
            (1, Gen.Constant<string?>(null)),
            (3, Text.Select(text => (string?)text)));

        private static readonly Gen<EmailSpec> Email =
            from local in Text
            from type in Gen.Elements<string?>(null, "work", "home", "other", "Work")
            from primary in Gen.Elements<bool?>(null, true, false)
            select new EmailSpec(local + "@Example.com", type, primary);

        private static readonly Gen<string> JsonScalar = Gen.OneOf(
            Text.Select(text => JsonSerializer.Serialize(text)),
            Gen.Choose(-1000, 1000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Elements("2.50", "1e3", "-0.0", "true", "false", "null"));

        private static readonly Gen<string> JsonValue = Gen.OneOf(
            JsonScalar,
            Gen.ListOf(JsonScalar).Select(items => "[" + string.Join(",", items) + "]"),
            from inner in Gen.ListOf(JsonScalar)
            select "{" + string.Join(",", inner.Select((item, i) => $"\"k{i}\":{item}")) + "}");

        // Unknown attribute names never collide, in any case, with a name the model knows or with each other.
        private static readonly Gen<(string Key, string Json)> Unknown = Gen.OneOf(
            from name in Gen.Elements("favouriteColour", "BadgeNumber", "x-tenant", "shoeSize", "Ünicode")
            from value in JsonValue
            select (name, value),
            from n in Gen.Choose(1, 3)
            from value in Gen.ListOf(JsonScalar)
            select (n == 3 ? "urn:example:ext:1.0:Custom" : $"urn:example:params:scim:schemas:extension:ext{n}:2.0:User",
                "{" + string.Join(",", value.Select((item, i) => $"\"attr{i}\":{item}")) + "}"));

        public static Arbitrary<UserSpec> Arbitrary()
        {
            var gen =
                from userName in Text
                from active in Gen.Elements<bool?>(null, true, false)
                from externalId in OptionalText
                from given in OptionalText
                from family in OptionalText
                from display in OptionalText
                from locale in Gen.Elements<string?>(null, "en-US", "sv-SE", "ja-JP")
                from emails in Gen.ListOf(Email)
                from department in OptionalText
                from manager in OptionalText
                from unknown in Gen.ListOf(Unknown)
                select new UserSpec(
                    userName, active, externalId, given, family, display, locale, [.. emails], department, manager,
                    [.. unknown.DistinctBy(u => u.Key, StringComparer.OrdinalIgnoreCase)]);
            return Arb.From(gen, Shrink);
        }

        // Shrinks by dropping one optional attribute, e-mail or unknown attribute at a time.
        private static IEnumerable<UserSpec> Shrink(UserSpec spec)
        {
            if (spec.UserName.Length > 1)
            {
                yield return spec with { UserName = spec.UserName[..1] };
            }

            if (spec.Active is not null) { yield return spec with { Active = null }; }
            if (spec.ExternalId is not null) { yield return spec with { ExternalId = null }; }
            if (spec.GivenName is not null) { yield return spec with { GivenName = null }; }
            if (spec.FamilyName is not null) { yield return spec with { FamilyName = null }; }
            if (spec.DisplayName is not null) { yield return spec with { DisplayName = null }; }
            if (spec.Locale is not null) { yield return spec with { Locale = null }; }
            if (spec.Department is not null) { yield return spec with { Department = null }; }
            if (spec.ManagerId is not null) { yield return spec with { ManagerId = null }; }
            for (var i = 0; i < spec.Emails.Count; i++)
            {
                yield return spec with { Emails = [.. spec.Emails.Where((_, j) => j != i)] };
            }

            for (var i = 0; i < spec.Unknown.Count; i++)
            {
                yield return spec with { Unknown = [.. spec.Unknown.Where((_, j) => j != i)] };
            }
        }
    }

    internal static ScimUser Build(UserSpec spec)
    {
        var hasName = spec.GivenName is not null || spec.FamilyName is not null;
        var hasEnterprise = spec.Department is not null || spec.ManagerId is not null;
        var user = new ScimUser
        {
            UserName = spec.UserName,
            ExternalId = spec.ExternalId,
            Name = hasName ? new ScimName { GivenName = spec.GivenName, FamilyName = spec.FamilyName } : null,
            DisplayName = spec.DisplayName,
            Locale = spec.Locale,
            Emails = spec.Emails.Count == 0 ? null : [.. spec.Emails.Select(e => new ScimMultiValue { Value = e.Value, Type = e.Type, Primary = e.Primary })],
            EnterpriseUser = hasEnterprise
                ? new ScimEnterpriseUser { Department = spec.Department, Manager = spec.ManagerId is null ? null : new ScimManager { Value = spec.ManagerId } }
                : null,
            AdditionalAttributes = spec.Unknown.Count == 0
                ? null
                : spec.Unknown.ToDictionary(u => u.Key, u => JsonDocument.Parse(u.Json).RootElement.Clone()),
        };
        return spec.Active is { } active ? WithActive(user, active) : user;
    }

    private static ScimUser WithActive(ScimUser user, bool active) =>
        ScimJson.FromJsonObject(SetActive(ScimJson.ToJsonObject(user), active)).Value;

    private static JsonObject SetActive(JsonObject json, bool active)
    {
        json["active"] = active;
        return json;
    }

    [Property(Arbitrary = [typeof(Users)], MaxTest = 300)]
    public void ParseUser_RenderedUser_RoundTripsExactly(UserSpec spec)
    {
        var user = Build(spec);

        var rendered = ScimJson.ToUtf8Bytes(user);
        var parsed = ScimJson.ParseUser(rendered);

        parsed.IsSuccess.Should().BeTrue(parsed.Error?.Detail);
        var back = parsed.Value;
        back.UserName.Should().Be(spec.UserName, "userName keeps its case and characters");
        back.Active.Should().Be(spec.Active ?? true);
        back.ExternalId.Should().Be(spec.ExternalId);
        back.Name?.GivenName.Should().Be(spec.GivenName);
        back.Name?.FamilyName.Should().Be(spec.FamilyName);
        back.DisplayName.Should().Be(spec.DisplayName);
        back.Locale.Should().Be(spec.Locale);
        (back.Emails ?? []).Select(e => new EmailSpec(e.Value!, e.Type, e.Primary)).Should().Equal(spec.Emails);
        back.EnterpriseUser?.Department.Should().Be(spec.Department);
        back.EnterpriseUser?.Manager?.Value.Should().Be(spec.ManagerId);
        (back.AdditionalAttributes?.Keys ?? []).Should().BeEquivalentTo(spec.Unknown.Select(u => u.Key));
        foreach (var (key, json) in spec.Unknown)
        {
            JsonNode.DeepEquals(JsonNode.Parse(back.AdditionalAttributes![key].GetRawText()), JsonNode.Parse(json))
                .Should().BeTrue("unknown attribute {0} is written back as sent", key);
        }

        ScimJson.ToUtf8Bytes(back).Should().Equal(rendered, "rendering the parsed user gives the same bytes");
        ScimJsonComparison.Parse(rendered)["active"]!.GetValue<bool>().Should().Be(spec.Active ?? true, "active is always written");
    }

    [Property(Arbitrary = [typeof(Users)], MaxTest = 100)]
    public void WithMembership_GeneratedUser_ActiveAndVersionComeFromTheSnapshot(UserSpec spec, bool inactive, PositiveInt version)
    {
        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var snapshot = inactive
            ? MembershipSnapshot.Inactive("id-1", version.Get, created, created, created)
            : MembershipSnapshot.Active("id-1", version.Get, created, created);

        var resource = ScimJson.ParseUser(ScimJson.ToUtf8Bytes(Build(spec).WithMembership(snapshot, new Uri("https://x.example/Users/id-1")))).Value;

        resource.Active.Should().Be(!inactive);
        resource.Id.Should().Be("id-1");
        resource.Meta!.Version.Should().Be($"W/\"{version.Get}\"");
        resource.UserName.Should().Be(spec.UserName);
    }
}
