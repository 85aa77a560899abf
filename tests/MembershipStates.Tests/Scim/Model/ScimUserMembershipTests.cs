using System.Text.Json;
using FluentAssertions;
using MembershipStates.Scim;
using Xunit;

namespace MembershipStates.Tests.Scim.Model;

public sealed class ScimUserMembershipTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Modified = new(2026, 3, 2, 10, 30, 0, TimeSpan.FromHours(1));
    private static readonly Uri Location = new("https://app.example.com/scim/v2/Users/2819c223");

    private static ScimUser Sent() => ScimJson.ParseUser(ScimJsonComparison.ReadPayload("okta-replace-user.json")).Value;

    [Theory]
    [InlineData(MembershipState.Active, true)]
    [InlineData(MembershipState.Inactive, false)]
    public void WithMembership_State_SetsActive(MembershipState state, bool active)
    {
        var snapshot = MembershipSnapshot.Existing(state, "2819c223", 4, Created, Modified, Modified);

        var resource = new ScimUser { UserName = "u", Active = !active }.WithMembership(snapshot, Location);

        resource.Active.Should().Be(active);
        ScimJsonComparison.Parse(ScimJson.ToUtf8Bytes(resource))["active"]!.GetValue<bool>().Should().Be(active);
    }

    [Fact]
    public void WithGroups_TheMembersGroups_AreTheReadOnlyGroupsWithRefAndDirectType()
    {
        var resource = Sent().WithMembership(MembershipSnapshot.Inactive("2819c223", 3, Created, Modified, Modified), Location);

        var withGroups = resource.WithGroups([new ScimGroupReference { Value = "g 1", Display = "Ünïcode Team" }], new Uri("https://app.example.com/scim/v2/Groups"));

        var group = withGroups.Groups.Should().ContainSingle().Subject;
        group.Value.Should().Be("g 1");
        group.Display.Should().Be("Ünïcode Team");
        group.Ref.Should().Be("https://app.example.com/scim/v2/Groups/g%201");
        group.Type.Should().Be("direct");
        withGroups.Active.Should().BeFalse("an Inactive member keeps its groups, listed");
        resource.Groups.Should().NotBeSameAs(withGroups.Groups, "the resource it was called on is left as it is");
        withGroups.ToHostAttributes().Groups.Should().BeNull("groups are never stored with the user's attributes");
    }

    [Fact]
    public void WithMembership_Snapshot_OwnsIdAndMeta()
    {
        var snapshot = MembershipSnapshot.Active("2819c223", 7, Created, Modified);

        var resource = Sent().WithMembership(snapshot, Location);

        resource.Id.Should().Be("2819c223", "the id the request sent decides nothing");
        resource.Meta.Should().BeEquivalentTo(new ScimMeta
        {
            ResourceType = "User",
            Created = Created,
            LastModified = Modified,
            Version = "W/\"7\"",
            Location = "https://app.example.com/scim/v2/Users/2819c223",
        });
        resource.Meta!.Version.Should().Be(ScimETag.FromVersion(snapshot.Version));
    }

    [Fact]
    public void WithMembership_Attributes_AreKeptAndTheSourceIsUntouched()
    {
        var sent = Sent();
        var snapshot = MembershipSnapshot.Active("2819c223", 2, Created, Modified);

        var resource = sent.WithMembership(snapshot, Location);

        resource.UserName.Should().Be(sent.UserName);
        resource.ExternalId.Should().Be(sent.ExternalId);
        resource.Name.Should().BeSameAs(sent.Name);
        resource.Emails.Should().BeSameAs(sent.Emails);
        resource.Groups.Should().BeSameAs(sent.Groups);
        sent.Id.Should().Be("23a35c27-23d3-4c03-b4c5-6443c09e7173");
        sent.Meta!.Version.Should().BeNull();
    }

    [Fact]
    public void WithMembership_Schemas_ListCoreEnterpriseAndUnknownExtensionsOnly()
    {
        var user = ScimJson.ParseUser(ScimJsonComparison.ReadPayload("unknown-attributes.json")).Value;

        var resource = user.WithMembership(MembershipSnapshot.Active("1", 1, Created, Modified), Location);

        resource.Schemas.Should().Equal(
            ScimSchemaUris.User,
            ScimSchemaUris.EnterpriseUser,
            "urn:example:params:scim:schemas:extension:acme:2.0:User");
    }

    [Fact]
    public void WithMembership_NoExtension_ListsTheCoreSchemaOnly()
    {
        var user = new ScimUser { Schemas = [ScimSchemaUris.User, ScimSchemaUris.EnterpriseUser], UserName = "u" };

        var resource = user.WithMembership(MembershipSnapshot.Active("1", 1, Created, Modified), Location);

        resource.Schemas.Should().Equal(ScimSchemaUris.User);
    }

    [Fact]
    public void WithMembership_ExtensionData_IsCopiedNotShared()
    {
        var user = new ScimUser { UserName = "u", AdditionalAttributes = new Dictionary<string, JsonElement> { ["x"] = JsonDocument.Parse("1").RootElement } };

        var resource = user.WithMembership(MembershipSnapshot.Active("1", 1, Created, Modified), Location);
        resource.AdditionalAttributes!.Remove("x");

        user.AdditionalAttributes.Should().ContainKey("x");
    }

    [Fact]
    public void WithMembership_NotMember_Throws()
    {
        var act = () => new ScimUser().WithMembership(MembershipSnapshot.NotMember, Location);

        act.Should().Throw<ArgumentException>().WithParameterName("snapshot");
    }

    [Fact]
    public void WithMembership_NullLocation_Throws()
    {
        var act = () => new ScimUser().WithMembership(MembershipSnapshot.Active("1", 1, Created, Modified), null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("location");
    }

    [Fact]
    public void WithMembership_RelativeLocation_IsWrittenAsGiven()
    {
        var resource = new ScimUser().WithMembership(MembershipSnapshot.Active("1", 1, Created, Modified), new Uri("/scim/v2/Users/1", UriKind.Relative));

        resource.Meta!.Location.Should().Be("/scim/v2/Users/1");
    }

    [Fact]
    public void WithMembership_Timestamps_AreWrittenInUtc()
    {
        var resource = new ScimUser().WithMembership(MembershipSnapshot.Active("1", 1, Created, Modified), Location);

        var meta = ScimJsonComparison.Parse(ScimJson.ToUtf8Bytes(resource))["meta"]!;

        meta["created"]!.GetValue<string>().Should().Be("2026-03-01T09:00:00Z");
        meta["lastModified"]!.GetValue<string>().Should().Be("2026-03-02T09:30:00Z");
    }
}
