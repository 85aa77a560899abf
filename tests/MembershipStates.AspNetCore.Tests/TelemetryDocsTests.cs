using System.Reflection;
using System.Text.RegularExpressions;
using FluentAssertions;
using MembershipStates.Tests.Shared;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>docs/observability.md lists every instrument, span, attribute and operation, and quotes the sample host verbatim.</summary>
public sealed partial class TelemetryDocsTests
{
    private static readonly string Root = VerbatimQuotes.RepositoryRoot();
    private static readonly string Doc = File.ReadAllText(Path.Combine(Root, "docs", "observability.md")).ReplaceLineEndings("\n");

    [Fact]
    public void EveryNameTheAdapterRecords_IsDocumented()
    {
        var names = typeof(ScimTelemetry)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Append(MembershipStatesTelemetry.MeterName)
            .Append(MembershipStatesTelemetry.ActivitySourceName)
            .ToList();

        names.Should().Contain(["membership_states.decisions", "membership_states.scim.request.duration", "SCIM commit"]);
        names.Should().OnlyContain(name => Doc.Contains($"`{name}`", StringComparison.Ordinal), "docs/observability.md lists every instrument, span and attribute");
    }

    [Fact]
    public void EveryOperation_IsDocumentedWithItsSpanName()
    {
        var source = File.ReadAllText(Path.Combine(Root, "src", "MembershipStates.AspNetCore", "MembershipStatesEndpointRouteBuilderExtensions.cs"));
        // Groups.List, Groups.Search and Groups.Read are mapped twice: over a group store, or as the empty answers without one.
        var operations = Operation().Matches(source).Select(m => m.Groups["name"].Value).Distinct().ToList();

        operations.Should().HaveCount(20);
        operations.Should().OnlyContain(operation => Doc.Contains($"| `{operation}` |", StringComparison.Ordinal), "the operations table lists every endpoint");
        Doc.Should().Contain("`SCIM {operation}`");
    }

    [Fact]
    public void EveryCodeBlock_IsTheSampleHostsCode()
    {
        var sources = VerbatimQuotes.SourcesIn("src/MembershipStates.SampleHost");
        var blocks = VerbatimQuotes.CSharpBlocksOf("docs/observability.md");

        blocks.Should().NotBeEmpty();
        foreach (var block in blocks)
        {
            sources.Any(source => VerbatimQuotes.Quotes(source, block)).Should().BeTrue("the page quotes the sample verbatim, but no file of the sample host has:\n{0}", string.Join('\n', block));
        }
    }

    [GeneratedRegex("pipeline\\.Build\\(\"(?<name>[^\"]+)\"")]
    private static partial Regex Operation();

}
