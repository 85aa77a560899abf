using FluentAssertions;
using static MembershipStates.Tests.Shared.VerbatimQuotes;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>docs/integration-guide.md quotes the sample host: every C# block must still be the sample's code, verbatim.</summary>
public sealed class IntegrationGuideTests
{
    [Fact]
    public void EveryCodeBlock_IsTheSampleHostsCode()
    {
        var sources = SourcesIn("src/MembershipStates.SampleHost");
        var blocks = CSharpBlocksOf("docs/integration-guide.md");

        blocks.Should().HaveCountGreaterThanOrEqualTo(8);
        foreach (var block in blocks)
        {
            sources.Any(source => Quotes(source, block)).Should().BeTrue("the guide quotes the sample verbatim, but no file of the sample host has:\n{0}", string.Join('\n', block));
        }
    }

    [Fact]
    public void Quotes_FindsARunOfLinesShiftedByOneIndentation_AndNothingElse()
    {
        string[] source = ["class C", "{", "    void M()", "    {", "    }", "}"];

        Quotes(source, ["void M()", "{", "}"]).Should().BeTrue();
        Quotes(source, ["void M()", "{", "    }"]).Should().BeFalse("every line must be shifted by the same indentation");
        Quotes(source, ["void N()"]).Should().BeFalse();
        Quotes(source, ["oid M()"]).Should().BeFalse("a block starts at the start of a line");
    }
}
