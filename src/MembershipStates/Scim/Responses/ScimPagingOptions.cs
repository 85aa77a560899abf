namespace MembershipStates.Scim;

/// <summary>
/// How many resources a list or query returns per page: the host's setting
/// (<c>MembershipStatesOptions.Paging</c> in the adapter), announced in <c>/ServiceProviderConfig</c>.
/// </summary>
/// <remarks>
/// <para>The defaults answer Okta's <c>count=100</c> in one page and cap every page at 200 resources.
/// <see cref="MaxPageSize"/> is also the <c>filter.maxResults</c> that <see cref="ScimDiscovery"/> announces.</para>
/// <para>A <see cref="DefaultPageSize"/> larger than <see cref="MaxPageSize"/> is lowered to it when used.</para>
/// <para>Thread-safe once built: the values are set only while it is initialized.</para>
/// </remarks>
public sealed class ScimPagingOptions
{
    private readonly int _defaultPageSize = 100;
    private readonly int _maxPageSize = 200;

    /// <summary>Gets the options with every default.</summary>
    public static ScimPagingOptions Default { get; } = new();

    /// <summary>Gets the page size when a request has no <c>count</c>.</summary>
    /// <value>The default value is 100.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int DefaultPageSize
    {
        get => _defaultPageSize;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _defaultPageSize = value;
        }
    }

    /// <summary>Gets the largest page returned, whatever <c>count</c> asks for.</summary>
    /// <value>The default value is 200.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int MaxPageSize
    {
        get => _maxPageSize;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxPageSize = value;
        }
    }

    /// <summary>Gets the page size used when a request has no <c>count</c>: <see cref="DefaultPageSize"/>, at most <see cref="MaxPageSize"/>.</summary>
    public int EffectiveDefaultPageSize => Math.Min(DefaultPageSize, MaxPageSize);
}
