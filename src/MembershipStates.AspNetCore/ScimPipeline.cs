using System.Buffers;
using System.Diagnostics;
using MembershipStates.Scim;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MembershipStates.AspNetCore;

/// <summary>
/// What every SCIM request goes through, whatever its endpoint: failures as SCIM errors, authentication,
/// media type and size of the body, writing the answer, and its span and duration.
/// </summary>
internal sealed class ScimPipeline
{
    internal const string OrganizationRouteValue = "organization";

    private readonly MembershipStatesOptions _options;
    private readonly ILogger _logger;
    private readonly ScimTelemetry _telemetry;

    public ScimPipeline(IOptions<MembershipStatesOptions> options, ILoggerFactory loggerFactory, ScimTelemetry telemetry)
    {
        _options = options.Value;
        _logger = loggerFactory.CreateLogger("MembershipStates.AspNetCore.Scim");
        _telemetry = telemetry;
    }

    /// <summary>Builds the request delegate of an endpoint.</summary>
    /// <param name="operation">The operation's name in telemetry, <c>Resource.Action</c> (<c>Users.Patch</c>).</param>
    /// <param name="relativeSegments">How many path segments the endpoint's own template has below the SCIM base (1 for <c>/Users</c>, 2 for <c>/Users/{id}</c>; -1 for the catch-all).</param>
    /// <param name="readsBody">Whether the endpoint reads a body.</param>
    /// <param name="handler">The endpoint.</param>
    public RequestDelegate Build(string operation, int relativeSegments, bool readsBody, Func<ScimRequest, Task<ScimResponse>> handler)
    {
        var endpoint = new ScimEndpoint(operation, relativeSegments, readsBody, handler);
        return context => HandleAsync(context, endpoint);
    }

    internal static async Task WriteAsync(HttpContext context, ScimResponse answer, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.Append(name, value);
        }

        if (!answer.Body.IsEmpty)
        {
            response.ContentLength = answer.Body.Length;
            await response.Body.WriteAsync(answer.Body, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            response.ContentLength = 0;
        }
    }

    /// <summary>The base URL of the SCIM endpoints: the request's URL less the endpoint's own segments.</summary>
    internal static string BaseUrlOf(HttpRequest request, int relativeSegments)
    {
        var path = request.Path.HasValue ? request.Path.Value! : string.Empty;
        if (path.Length > 1 && path[^1] == '/')
        {
            path = path[..^1];
        }

        for (var i = 0; i < relativeSegments; i++)
        {
            var slash = path.LastIndexOf('/');
            path = slash < 0 ? string.Empty : path[..slash];
        }

        return string.Concat(
            request.Scheme,
            "://",
            request.Host.ToUriComponent(),
            request.PathBase.ToUriComponent(),
            new PathString(path).ToUriComponent());
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value)
        {
            return null;
        }

        const string Scheme = "Bearer ";
        var text = value.AsSpan().Trim();
        if (text.Length <= Scheme.Length || !text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = text[Scheme.Length..].Trim();
        return token.IsEmpty ? null : token.ToString();
    }

    private static bool IsJson(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        var type = mediaType.MediaType;
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/scim+json", StringComparison.OrdinalIgnoreCase);
    }

    private async Task HandleAsync(HttpContext context, ScimEndpoint endpoint)
    {
        var cancellationToken = context.RequestAborted;
        var telemetry = _telemetry.StartRequest(endpoint);
        var answered = true;
        Exception? failure = null;
        try
        {
            var answer = await AuthenticateAndRunAsync(context, endpoint, telemetry.Activity).ConfigureAwait(false);
            await WriteAsync(context, answer, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            // The client is gone: there is nobody to answer.
            answered = false;
            failure = exception;
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            // The server refused the body while it was read (Kestrel's own size limit, a broken chunked body).
            var error = exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ScimError.PayloadTooLarge(TooLargeDetail())
                : ScimError.BadRequest("The request could not be read.");
            await WriteAsync(context, error.ToResponse(), cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Every failure is answered as a SCIM error; the exception is logged, never shown.
        catch (Exception exception) when (!context.Response.HasStarted)
#pragma warning restore CA1031
        {
            failure = exception;
            ScimLog.RequestFailed(_logger, exception, context.Request.Method, context.Request.Path.Value ?? string.Empty);
            context.Response.Clear();
            await WriteAsync(context, ScimError.InternalServerError().ToResponse(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The answer had started: the server aborts the response; the span and the duration still say why.
            failure = exception;
            throw;
        }
        finally
        {
            _telemetry.StopRequest(telemetry, endpoint, answered ? context.Response.StatusCode : null, failure);
        }
    }

    private async Task<ScimResponse> AuthenticateAndRunAsync(HttpContext context, ScimEndpoint endpoint, Activity? activity)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        var routeOrganization = request.RouteValues[OrganizationRouteValue]?.ToString();
        var resolver = context.RequestServices.GetRequiredService<IScimOrganizationResolver>();
        var organization = await resolver.ResolveAsync(context, routeOrganization, BearerToken(request), cancellationToken).ConfigureAwait(false);
        if (organization is null)
        {
            ScimLog.Unauthorized(_logger, request.Method, request.Path.Value ?? string.Empty, routeOrganization);
            // ScimResponse adds the WWW-Authenticate: Bearer challenge of RFC 6750 §3.
            return ScimError.Unauthorized("Authorization failed: send 'Authorization: Bearer <token>' with the token of this organization.").ToResponse();
        }

        ScimTelemetry.Authenticated(activity, organization);

        var body = ReadOnlyMemory<byte>.Empty;
        if (endpoint.ReadsBody)
        {
            if (request.ContentType is { } contentType && !IsJson(contentType))
            {
                return ScimError.UnsupportedMediaType("The request body must be 'application/scim+json' or 'application/json'.").ToResponse();
            }

            var read = await ReadBodyAsync(context, cancellationToken).ConfigureAwait(false);
            if (read is null)
            {
                return ScimError.PayloadTooLarge(TooLargeDetail()).ToResponse();
            }

            body = read;
        }

        var store = context.RequestServices.GetRequiredService<IScimMemberStore>();
        var baseUrl = endpoint.RelativeSegments >= 0 ? BaseUrlOf(request, endpoint.RelativeSegments) : string.Empty;
        return await endpoint.Handler(new ScimRequest(context, organization, store, baseUrl, body, activity)).ConfigureAwait(false);
    }

    /// <summary>Reads the whole body, or returns <see langword="null"/> when it is larger than the limit.</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var limit = _options.MaxRequestBodySize;
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            return null;
        }

        // Let the server stop reading at the same size, for chunked bodies too.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var initial = (int)Math.Min(request.ContentLength ?? 4096, limit) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 256));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
                if (length > limit)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private string TooLargeDetail() =>
        $"The request body is larger than the {_options.MaxRequestBodySize} bytes this service provider accepts.";
}
