using MembershipStates.Scim;
using Microsoft.AspNetCore.Http;

namespace MembershipStates.AspNetCore;

/// <summary>The catch-all under the SCIM base: what answers a path or method no endpoint maps.</summary>
internal static class ScimUnmatchedHandler
{
    /// <summary>
    /// Any other path or method under the SCIM base: 405 for a method other than GET on a discovery endpoint,
    /// 501 for another endpoint SCIM defines (another method, bulk, search), 404 otherwise.
    /// </summary>
    public static Task<ScimResponse> AnswerAsync(ScimRequest request)
    {
        var path = request.RouteValue("path") ?? string.Empty;
        var segments = path.Split('/');
        var resource = segments[0].ToUpperInvariant();
        var method = request.HttpContext.Request.Method;

        // The discovery endpoints are read-only (RFC 7644 §4); their GET is mapped, so any method arriving here is refused.
        var discovery = segments.Length switch
        {
            1 => resource is "SERVICEPROVIDERCONFIG" or "RESOURCETYPES" or "SCHEMAS",
            2 => resource is "RESOURCETYPES" or "SCHEMAS",
            _ => false,
        };
        if (discovery && !HttpMethods.IsGet(method))
        {
            return Task.FromResult(ScimResponse.MethodNotAllowed(
                ["GET"], $"/{path} is read-only: {method} is not allowed (RFC 7644 §4)."));
        }
        var defined = segments.Length switch
        {
            1 => resource is "USERS" or "GROUPS" or "SERVICEPROVIDERCONFIG" or "RESOURCETYPES" or "SCHEMAS" or "BULK" or "ME" or ".SEARCH",
            2 => resource is "USERS" or "GROUPS" or "RESOURCETYPES" or "SCHEMAS",
            _ => false,
        };
        ScimError error = defined
            ? ScimError.NotImplemented($"{method} /{path} is not supported by this service provider.")
            : ScimError.NotFound($"There is no SCIM endpoint at /{path}.");
        return Task.FromResult(error.ToResponse());
    }
}
