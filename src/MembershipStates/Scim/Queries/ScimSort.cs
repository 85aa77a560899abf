using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Schema;
using MembershipStates.Scim.Sorting;

namespace MembershipStates.Scim;

/// <summary>
/// The order a list or query asks for: the <c>sortBy</c> and <c>sortOrder</c> parameters (RFC 7644 §3.4.2.3), such
/// as <c>sortBy=name.familyName&amp;sortOrder=descending</c>.
/// </summary>
/// <remarks>
/// <para>The order is total, so that paging through a sorted list meets every resource once: by the value of
/// <see cref="SortBy"/>, resources without a value (absent, <c>null</c> or an empty string) after all others, then
/// by <c>id</c>. <see cref="ScimSortOrder.Descending"/> is the exact reverse: resources without a value first, ties
/// by <c>id</c> descending.</para>
/// <para>Values compare as the filter operators <c>gt</c> and <c>lt</c> do: strings of attributes that are not
/// <c>caseExact</c> case-folded with <see cref="string.ToLowerInvariant()"/> and then ordinally (by UTF-16 code
/// unit, no locale), other strings ordinally, numbers by value, dateTimes chronologically, <c>false</c> before
/// <c>true</c>. <see cref="Compare"/> applies this to resources in their wire form; a host's database applies it
/// through <see cref="ScimFilterMap{T}.Order"/>.</para>
/// <para>Sorting by a complex attribute needs a sub-attribute (<c>name.givenName</c>, not <c>name</c>). Sorting by a
/// multi-valued attribute (RFC 7644 sorts those by the primary value, else the first) is not supported: it is a 400
/// <c>invalidValue</c>, as is a <c>sortBy</c> that is not an attribute path or that the host cannot sort by, and a
/// <c>sortOrder</c> other than <c>ascending</c> or <c>descending</c>. RFC 7644 §3.12 defines no <c>scimType</c> for
/// sorting; <c>invalidValue</c> is the one it gives for a value a query cannot use.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ScimSort
{
    private ScimSort(AttributePath sortBy, ScimSortOrder order, ScimAttributeDefinition? attribute)
    {
        SortBy = sortBy;
        Order = order;
        Attribute = attribute;
    }

    /// <summary>Gets the attribute to sort by, such as <c>userName</c> or <c>name.familyName</c>.</summary>
    public AttributePath SortBy { get; }

    /// <summary>Gets the order.</summary>
    public ScimSortOrder Order { get; }

    /// <summary>
    /// Gets the definition of the attribute whose values are compared: <see cref="SortBy"/>'s, or its <c>value</c>
    /// sub-attribute's for a multi-valued attribute named alone; <see langword="null"/> when the catalog does not know it.
    /// </summary>
    internal ScimAttributeDefinition? Attribute { get; }

    /// <summary>Gets a value indicating whether strings compare ignoring case: the attribute is not <c>caseExact</c>.</summary>
    internal bool IgnoresCase => !(Attribute?.CaseExact ?? false);

    /// <summary>Reads the <c>sortBy</c> and <c>sortOrder</c> query values.</summary>
    /// <param name="sortBy">The <c>sortBy</c> value, or <see langword="null"/> when absent.</param>
    /// <param name="sortOrder">The <c>sortOrder</c> value (<c>ascending</c> or <c>descending</c>, in any case), or <see langword="null"/> when absent.</param>
    /// <returns>
    /// The sort; <see langword="null"/> as the value when there is no <c>sortBy</c> (the store's own stable order;
    /// a valid <c>sortOrder</c> alone changes nothing); or a 400 <c>invalidValue</c> error.
    /// </returns>
    /// <remarks>Never throws. An empty or blank value counts as absent.</remarks>
    public static ScimResult<ScimSort?> Parse(string? sortBy, string? sortOrder) =>
        Parse(sortBy, sortOrder, ScimAttributeCatalog.Default, declaredOnly: false);

    /// <summary>Reads the <c>sortBy</c> and <c>sortOrder</c> query values of a list of Users, against the schemas the server serves.</summary>
    /// <param name="sortBy">The <c>sortBy</c> value, such as <c>urn:example:params:scim:schemas:extension:acme:2.0:User:costCenter</c>, or <see langword="null"/> when absent.</param>
    /// <param name="sortOrder">The <c>sortOrder</c> value, or <see langword="null"/> when absent.</param>
    /// <param name="userSchema">The User schemas, from <see cref="ScimUserSchema.WithExtensions"/>; a declared extension attribute sorts as its declaration says (<c>caseExact</c>, type).</param>
    /// <returns>
    /// The sort, <see langword="null"/> as the value when there is no <c>sortBy</c>, or a 400 <c>invalidValue</c>
    /// error, also when <c>sortBy</c> names an attribute the schemas do not declare or a <c>writeOnly</c> one.
    /// </returns>
    /// <remarks>Never throws for any text. An empty or blank value counts as absent.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="userSchema"/> is <see langword="null"/>.</exception>
    public static ScimResult<ScimSort?> Parse(string? sortBy, string? sortOrder, ScimUserSchema userSchema)
    {
        ArgumentNullException.ThrowIfNull(userSchema);
        return Parse(sortBy, sortOrder, userSchema.Catalog, declaredOnly: true);
    }

    private static ScimResult<ScimSort?> Parse(string? sortBy, string? sortOrder, ScimAttributeCatalog catalog, bool declaredOnly)
    {
        if (!TryReadOrder(sortOrder, out var order))
        {
            return Fail($"sortOrder must be \"ascending\" or \"descending\" (RFC 7644 §3.4.2.3); it is \"{sortOrder}\".");
        }

        if (string.IsNullOrWhiteSpace(sortBy))
        {
            return ScimResult<ScimSort?>.Success(null);
        }

        if (!FilterParser.TryParsePath(sortBy.Trim(), out var path, out var invalid))
        {
            return Fail($"sortBy must be an attribute path such as userName or name.familyName: {invalid.Message}");
        }

        if (path.ValueFilter is not null)
        {
            return Fail($"sortBy names an attribute, without a value filter: '{path}' cannot be a sort key.");
        }

        var resolution = catalog.Resolve(path);
        if (declaredOnly && FilterSemantics.CheckDeclared(path, resolution, parent: null, catalog) is { } undeclared)
        {
            return Fail($"sortBy names an attribute this server cannot sort by: {undeclared}");
        }

        if (SortKeys.Refusal(path, resolution) is { } refusal)
        {
            return Fail(refusal);
        }

        return ScimResult<ScimSort?>.Success(new ScimSort(path, order, SortKeys.Compared(resolution)));
    }

    /// <summary>Returns the opposite order: the same key, <see cref="ScimSortOrder.Ascending"/> and <see cref="ScimSortOrder.Descending"/> swapped.</summary>
    /// <returns>The reversed sort, which lists the same resources exactly backwards.</returns>
    /// <remarks>A store can read a page past the middle of a long list from its end, so that it never steps over more than half the list.</remarks>
    public ScimSort Reverse() => new(SortBy, Order == ScimSortOrder.Ascending ? ScimSortOrder.Descending : ScimSortOrder.Ascending, Attribute);

    /// <summary>Compares two resources in their wire form in this order, ties broken by <c>id</c>.</summary>
    /// <param name="left">A resource, such as a User.</param>
    /// <param name="right">Another resource.</param>
    /// <returns>Less than zero when <paramref name="left"/> comes first, greater than zero when it comes after, zero when both have the same value and <c>id</c>.</returns>
    /// <remarks>For hosts that sort in memory, and as the reference a database order is tested against.</remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public int Compare(JsonObject left, JsonObject right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var compared = SortKeys.Compare(SortKeys.Read(left, this), SortKeys.Read(right, this), Attribute);
        if (compared == 0)
        {
            compared = string.CompareOrdinal(SortKeys.Id(left), SortKeys.Id(right));
        }

        return Order == ScimSortOrder.Ascending ? compared : -compared;
    }

    /// <inheritdoc />
    public override string ToString() => $"sortBy={SortBy}, sortOrder={(Order == ScimSortOrder.Ascending ? "ascending" : "descending")}";

    private static bool TryReadOrder(string? text, out ScimSortOrder order)
    {
        order = ScimSortOrder.Ascending;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || string.Equals(value, "ascending", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        order = ScimSortOrder.Descending;
        return string.Equals(value, "descending", StringComparison.OrdinalIgnoreCase);
    }

    private static ScimResult<ScimSort?> Fail(string detail) => ScimResult<ScimSort?>.Failure(ScimError.InvalidValue(detail));
}
