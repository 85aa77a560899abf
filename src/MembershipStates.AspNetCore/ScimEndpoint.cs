using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary>One SCIM endpoint as the pipeline serves it: the name of its operation, its place under the SCIM base, and its handler.</summary>
/// <remarks>Immutable; built once per endpoint when the endpoints are mapped.</remarks>
internal sealed class ScimEndpoint
{
    /// <param name="operation">The operation's name in telemetry, <c>Resource.Action</c> (<c>Users.Patch</c>).</param>
    /// <param name="relativeSegments">How many path segments the endpoint's own template has below the SCIM base (1 for <c>/Users</c>, 2 for <c>/Users/{id}</c>; -1 for the catch-all).</param>
    /// <param name="readsBody">Whether the endpoint reads a body.</param>
    /// <param name="handler">The endpoint.</param>
    public ScimEndpoint(string operation, int relativeSegments, bool readsBody, Func<ScimRequest, Task<ScimResponse>> handler)
    {
        Operation = operation;
        SpanName = "SCIM " + operation;
        RelativeSegments = relativeSegments;
        ReadsBody = readsBody;
        Handler = handler;
    }

    /// <summary>Gets the operation's name: the value of <see cref="ScimTelemetry.OperationAttribute"/>.</summary>
    public string Operation { get; }

    /// <summary>Gets the name of the request's span, made once rather than per request.</summary>
    public string SpanName { get; }

    public int RelativeSegments { get; }

    public bool ReadsBody { get; }

    public Func<ScimRequest, Task<ScimResponse>> Handler { get; }
}
