using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// A SCIM list or query response (RFC 7644 §3.4.2): one page of resources and the paging numbers, for hosts that
/// answer lists without the adapter.
/// </summary>
/// <typeparam name="TResource">The type of the resources: <see cref="ScimUser"/>, or
/// <see cref="System.Text.Json.Nodes.JsonObject"/> for projected resources and discovery documents;
/// <see cref="ScimJson"/> writes those two.</typeparam>
/// <remarks>
/// <para>Written as <c>{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,
/// "startIndex":1,"itemsPerPage":0,"Resources":[]}</c>: the numbers are JSON numbers and <c>Resources</c> is
/// always present, <c>[]</c> when nothing matched. A filter that matches nothing is this, with 200, never a
/// 404.</para>
/// <para><see cref="ItemsPerPage"/> is the number of resources in this page, which may be fewer than the
/// <c>count</c> asked for.</para>
/// <para>Immutable and thread-safe, provided the caller does not change the list it passed.</para>
/// </remarks>
public sealed class ScimListResponse<TResource>
{
    private static readonly string[] ListSchemas = [ScimSchemaUris.ListResponse];

    /// <summary>Initializes a new instance of the <see cref="ScimListResponse{TResource}"/> class.</summary>
    /// <param name="resources">The resources of this page, in order.</param>
    /// <param name="totalResults">How many resources match the query in all pages.</param>
    /// <param name="page">The page that was asked for; its <see cref="ScimPage.StartIndex"/> is echoed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resources"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalResults"/> is negative, or there are more
    /// resources than <paramref name="page"/> asked for.</exception>
    public ScimListResponse(IReadOnlyList<TResource> resources, int totalResults, ScimPage page)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentOutOfRangeException.ThrowIfNegative(totalResults);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(resources.Count, page.Count, nameof(resources));
        Resources = resources;
        TotalResults = totalResults;
        StartIndex = page.StartIndex;
    }

    /// <summary>Gets the schema URIs of the message: only <see cref="ScimSchemaUris.ListResponse"/>.</summary>
    [JsonPropertyName("schemas")]
    [JsonPropertyOrder(0)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A wire member: the serializer writes instance properties only.")]
    public IReadOnlyList<string> Schemas => ListSchemas;

    /// <summary>Gets how many resources match the query in all pages (<c>totalResults</c>).</summary>
    [JsonPropertyName("totalResults")]
    [JsonPropertyOrder(1)]
    public int TotalResults { get; }

    /// <summary>Gets the 1-based index of the first resource of this page (<c>startIndex</c>).</summary>
    [JsonPropertyName("startIndex")]
    [JsonPropertyOrder(2)]
    public int StartIndex { get; }

    /// <summary>Gets how many resources this page holds (<c>itemsPerPage</c>).</summary>
    [JsonPropertyName("itemsPerPage")]
    [JsonPropertyOrder(3)]
    public int ItemsPerPage => Resources.Count;

    /// <summary>Gets the resources of this page (<c>Resources</c>, capitalized as RFC 7644 spells it).</summary>
    [JsonPropertyName("Resources")]
    [JsonPropertyOrder(4)]
    public IReadOnlyList<TResource> Resources { get; }
}
